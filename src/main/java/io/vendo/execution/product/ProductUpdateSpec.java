package io.vendo.execution.product;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to update an environment's provisioned product for one UPDATE request: the product and the
 * provisioning artifact of the version the request pins (a newer version names its own artifact), the values, and the
 * plan's name and tokens, derived from the request (and the round: a plan recomputed after the last one went stale has
 * its own name and token), so every retry, restart or second replica computes and executes the same plan.
 *
 * @param parameters decrypted only while the call is built; shown masked
 * @param planToken CreateProvisionedProductPlan's IdempotencyToken
 * @param executeToken ExecuteProvisionedProductPlan's IdempotencyToken: one plan of the request is ever executed
 */
public record ProductUpdateSpec(
        UUID requestId,
        String provisionedProductId,
        String productId,
        String provisioningArtifactId,
        @Nullable String pathId,
        String planName,
        String planToken,
        String executeToken,
        DeploymentParameters parameters,
        AwsTarget target) {

    /** The spec of a later round's plan. */
    public ProductUpdateSpec inRound(int round) {
        if (round <= 1) {
            return this;
        }
        return new ProductUpdateSpec(
                requestId,
                provisionedProductId,
                productId,
                provisioningArtifactId,
                pathId,
                planName + "-" + round,
                planToken + "-" + round,
                executeToken,
                parameters,
                target);
    }
}
