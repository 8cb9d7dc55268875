package io.vendo.execution.stack;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change set as AWS reported it, reduced to what the executor acts on.
 *
 * @param status e.g. {@code CREATE_IN_PROGRESS}, {@code CREATE_COMPLETE}, {@code FAILED}
 * @param executionStatus e.g. {@code AVAILABLE}, {@code EXECUTE_IN_PROGRESS}
 * @param reason why it failed, in CloudFormation's words
 */
public record ChangeSetStatus(
        String status, String executionStatus, @Nullable String reason, Outcome outcome, List<ResourceChange> changes) {

    public ChangeSetStatus {
        changes = List.copyOf(changes);
    }

    public enum Outcome {
        /** CloudFormation is still computing it. */
        PENDING,
        /** Computed, with changes: it can be executed. */
        READY,
        /** The stack already is as requested: nothing to execute. */
        NO_CHANGES,
        FAILED
    }
}
