package io.vendo.execution.stack;

import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.StepOutcome;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps every change set goes through, whether it creates a stack (PROVISION) or updates one (UPDATE): create it
 * with its ClientToken (after a possibly sent call, look it up first), wait until CloudFormation computed it, execute it
 * with its ClientRequestToken (after a possibly sent call, only if it is still AVAILABLE), wait until the stack stands.
 * What the executors do with a computed change set differs, and stays theirs.
 */
final class ChangeSetSteps {

    static final String CREATE_CHANGE_SET = "CreateChangeSet";
    static final String EXECUTE_CHANGE_SET = "ExecuteChangeSet";

    private final StackProvisioner provisioner;

    ChangeSetSteps(StackProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    /** Creates the spec's change set (once per ClientToken) and moves on to waiting for it. */
    StepOutcome create(StackSpec spec, ExecutionRun run) {
        // A later round's change set finds the earlier round's attempt counted: it looks up before it creates.
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

    /** Polls the change set; a computed one's resource changes are kept for the request's page and timeline. */
    ChangeSetStatus poll(StackSpec spec, ExecutionRun run) {
        var changeSet = provisioner.describeChangeSet(spec, run.requireAwsId("ChangeSetId"));
        var reason = changeSet.reason() != null ? Map.of("reason", changeSet.reason()) : Map.<String, String>of();
        run.polled("ChangeSet " + changeSet.status(), reason);
        if (changeSet.outcome() == ChangeSetStatus.Outcome.READY) {
            run.resourceChanges(changeSet.changes());
            run.record(
                    "execution.change-set-ready",
                    Map.of(
                            "changeSet",
                            spec.changeSetName(),
                            "changes",
                            changeSet.changes().stream()
                                    .map(ResourceChange::summary)
                                    .collect(Collectors.joining("\n"))));
        }
        return changeSet;
    }

    StepOutcome failed(StackSpec spec, ChangeSetStatus changeSet) {
        return new StepOutcome.Failed(
                "Change set %s %s: %s".formatted(spec.changeSetName(), changeSet.status(), changeSet.reason()));
    }

    /** Executes the computed change set once, and moves on to waiting for the stack. */
    StepOutcome execute(StackSpec spec, ExecutionRun run) {
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

    /**
     * Polls the stack until it stands: its outputs are the request's; a failure (a rollback included) gives the first
     * resource's reason of this execution, in CloudFormation's words.
     */
    StepOutcome awaitStack(StackSpec spec, ExecutionRun run, boolean protect) {
        var stackId = run.requireAwsId("StackId");
        var stack = provisioner.describeStack(spec, stackId);
        run.polled(stack.status(), Map.of());
        return switch (stack.outcome()) {
            case IN_PROGRESS -> new StepOutcome.Continue(run.nextPoll());
            case SUCCEEDED -> {
                if (protect) {
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

    /** The stack's outputs as they stand (a change set with nothing to change leaves them as they are). */
    StepOutcome unchanged(StackSpec spec, ExecutionRun run) {
        return new StepOutcome.Succeeded(
                provisioner.describeStack(spec, run.requireAwsId("StackId")).outputs());
    }
}
