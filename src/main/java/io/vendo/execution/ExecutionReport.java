package io.vendo.execution;

import io.vendo.request.ChangePreview;
import io.vendo.request.RequestProgress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the executor reports to the request module through the contracts it declares ({@link RequestProgress}): the
 * request moves on in the same transaction, together with the execution row of the step that reports it. Not audited
 * themselves: the request's transitions ({@code request.started}, {@code request.succeeded}, …) are.
 */
sealed interface ExecutionReport {

    UUID requestId();

    record Started(UUID requestId, String operation) implements ExecutionReport, RequestProgress.ExecutionStarted {}

    record Succeeded(UUID requestId, Map<String, String> outputs, Map<String, String> handles)
            implements ExecutionReport, RequestProgress.ExecutionSucceeded {

        public Succeeded {
            // In the order AWS listed them, as the request keeps them.
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
            handles = Map.copyOf(handles);
        }
    }

    record Failed(UUID requestId, String reason) implements ExecutionReport, RequestProgress.ExecutionFailed {}

    record Previewed(UUID requestId, ChangePreview preview)
            implements ExecutionReport, RequestProgress.ExecutionPreviewed {}

    record WentStale(UUID requestId, String reason) implements ExecutionReport, RequestProgress.PreviewWentStale {}

    record DryRunCompleted(UUID requestId, String plan) implements ExecutionReport, RequestProgress.DryRunCompleted {}
}
