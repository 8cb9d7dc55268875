package io.vendo.execution.stackset;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.execution.AwsTarget;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * STACK_SET requests: CreateStackInstances for the target account in the delivery's regions, with a deterministic
 * OperationId and the delivery's operation preferences (region order, max concurrent %, failure tolerance %), then
 * DescribeStackSetOperation until it ends; ListStackInstances gives each region's outcome. A StackSet runs one
 * operation at a time: AWS's OperationInProgressException is waited out like throttling.
 */
@Component
class StackSetExecutor extends KindExecutor<StackSetSpec> {

    static final String CREATE_STACK_INSTANCES = "CreateStackInstances";

    private final StackSetProvisioner provisioner;

    StackSetExecutor(StackSetProvisioner provisioner) {
        super("StackSet");
        this.provisioner = provisioner;
        phase(ExecutionPhase.CREATE_STACK_INSTANCES, this::createStackInstances);
        phase(ExecutionPhase.AWAIT_STACK_SET_OPERATION, this::awaitOperation);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.delivery() instanceof Delivery.StackSet;
    }

    @Override
    protected String firstOperation(StackSetSpec spec) {
        return CREATE_STACK_INSTANCES + " " + spec.stackSetName() + " in " + String.join(", ", spec.regions());
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.plan(spec);
    }

    private StepOutcome createStackInstances(StackSetSpec spec, ExecutionRun run) {
        if (!run.aboutToCall(CREATE_STACK_INSTANCES)
                || provisioner.findOperation(spec).isEmpty()) {
            provisioner.createStackInstances(spec);
        }
        run.remember("OperationId", spec.operationId());
        run.remember("StackSetName", spec.stackSetName());
        run.remember("StackSetAccounts", spec.account());
        run.remember("StackSetRegions", String.join(",", spec.regions()));
        run.record(
                "execution.stack-set-operation",
                Map.of("stackSet", spec.stackSetName(), "operation", spec.operationId()));
        run.moveTo(ExecutionPhase.AWAIT_STACK_SET_OPERATION);
        return new StepOutcome.Continue(run.firstPoll());
    }

    private StepOutcome awaitOperation(StackSetSpec spec, ExecutionRun run) {
        var operation = provisioner.describeOperation(spec);
        var reason = operation.reason() != null ? Map.of("reason", operation.reason()) : Map.<String, String>of();
        run.polled("Operation " + operation.status(), reason);
        return switch (operation.status()) {
            case "QUEUED", "RUNNING", "STOPPING" -> new StepOutcome.Continue(run.nextPoll());
            default -> {
                var instances = provisioner.instances(spec);
                var outputs = new LinkedHashMap<String, String>();
                instances.forEach(instance -> outputs.put(
                        "Instance " + instance.region(),
                        instance.status()
                                + (instance.detailedStatus() != null ? " " + instance.detailedStatus() : "")));
                if ("SUCCEEDED".equals(operation.status())) {
                    yield new StepOutcome.Succeeded(outputs);
                }
                var failures = instances.stream()
                        .filter(instance -> !"SUCCEEDED".equals(instance.detailedStatus()))
                        .map(instance -> instance.region() + ": " + instance.detailedStatus()
                                + (instance.reason() != null ? " " + instance.reason() : ""))
                        .collect(Collectors.joining("; "));
                yield new StepOutcome.Failed("StackSet operation %s %s%s%s"
                        .formatted(
                                spec.operationId(),
                                operation.status(),
                                operation.reason() != null ? ": " + operation.reason() : "",
                                failures.isEmpty() ? "" : " (" + failures + ")"));
            }
        };
    }

    @Override
    protected StackSetSpec specFor(Job job) {
        var delivery = (Delivery.StackSet) job.blueprint().delivery();
        var target = job.target();
        return new StackSetSpec(
                job.requestId(),
                delivery.stackSetName(),
                target.accountId(),
                delivery.regions(),
                delivery.maxConcurrentPercentage(),
                delivery.failureTolerancePercentage(),
                job.token("create-stack-instances"),
                job.parameters(),
                new AwsTarget(target.accountId(), target.region(), null, null));
    }
}
