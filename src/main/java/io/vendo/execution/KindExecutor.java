package io.vendo.execution;

/**
 * Executes the requests of one blueprint kind, one short step at a time: at most one mutating AWS call (announced
 * through {@link ExecutionRun#aboutToCall}) or one status call per step, then it says when to run again.
 */
interface KindExecutor {

    boolean handles(Job job);

    ExecutionPhase firstPhase(Job job);

    /** The first operation, as the request's timeline names it, e.g. {@code CreateChangeSet vendo-web-…}. */
    String firstOperation(Job job);

    /** The exact calls this executor would make, rendered for people: the dry run shows them. */
    String plan(Job job);

    /**
     * Does the step of the execution's phase. May move the run to the next phase; the caller saves it.
     *
     * @throws ProvisioningException when an AWS call failed
     */
    StepOutcome step(Job job, ExecutionRun run);
}
