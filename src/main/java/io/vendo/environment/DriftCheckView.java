package io.vendo.environment;

import io.vendo.environment.drift.DriftedResource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A drift check as pages and the API show it.
 *
 * @param stackDriftStatus CloudFormation's verdict on the stack ({@code DRIFTED}, {@code IN_SYNC}, …), once known
 * @param driftedResources the resources that differ from the template (MODIFIED or DELETED)
 * @param reason why it failed, or what CloudFormation said about a detection that failed in part
 * @param plan in a dry run, the calls Vendo would have made
 */
public record DriftCheckView(
        UUID id,
        UUID environmentId,
        DriftCheckTrigger trigger,
        String requestedBy,
        DriftCheckState state,
        @Nullable String stackDriftStatus,
        List<DriftedResource> driftedResources,
        @Nullable String reason,
        @Nullable String plan,
        Instant requestedAt,
        @Nullable Instant finishedAt) {

    public boolean finished() {
        return state.finished();
    }
}
