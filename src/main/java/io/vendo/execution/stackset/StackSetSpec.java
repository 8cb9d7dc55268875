package io.vendo.execution.stackset;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import java.util.List;
import java.util.UUID;

/**
 * Everything needed to add one request's stack instances to a StackSet: the target account, in these regions (also
 * the order in which they are deployed), with the request's parameters as overrides. The OperationId derives from
 * the request id, so a repeated call is recognised as the same operation.
 *
 * @param administration where the StackSet is administered: the portal's own account, in the StackSet's home region
 */
public record StackSetSpec(
        UUID requestId,
        String stackSetName,
        String account,
        List<String> regions,
        int maxConcurrentPercentage,
        int failureTolerancePercentage,
        String operationId,
        DeploymentParameters parameters,
        AwsTarget administration) {

    public StackSetSpec {
        regions = List.copyOf(regions);
    }
}
