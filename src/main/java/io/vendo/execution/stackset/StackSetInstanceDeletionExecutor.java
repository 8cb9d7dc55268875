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
import org.springframework.stereotype.Component;

/**
 * DECOMMISSION of STACK_SET environments: DeleteStackInstances (their stacks too) for the account and regions the
 * environment's instances are in, with an OperationId derived from the request, then DescribeStackSetOperation until it
 * ends. A possibly sent call is looked up by its OperationId before it is sent again.
 */
@Component
class StackSetInstanceDeletionExecutor extends KindExecutor<StackSetSpec> {

    static final String DELETE_STACK_INSTANCES = "DeleteStackInstances";

    private final StackSetProvisioner provisioner;

    StackSetInstanceDeletionExecutor(StackSetProvisioner provisioner) {
        super("STACK_SET deletion");
        this.provisioner = provisioner;
        phase(ExecutionPhase.DELETE_STACK_INSTANCES, this::delete);
        phase(
                ExecutionPhase.AWAIT_STACK_SET_OPERATION,
                (spec, run) -> StackSetOperations.await(provisioner, spec, run));
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.STACK_SET;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.DECOMMISSION;
    }

    @Override
    protected String firstOperation(StackSetSpec spec) {
        return DELETE_STACK_INSTANCES + " " + spec.stackSetName() + " in " + String.join(", ", spec.regions());
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.planDeletion(spec);
    }

    private StepOutcome delete(StackSetSpec spec, ExecutionRun run) {
        if (!run.aboutToCall(DELETE_STACK_INSTANCES)
                || provisioner.findOperation(spec).isEmpty()) {
            provisioner.deleteStackInstances(spec);
        }
        run.record(
                "execution.stack-set-operation",
                Map.of("stackSet", spec.stackSetName(), "operation", spec.operationId()));
        run.moveTo(ExecutionPhase.AWAIT_STACK_SET_OPERATION);
        return new StepOutcome.Continue(run.firstPoll());
    }

    @Override
    protected StackSetSpec specFor(Job job) {
        return StackSetOperations.instancesOf(job, job.token("delete-stack-instances"));
    }
}
