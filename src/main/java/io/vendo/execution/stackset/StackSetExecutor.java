package io.vendo.execution.stackset;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
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
 * STACK_SET requests. For the target account: CreateStackInstances in the delivery's regions with the request's values
 * as overrides. For organizational units (service-managed permissions): first UpdateStackSet makes the request's values
 * the StackSet's parameters, with the blueprint's auto-deployment, then CreateStackInstances for the OUs. Each operation
 * has a deterministic OperationId and the delivery's operation preferences, and is followed by
 * DescribeStackSetOperation until it ends; ListStackInstances gives each account's and region's outcome. A StackSet
 * runs one operation at a time: AWS's OperationInProgressException is waited out like throttling.
 */
@Component
class StackSetExecutor extends KindExecutor<StackSetSpec> {

    static final String CREATE_STACK_INSTANCES = "CreateStackInstances";
    static final String UPDATE_STACK_SET = "UpdateStackSet";

    private final StackSetProvisioner provisioner;

    StackSetExecutor(StackSetProvisioner provisioner) {
        super("StackSet");
        this.provisioner = provisioner;
        phase(ExecutionPhase.UPDATE_STACK_SET, this::updateStackSet);
        phase(ExecutionPhase.AWAIT_STACK_SET_UPDATE, this::awaitStackSetUpdate);
        phase(ExecutionPhase.CREATE_STACK_INSTANCES, this::createStackInstances);
        phase(ExecutionPhase.AWAIT_STACK_SET_OPERATION, this::awaitOperation);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.delivery() instanceof Delivery.StackSet;
    }

    @Override
    protected String firstOperation(StackSetSpec spec) {
        return (spec.toOrganizationalUnits() ? UPDATE_STACK_SET : CREATE_STACK_INSTANCES) + " " + spec.stackSetName()
                + " for " + spec.where() + " in " + String.join(", ", spec.regions());
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.plan(spec);
    }

    /** OUs only: the StackSet's parameters first; an account's instances take overrides instead. */
    private StepOutcome updateStackSet(StackSetSpec spec, ExecutionRun run) {
        if (!spec.toOrganizationalUnits()) {
            return createStackInstances(spec, run);
        }
        return StackSetOperationStart.start(
                provisioner,
                run,
                UPDATE_STACK_SET,
                spec.stackSetUpdate(),
                provisioner::updateStackSet,
                ExecutionPhase.AWAIT_STACK_SET_UPDATE);
    }

    private StepOutcome awaitStackSetUpdate(StackSetSpec spec, ExecutionRun run) {
        var update = spec.stackSetUpdate();
        var operation = provisioner.describeOperation(update);
        run.polled(UPDATE_STACK_SET + " " + operation.status(), reason(operation));
        return switch (operation.status()) {
            case "SUCCEEDED" -> {
                run.moveTo(ExecutionPhase.CREATE_STACK_INSTANCES);
                yield StepOutcome.now();
            }
            case "FAILED", "STOPPED" ->
                new StepOutcome.Failed("StackSet operation %s (UpdateStackSet) %s%s"
                        .formatted(
                                update.operationId(),
                                operation.status(),
                                operation.reason() != null ? ": " + operation.reason() : ""));
            default -> new StepOutcome.Continue(run.nextPoll());
        };
    }

    private StepOutcome createStackInstances(StackSetSpec spec, ExecutionRun run) {
        run.remember("OperationId", spec.operationId());
        run.remember(StackSetSpec.NAME, spec.stackSetName());
        if (spec.toOrganizationalUnits()) {
            run.remember(StackSetSpec.ORGANIZATIONAL_UNITS, String.join(",", spec.organizationalUnits()));
        } else {
            run.remember(StackSetSpec.ACCOUNTS, spec.account());
        }
        run.remember(StackSetSpec.REGIONS, String.join(",", spec.regions()));
        return StackSetOperationStart.start(
                provisioner,
                run,
                CREATE_STACK_INSTANCES,
                spec,
                provisioner::createStackInstances,
                ExecutionPhase.AWAIT_STACK_SET_OPERATION);
    }

    private StepOutcome awaitOperation(StackSetSpec spec, ExecutionRun run) {
        var operation = provisioner.describeOperation(spec);
        run.polled("Operation " + operation.status(), reason(operation));
        return switch (operation.status()) {
            case "QUEUED", "RUNNING", "STOPPING" -> new StepOutcome.Continue(run.nextPoll());
            default -> {
                var instances = provisioner.instances(spec);
                var outputs = new LinkedHashMap<String, String>();
                instances.forEach(instance -> outputs.put(
                        "Instance " + (spec.toOrganizationalUnits() ? instance.account() + " " : "")
                                + instance.region(),
                        instance.status()
                                + (instance.detailedStatus() != null ? " " + instance.detailedStatus() : "")));
                if ("SUCCEEDED".equals(operation.status())) {
                    yield new StepOutcome.Succeeded(outputs);
                }
                var failures = instances.stream()
                        .filter(instance -> !"SUCCEEDED".equals(instance.detailedStatus()))
                        .map(instance -> (spec.toOrganizationalUnits() ? instance.account() + " " : "")
                                + instance.region() + ": " + instance.detailedStatus()
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

    private static Map<String, String> reason(StackSetProvisioner.OperationStatus operation) {
        return operation.reason() != null ? Map.of("reason", operation.reason()) : Map.of();
    }

    @Override
    protected StackSetSpec specFor(Job job) {
        return StackSetSpec.of(job, "create-stack-instances");
    }
}
