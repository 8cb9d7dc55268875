package io.vendo.execution.stackset;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Map;

/**
 * The day-2 executors of STACK_SET environments: one operation on the environment's stack instances (the account or
 * organizational units, and regions, provisioning recorded), with an OperationId derived from the request, then
 * DescribeStackSetOperation until it ends. A possibly sent call is looked up by its OperationId before it is sent
 * again ({@link StackSetOperationStart}). A subclass names the call and sends it.
 */
abstract class StackSetInstancesExecutor extends KindExecutor<StackSetSpec> {

    protected final StackSetProvisioner provisioner;
    private final RequestKind requestKind;

    StackSetInstancesExecutor(
            StackSetProvisioner provisioner, String name, RequestKind requestKind, ExecutionPhase phase) {
        super(name);
        this.provisioner = provisioner;
        this.requestKind = requestKind;
        phase(phase, this::start);
        phase(ExecutionPhase.AWAIT_STACK_SET_OPERATION, this::await);
    }

    /** The AWS call that starts the spec's operation, e.g. {@code DeleteStackInstances}. */
    protected abstract String call(StackSetSpec spec);

    /** What the request's OperationId is derived from, e.g. {@code delete-stack-instances}. */
    protected abstract String tokenOperation(Job job);

    /** Starts the operation; the same OperationId again is the same operation. */
    protected abstract void send(StackSetSpec spec);

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.STACK_SET;
    }

    @Override
    protected RequestKind requestKind() {
        return requestKind;
    }

    @Override
    protected String firstOperation(StackSetSpec spec) {
        return call(spec) + " " + spec.stackSetName() + " for " + spec.where() + " in "
                + String.join(", ", spec.regions());
    }

    private StepOutcome start(StackSetSpec spec, ExecutionRun run) {
        return StackSetOperationStart.start(
                provisioner, run, call(spec), spec, this::send, ExecutionPhase.AWAIT_STACK_SET_OPERATION);
    }

    /** Polls the spec's operation until it is no longer RUNNING. */
    private StepOutcome await(StackSetSpec spec, ExecutionRun run) {
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

    /** The instances the environment has: its StackSet, account or OUs, and regions, as provisioning recorded them. */
    @Override
    protected StackSetSpec specFor(Job job) {
        return StackSetSpec.of(job, tokenOperation(job));
    }
}
