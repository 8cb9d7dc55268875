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
 * UPDATE of STACK_SET environments: UpdateStackInstances of the environment's account and regions, with the request's
 * values as parameter overrides and an OperationId derived from the request, then DescribeStackSetOperation until it
 * ends. A possibly sent call is looked up by its OperationId before it is sent again.
 */
@Component
class StackSetInstanceUpdateExecutor extends KindExecutor<StackSetSpec> {

    static final String UPDATE_STACK_INSTANCES = "UpdateStackInstances";

    private final StackSetProvisioner provisioner;

    StackSetInstanceUpdateExecutor(StackSetProvisioner provisioner) {
        super("STACK_SET update");
        this.provisioner = provisioner;
        phase(ExecutionPhase.UPDATE_STACK_INSTANCES, this::update);
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
        return RequestKind.UPDATE;
    }

    @Override
    protected String firstOperation(StackSetSpec spec) {
        return UPDATE_STACK_INSTANCES + " " + spec.stackSetName() + " in " + String.join(", ", spec.regions());
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.planUpdate(spec);
    }

    private StepOutcome update(StackSetSpec spec, ExecutionRun run) {
        if (!run.aboutToCall(UPDATE_STACK_INSTANCES)
                || provisioner.findOperation(spec).isEmpty()) {
            provisioner.updateStackInstances(spec);
        }
        run.record(
                "execution.stack-set-operation",
                Map.of("stackSet", spec.stackSetName(), "operation", spec.operationId()));
        run.moveTo(ExecutionPhase.AWAIT_STACK_SET_OPERATION);
        return new StepOutcome.Continue(run.firstPoll());
    }

    @Override
    protected StackSetSpec specFor(Job job) {
        return StackSetOperations.instancesOf(job, job.token("update-stack-instances"));
    }
}
