package io.vendo.execution.product;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to update an environment's provisioned product for one UPDATE request: the product and the
 * provisioning artifact of the version the request pins (a newer version names its own artifact), the values, and the
 * UpdateToken derived from the request, so every retry, restart or second replica sends the same update.
 *
 * @param parameters decrypted only while the call is built; shown masked
 */
public record ProductUpdateSpec(
        UUID requestId,
        String provisionedProductId,
        String productId,
        String provisioningArtifactId,
        @Nullable String pathId,
        String updateToken,
        DeploymentParameters parameters,
        AwsTarget target) {}
