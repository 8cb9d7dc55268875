package io.vendo.execution.stack;

import java.util.Optional;

/** Deploys CloudFormation stacks through change sets and reports on them. Implemented by the {@code aws} module. */
public interface StackProvisioner {

    /** The calls this provisioner makes for the spec, rendered for people (dry run). */
    String plan(StackSpec spec);

    /** The spec's change set, if AWS has it (a re-submission after a crash must not create another). */
    Optional<ChangeSetIds> findChangeSet(StackSpec spec);

    /** Starts computing the change set. */
    ChangeSetIds createChangeSet(StackSpec spec);

    ChangeSetStatus describeChangeSet(StackSpec spec, String changeSetId);

    /** The change set as {@link #describeChangeSet}, or empty when AWS no longer has it (deleted, or its stack). */
    Optional<ChangeSetStatus> changeSetIfExists(StackSpec spec, String changeSetId);

    /** Starts executing a computed change set. */
    void executeChangeSet(StackSpec spec, String changeSetId);

    StackStatus describeStack(StackSpec spec, String stackId);

    /** The reason of the first resource that failed during this request's operation, if any. */
    Optional<String> firstFailureReason(StackSpec spec, String stackId);

    /** Turns termination protection on; calling it again changes nothing. */
    void protectFromTermination(StackSpec spec, String stackId);

    record ChangeSetIds(String changeSetId, String stackId) {}
}
