package io.vendo.execution.stack;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.ChangePreview;
import io.vendo.request.RequestKind;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * UPDATE of STACK environments: an UPDATE change set on the environment's stack, computed while the request waits for
 * approval and shown to approvers as its preview; once approved, that change set and no other is executed, with the
 * request's ClientRequestToken, and the stack awaited to UPDATE_COMPLETE (a rollback is a failure with the first
 * resource's reason).
 *
 * <p>Where the preview is made: in the execution's own durable phases (CREATE_CHANGE_SET, AWAIT_CHANGE_SET), run by
 * the request's preview task from submission on, before any approver is invited; the preview is stored on the request
 * in the transaction that ends those phases (AWAIT_APPROVAL), and that same transaction invites the approvers. A crash
 * at any point leaves a phase from which the next run continues: the change set's name and ClientToken derive from the
 * request (and the round), so nothing is created twice. Unlike a stack's creation, an update's change set leaves
 * nothing behind when the request is rejected: a change set that is not executed changes nothing.
 *
 * <p>What is approved is what runs: after approval the change set is described first. If it can no longer be executed
 * as shown (its ExecutionStatus is no longer AVAILABLE: OBSOLETE because the stack changed since, UNAVAILABLE, or it
 * was deleted), it is never executed: a new one is computed in the next round (its own name and ClientToken), the
 * request goes back to its approvers with the new preview, and its timeline says why.
 */
@Component
class StackUpdateExecutor extends KindExecutor<StackSpec> {

    /** The round of the current change set, and why the one before went stale. */
    static final String ROUND = "ChangeSetRound";

    static final String STALE = "ChangeSetStaleReason";

    private static final Set<String> EXECUTABLE = Set.of("AVAILABLE");

    private final StackProvisioner provisioner;
    private final ChangeSetSteps changeSets;

    StackUpdateExecutor(StackProvisioner provisioner) {
        super("STACK update");
        this.provisioner = provisioner;
        this.changeSets = new ChangeSetSteps(provisioner);
        phase(ExecutionPhase.CREATE_CHANGE_SET, (spec, run) -> changeSets.create(current(spec, run), run));
        phase(ExecutionPhase.AWAIT_CHANGE_SET, this::awaitChangeSet);
        phase(ExecutionPhase.AWAIT_APPROVAL, this::checkApproved);
        phase(ExecutionPhase.EXECUTE_CHANGE_SET, (spec, run) -> changeSets.execute(current(spec, run), run));
        phase(ExecutionPhase.AWAIT_STACK, (spec, run) -> changeSets.awaitStack(current(spec, run), run, false));
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.STACK;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.UPDATE;
    }

    @Override
    protected boolean previews() {
        return true;
    }

    /** Computing and checking the change set change nothing; executing it does. */
    @Override
    protected boolean startsIn(ExecutionPhase phase) {
        return phase == ExecutionPhase.EXECUTE_CHANGE_SET || phase == ExecutionPhase.AWAIT_STACK;
    }

    @Override
    protected String firstOperation(StackSpec spec) {
        return ChangeSetSteps.EXECUTE_CHANGE_SET + " on " + spec.stackName();
    }

    @Override
    protected String plan(StackSpec spec) {
        return provisioner.plan(spec);
    }

    private StepOutcome awaitChangeSet(StackSpec spec, ExecutionRun run) {
        var current = current(spec, run);
        var changeSet = changeSets.poll(current, run);
        return switch (changeSet.outcome()) {
            case PENDING -> new StepOutcome.Continue(run.nextPoll());
            case READY, NO_CHANGES -> {
                var round = round(run);
                run.previewed(new ChangePreview(
                        current.changeSetName(),
                        round,
                        changeSet.outcome() == ChangeSetStatus.Outcome.READY
                                ? changeSet.changes().stream()
                                        .map(ResourceChange::toPreview)
                                        .toList()
                                : java.util.List.of(),
                        round > 1
                                ? "Recreated: the change set approved before went stale (%s). Decide again on this one."
                                        .formatted(run.awsId(STALE).orElse("it can no longer be executed"))
                                : null,
                        run.now()));
                if (!run.approved()) {
                    run.moveTo(ExecutionPhase.AWAIT_APPROVAL);
                    yield new StepOutcome.AwaitApproval();
                }
                // Approved by its policy already: nobody waits for the preview.
                yield proceed(changeSet, run);
            }
            case FAILED -> changeSets.failed(current, changeSet);
        };
    }

    /** Approved: the change set shown is executed only if it still can be; otherwise a new one goes to approval. */
    private StepOutcome checkApproved(StackSpec spec, ExecutionRun run) {
        if (!run.approved()) {
            return new StepOutcome.AwaitApproval();
        }
        var current = current(spec, run);
        var changeSet = provisioner.changeSetIfExists(current, run.requireAwsId("ChangeSetId"));
        if (changeSet.isPresent()) {
            var found = changeSet.get();
            var executable =
                    found.outcome() == ChangeSetStatus.Outcome.READY && EXECUTABLE.contains(found.executionStatus());
            if (executable || found.outcome() == ChangeSetStatus.Outcome.NO_CHANGES) {
                return proceed(found, run);
            }
        }
        var reason = changeSet
                .map(found -> ("change set %s is %s/%s, no longer executable: the stack changed since it"
                                + " was computed")
                        .formatted(current.changeSetName(), found.status(), found.executionStatus()))
                .orElse("change set %s no longer exists".formatted(current.changeSetName()));
        var next = round(run) + 1;
        run.record("execution.change-set-stale", Map.of("changeSet", current.changeSetName(), "reason", reason));
        run.remember(ROUND, String.valueOf(next));
        run.remember(STALE, reason);
        run.moveTo(ExecutionPhase.CREATE_CHANGE_SET);
        run.wentStale("What was approved can no longer be executed as shown: " + reason
                + ". A new change set is computed, and the request waits for approval again.");
        return new StepOutcome.AwaitApproval();
    }

    /** Executes a change set with changes; one without changes leaves the stack as it stands. */
    private static StepOutcome proceed(ChangeSetStatus changeSet, ExecutionRun run) {
        run.moveTo(
                changeSet.outcome() == ChangeSetStatus.Outcome.READY
                        ? ExecutionPhase.EXECUTE_CHANGE_SET
                        : ExecutionPhase.AWAIT_STACK);
        return StepOutcome.now();
    }

    private static int round(ExecutionRun run) {
        return run.awsId(ROUND).map(Integer::parseInt).orElse(1);
    }

    private static StackSpec current(StackSpec spec, ExecutionRun run) {
        return spec.inRound(round(run));
    }

    @Override
    protected StackSpec specFor(Job job) {
        var stackId = job.handles().get("StackId");
        if (stackId == null) {
            throw new IllegalStateException("Request %s: its environment has no StackId".formatted(job.requestId()));
        }
        return new StackSpec(
                job.requestId(),
                stackId,
                "vendo-" + job.requestId(),
                true,
                job.token("create-change-set"),
                job.token("execute-change-set"),
                job.blueprint().templateBody(),
                job.parameters(),
                job.blueprint().capabilities(),
                // The stack keeps its tags: they carry the environment's owner and lease, not this request's.
                Map.of(),
                false,
                job.target());
    }
}
