package io.vendo.execution;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.request.RequestKind;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.springframework.modulith.NamedInterface;

/**
 * Executes the requests of one blueprint kind, one short step at a time: at most one mutating AWS call (announced
 * through {@link ExecutionRun#aboutToCall}) or one status call per step, then it says when to run again. A kind says
 * what its requests need from AWS ({@code S}, its spec), which phases it walks through and what each step does; the
 * shared runner ({@link RequestExecutor}) starts it, dispatches each run to the step of the execution's phase and ends
 * it.
 *
 * @param <S> what this kind makes of a job: everything its AWS calls need, derived from the job alone, so every step
 *     of every run, on any replica, computes the same names and tokens
 */
@NamedInterface(name = "kinds", propagate = false)
public abstract class KindExecutor<S> {

    /** The step of one phase: may move the run to the next phase; the runner saves it. */
    @FunctionalInterface
    protected interface Step<S> {

        /** @throws ProvisioningException when an AWS call failed */
        StepOutcome take(S spec, ExecutionRun run);
    }

    private final String name;
    private final SequencedMap<ExecutionPhase, Step<S>> steps = new LinkedHashMap<>();

    /** @param name how failures name this kind's execution, e.g. {@code STACK} */
    protected KindExecutor(String name) {
        this.name = name;
    }

    protected abstract boolean handles(BlueprintVersionDetails blueprint);

    /** The kind of request this executor carries out: creating (PROVISION, the default) or a day-2 kind. */
    protected RequestKind requestKind() {
        return RequestKind.PROVISION;
    }

    /**
     * Whether this executor computes what the request will change before it is approved (its first phases run while
     * the request waits for approval, and end in {@link StepOutcome.AwaitApproval}).
     */
    protected boolean previews() {
        return false;
    }

    /**
     * Whether an approved request's execution starts (can no longer be cancelled) when it reaches this phase: a
     * preview's phases, and checking it after approval, change nothing.
     */
    protected boolean startsIn(ExecutionPhase phase) {
        return true;
    }

    protected abstract S specFor(Job job);

    /** The first operation, as the request's timeline names it, e.g. {@code CreateChangeSet vendo-web-…}. */
    protected abstract String firstOperation(S spec);

    /** The exact calls this executor would make, rendered for people: the dry run shows them. */
    protected abstract String plan(S spec);

    /**
     * Declares the next phase of this kind's path and the step that runs in it; an execution starts in the first one
     * declared. A kind declares its phases once, in its constructor.
     */
    protected final void phase(ExecutionPhase phase, Step<S> step) {
        if (steps.putIfAbsent(phase, step) != null) {
            throw new IllegalStateException(name + " declares phase " + phase + " twice");
        }
    }

    /** This kind's work on one job, for the runner. */
    final Bound<S> bind(Job job) {
        return new Bound<>(this, specFor(job));
    }

    /** A kind's executor with the spec of one job: everything the runner asks of a kind. */
    record Bound<S>(KindExecutor<S> executor, S spec) {

        ExecutionPhase firstPhase() {
            return executor.steps.firstEntry().getKey();
        }

        String firstOperation() {
            return executor.firstOperation(spec);
        }

        String plan() {
            return executor.plan(spec);
        }

        boolean previews() {
            return executor.previews();
        }

        boolean startsIn(ExecutionPhase phase) {
            return executor.startsIn(phase);
        }

        /** Does the step of the execution's phase. */
        StepOutcome step(ExecutionRun run) {
            var step = executor.steps.get(run.phase());
            if (step == null) {
                throw new IllegalStateException(executor.name + " execution in phase " + run.phase());
            }
            return step.take(spec, run);
        }
    }
}
