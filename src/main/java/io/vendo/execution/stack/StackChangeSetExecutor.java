package io.vendo.execution.stack;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import java.util.Map;
import java.util.stream.Collectors;
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

    static final String CREATE_CHANGE_SET = "CreateChangeSet";
    static final String EXECUTE_CHANGE_SET = "ExecuteChangeSet";

    private final StackProvisioner provisioner;

    StackChangeSetExecutor(StackProvisioner provisioner) {
        super("STACK");
        this.provisioner = provisioner;
        phase(ExecutionPhase.CREATE_CHANGE_SET, this::createChangeSet);
        phase(ExecutionPhase.AWAIT_CHANGE_SET, this::awaitChangeSet);
        phase(ExecutionPhase.EXECUTE_CHANGE_SET, this::executeChangeSet);
        phase(ExecutionPhase.AWAIT_STACK, this::awaitStack);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.STACK;
    }

    @Override
    protected String firstOperation(StackSpec spec) {
        return CREATE_CHANGE_SET + " " + spec.stackName();
    }

    @Override
    protected String plan(StackSpec spec) {
        return provisioner.plan(spec);
    }

    private StepOutcome createChangeSet(StackSpec spec, ExecutionRun run) {
        var ids = run.aboutToCall(CREATE_CHANGE_SET)
                ? provisioner.findChangeSet(spec).orElseGet(() -> provisioner.createChangeSet(spec))
                : provisioner.createChangeSet(spec);
        run.remember("ChangeSetId", ids.changeSetId());
        run.remember("StackId", ids.stackId());
        run.record(
                "execution.change-set-created",
                Map.of("changeSet", spec.changeSetName(), "type", spec.update() ? "UPDATE" : "CREATE"));
        run.moveTo(ExecutionPhase.AWAIT_CHANGE_SET);
        return new StepOutcome.Continue(run.firstChangeSetPoll());
    }

    private StepOutcome executeChangeSet(StackSpec spec, ExecutionRun run) {
        var changeSetId = run.requireAwsId("ChangeSetId");
        // ExecuteChangeSet has a token, but a change set executes once: after a possibly sent call, ask.
        if (!run.aboutToCall(EXECUTE_CHANGE_SET)
                || "AVAILABLE"
                        .equals(provisioner.describeChangeSet(spec, changeSetId).executionStatus())) {
            provisioner.executeChangeSet(spec, changeSetId);
        }
        run.record("execution.change-set-executed", Map.of("changeSet", spec.changeSetName()));
        run.moveTo(ExecutionPhase.AWAIT_STACK);
        return new StepOutcome.Continue(run.firstPoll());
    }

    private StepOutcome awaitChangeSet(StackSpec spec, ExecutionRun run) {
        var changeSet = provisioner.describeChangeSet(spec, run.requireAwsId("ChangeSetId"));
        var reason = changeSet.reason() != null ? Map.of("reason", changeSet.reason()) : Map.<String, String>of();
        run.polled("ChangeSet " + changeSet.status(), reason);
        return switch (changeSet.outcome()) {
            case PENDING -> new StepOutcome.Continue(run.nextPoll());
            case READY -> {
                run.resourceChanges(changeSet.changes());
                run.record(
                        "execution.change-set-ready",
                        Map.of(
                                "changes",
                                changeSet.changes().stream()
                                        .map(ResourceChange::summary)
                                        .collect(Collectors.joining("\n"))));
                run.moveTo(ExecutionPhase.EXECUTE_CHANGE_SET);
                yield StepOutcome.now();
            }
            case NO_CHANGES -> {
                // Nothing to execute: the stack already is what was asked for, and its outputs are the answer.
                var stack = provisioner.describeStack(spec, run.requireAwsId("StackId"));
                yield new StepOutcome.Succeeded(stack.outputs());
            }
            case FAILED ->
                new StepOutcome.Failed(
                        "Change set %s %s: %s".formatted(spec.changeSetName(), changeSet.status(), changeSet.reason()));
        };
    }

    private StepOutcome awaitStack(StackSpec spec, ExecutionRun run) {
        var stackId = run.requireAwsId("StackId");
        var stack = provisioner.describeStack(spec, stackId);
        run.polled(stack.status(), Map.of());
        return switch (stack.outcome()) {
            case IN_PROGRESS -> new StepOutcome.Continue(run.nextPoll());
            case SUCCEEDED -> {
                if (spec.terminationProtection()) {
                    run.aboutToCall("UpdateTerminationProtection");
                    provisioner.protectFromTermination(spec, stackId);
                    run.record("execution.termination-protection", Map.of("stack", spec.stackName()));
                }
                yield new StepOutcome.Succeeded(stack.outputs());
            }
            case FAILED ->
                new StepOutcome.Failed(provisioner
                        .firstFailureReason(spec, stackId)
                        .map(first -> stack.status() + ": " + first)
                        .orElse("Stack ended in " + stack.status()));
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
