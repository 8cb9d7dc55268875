package io.vendo.execution.product;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to provision one request's Service Catalog product (an ordinary product, or Control Tower's
 * Account Factory). The provisioned product's name and the ProvisionToken derive from the request id, so every retry,
 * restart or second replica asks for the same provisioned product with the same token.
 *
 * @param parameters decrypted only while the call is built; shown masked
 */
public record ProductSpec(
        UUID requestId,
        String productId,
        String provisioningArtifactId,
        @Nullable String pathId,
        String provisionedProductName,
        String provisionToken,
        DeploymentParameters parameters,
        Map<String, String> tags,
        AwsTarget target) {

    public ProductSpec {
        tags = Map.copyOf(tags);
    }
}
