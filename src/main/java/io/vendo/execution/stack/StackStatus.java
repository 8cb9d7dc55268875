package io.vendo.execution.stack;

import java.util.Map;

/**
 * A stack's status as AWS reported it, reduced to what the executor acts on.
 *
 * @param status CloudFormation's status, e.g. {@code CREATE_IN_PROGRESS}
 * @param outcome whether to keep polling, or how it ended
 * @param outputs the stack's outputs once it succeeded
 */
public record StackStatus(String status, Outcome outcome, Map<String, String> outputs) {

    public StackStatus {
        outputs = Map.copyOf(outputs);
    }

    public enum Outcome {
        IN_PROGRESS,
        SUCCEEDED,
        FAILED
    }
}
