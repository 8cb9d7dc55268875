package io.vendo.execution.stackset;

import io.vendo.catalog.Delivery;
import io.vendo.execution.AwsTarget;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.StepOutcome;
import java.util.Arrays;
import java.util.Map;

/** What the day-2 executors of StackSet environments share: the environment's instances, and waiting for an operation. */
final class StackSetOperations {

    private StackSetOperations() {}

    /** The instances the environment has: its StackSet, account and regions, as provisioning recorded them. */
    static StackSetSpec instancesOf(Job job, String operationId) {
        var delivery = (Delivery.StackSet) job.blueprint().delivery();
        var handles = job.handles();
        var target = job.target();
        return new StackSetSpec(
                job.requestId(),
                handles.getOrDefault("StackSetName", delivery.stackSetName()),
                handles.getOrDefault("StackSetAccounts", target.accountId()),
                handles.containsKey("StackSetRegions")
                        ? Arrays.asList(handles.get("StackSetRegions").split(","))
                        : delivery.regions(),
                delivery.maxConcurrentPercentage(),
                delivery.failureTolerancePercentage(),
                operationId,
                job.parameters(),
                new AwsTarget(target.accountId(), target.region(), null, null));
    }

    /** Polls the spec's operation until it is no longer RUNNING. */
    static StepOutcome await(StackSetProvisioner provisioner, StackSetSpec spec, ExecutionRun run) {
        var operation = provisioner.describeOperation(spec);
        run.polled(operation.status(), Map.of());
        return switch (operation.status()) {
            case "SUCCEEDED" -> new StepOutcome.Succeeded(Map.of());
            case "FAILED", "STOPPED" ->
                new StepOutcome.Failed("StackSet operation %s %s: %s"
                        .formatted(spec.operationId(), operation.status(), operation.reason()));
            default -> new StepOutcome.Continue(run.nextPoll());
        };
    }
}
