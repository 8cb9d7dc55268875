package io.vendo.execution.product;

import io.vendo.execution.AwsTarget;
import java.util.UUID;

/**
 * Everything needed to terminate an environment's provisioned product for one DECOMMISSION request; the TerminateToken
 * derives from the request id, so a repeated call is the same termination.
 */
public record ProductTerminationSpec(
        UUID requestId, String provisionedProductId, String terminateToken, AwsTarget target) {}
