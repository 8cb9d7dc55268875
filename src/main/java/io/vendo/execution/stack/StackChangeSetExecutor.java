package io.vendo.execution.stack;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * STACK requests: CreateChangeSet, DescribeChangeSet until it is computed (its resource changes are kept and shown on
 * the request page), ExecuteChangeSet, DescribeStacks until the stack stands, then termination protection for
 * protected environments.
 *
 * <p>The change set is created after approval, not at submission: a change set for a new stack creates the stack (in
 * REVIEW_IN_PROGRESS) in the target account, which a request that is then rejected must not leave behind, and a
 * change set computed days before the approval may no longer describe the stack. Approvers see the template's
 * resources before they decide; everyone sees the computed changes once they exist.
 */
@Component
class StackChangeSetExecutor extends KindExecutor<StackSpec> {

    private final ChangeSetSteps changeSets;

    StackChangeSetExecutor(StackProvisioner provisioner) {
        super("STACK");
        this.changeSets = new ChangeSetSteps(provisioner);
        this.provisioner = provisioner;
        phase(ExecutionPhase.CREATE_CHANGE_SET, changeSets::create);
        phase(ExecutionPhase.AWAIT_CHANGE_SET, this::awaitChangeSet);
        phase(ExecutionPhase.EXECUTE_CHANGE_SET, changeSets::execute);
        phase(
                ExecutionPhase.AWAIT_STACK,
                (spec, run) -> changeSets.awaitStack(spec, run, spec.terminationProtection()));
    }

    private final StackProvisioner provisioner;

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.STACK;
    }

    @Override
    protected String firstOperation(StackSpec spec) {
        return ChangeSetSteps.CREATE_CHANGE_SET + " " + spec.stackName();
    }

    @Override
    protected String plan(StackSpec spec) {
        return provisioner.plan(spec);
    }

    private StepOutcome awaitChangeSet(StackSpec spec, ExecutionRun run) {
        var changeSet = changeSets.poll(spec, run);
        return switch (changeSet.outcome()) {
            case PENDING -> new StepOutcome.Continue(run.nextPoll());
            case READY -> {
                run.moveTo(ExecutionPhase.EXECUTE_CHANGE_SET);
                yield StepOutcome.now();
            }
            // Nothing to execute: the stack already is what was asked for, and its outputs are the answer.
            case NO_CHANGES -> changeSets.unchanged(spec, run);
            case FAILED -> changeSets.failed(spec, changeSet);
        };
    }

    @Override
    protected StackSpec specFor(Job job) {
        var stackName = job.resourceName(128);
        return new StackSpec(
                job.requestId(),
                stackName,
                "vendo-" + job.requestId(),
                false,
                job.token("create-change-set"),
                job.token("execute-change-set"),
                job.blueprint().templateBody(),
                job.parameters(),
                job.blueprint().capabilities(),
                job.tags(),
                job.terminationProtection(),
                job.target());
    }
}
