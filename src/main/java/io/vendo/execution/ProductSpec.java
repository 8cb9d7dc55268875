package io.vendo.execution;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to provision one request's Service Catalog product (an ordinary product, or Control Tower's
 * Account Factory). The provisioned product's name and the ProvisionToken derive from the request id, so every retry,
 * restart or second replica asks for the same provisioned product with the same token.
 *
 * @param secretParameters parameters never rendered (NoEcho)
 */
public record ProductSpec(
        UUID requestId,
        String productId,
        String provisioningArtifactId,
        @Nullable String pathId,
        String provisionedProductName,
        String provisionToken,
        Map<String, String> parameters,
        Set<String> secretParameters,
        Map<String, String> tags,
        AwsTarget target) {

    public ProductSpec {
        parameters = Map.copyOf(parameters);
        secretParameters = Set.copyOf(secretParameters);
        tags = Map.copyOf(tags);
    }
}
