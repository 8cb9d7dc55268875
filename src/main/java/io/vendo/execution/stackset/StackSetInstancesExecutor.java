package io.vendo.execution.stackset;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.execution.AwsTarget;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Arrays;
import java.util.Map;

/**
 * The day-2 executors of STACK_SET environments: one operation on the environment's stack instances (the account and
 * regions provisioning recorded), with an OperationId derived from the request, then DescribeStackSetOperation until it
 * ends. A possibly sent call is looked up by its OperationId before it is sent again. A subclass names the call and
 * sends it.
 */
abstract class StackSetInstancesExecutor extends KindExecutor<StackSetSpec> {

    protected final StackSetProvisioner provisioner;
    private final RequestKind requestKind;
    private final String call;
    private final String tokenOperation;

    /**
     * @param call the operation's AWS call, e.g. {@code DeleteStackInstances}
     * @param tokenOperation what the request's OperationId is derived from, e.g. {@code delete-stack-instances}
     */
    StackSetInstancesExecutor(
            StackSetProvisioner provisioner,
            String name,
            RequestKind requestKind,
            ExecutionPhase phase,
            String call,
            String tokenOperation) {
        super(name);
        this.provisioner = provisioner;
        this.requestKind = requestKind;
        this.call = call;
        this.tokenOperation = tokenOperation;
        phase(phase, this::start);
        phase(ExecutionPhase.AWAIT_STACK_SET_OPERATION, this::await);
    }

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
        return call + " " + spec.stackSetName() + " in " + String.join(", ", spec.regions());
    }

    private StepOutcome start(StackSetSpec spec, ExecutionRun run) {
        if (!run.aboutToCall(call) || provisioner.findOperation(spec).isEmpty()) {
            send(spec);
        }
        run.record(
                "execution.stack-set-operation",
                Map.of("stackSet", spec.stackSetName(), "operation", spec.operationId()));
        run.moveTo(ExecutionPhase.AWAIT_STACK_SET_OPERATION);
        return new StepOutcome.Continue(run.firstPoll());
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

    /** The instances the environment has: its StackSet, account and regions, as provisioning recorded them. */
    @Override
    protected StackSetSpec specFor(Job job) {
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
                job.token(tokenOperation),
                job.parameters(),
                new AwsTarget(target.accountId(), target.region(), null, null));
    }
}
