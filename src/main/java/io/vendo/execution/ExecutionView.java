package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.execution.stack.ResourceChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request's execution as the request page shows it.
 *
 * @param awsIds the identifiers AWS returned, e.g. {@code StackId}, {@code ChangeSetId}, {@code RecordId}
 * @param mutatingCalls how often each mutating call was attempted (more than one: a lookup preceded the retry)
 */
record ExecutionView(
        UUID requestId,
        BlueprintKind kind,
        String phase,
        Map<String, String> awsIds,
        Map<String, Integer> mutatingCalls,
        List<ResourceChange> resourceChanges,
        @Nullable String awsStatus,
        int polls,
        @Nullable String lastError,
        Instant startedAt,
        Instant updatedAt) {}
