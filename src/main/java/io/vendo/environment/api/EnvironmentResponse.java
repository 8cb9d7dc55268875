package io.vendo.environment.api;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.environment.EnvironmentStatus;
import io.vendo.environment.EnvironmentView;
import io.vendo.environment.HistoryEntry;
import io.vendo.request.RequestKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An environment: what a request created and what acted on it since. NoEcho parameters show as {@code ****}.
 *
 * @param handles what AWS knows it by: StackId, ProvisionedProductId, AccountId, StackSetName with
 *     StackSetAccounts and StackSetRegions
 * @param expiresAt the end of its lease; absent: no lease
 * @param expiryPaused an admin paused its expiry
 * @param busyWith the day-2 request in flight, if any
 * @param history the requests that acted on it, oldest first
 * @param drift a STACK environment's newest drift check that found an answer (IN_SYNC or DRIFTED, with the drifted
 *     resources); only on {@code GET /api/v1/environments/{id}}, absent in lists and before a first check
 */
record EnvironmentResponse(
        UUID id,
        EnvironmentStatus status,
        @Nullable String statusReason,
        String blueprint,
        String blueprintName,
        int blueprintVersion,
        BlueprintKind blueprintKind,
        String target,
        String targetName,
        EnvironmentTier tier,
        String owner,
        String team,
        Map<String, String> parameters,
        Map<String, String> outputs,
        Map<String, String> handles,
        @Nullable Instant expiresAt,
        boolean expiryPaused,
        @Nullable UUID busyWith,
        List<Act> history,
        Instant createdAt,
        Instant updatedAt,
        @Nullable DriftCheckResponse drift) {

    /** A request that acted on the environment, and when. */
    record Act(UUID requestId, RequestKind kind, Instant at) {

        static Act of(HistoryEntry entry) {
            return new Act(entry.requestId(), entry.kind(), entry.at());
        }
    }

    static EnvironmentResponse of(EnvironmentView view) {
        return of(view, null);
    }

    static EnvironmentResponse of(EnvironmentView view, @Nullable DriftCheckResponse drift) {
        return new EnvironmentResponse(
                view.id(),
                view.status(),
                view.statusReason(),
                view.blueprintSlug(),
                view.blueprintName(),
                view.blueprintVersion(),
                view.blueprintKind(),
                view.targetSlug(),
                view.targetName(),
                view.tier(),
                view.owner(),
                view.team(),
                view.parameters(),
                view.outputs(),
                view.handles(),
                view.expiresAt(),
                view.expiryPaused(),
                view.busyWith(),
                view.history().stream().map(Act::of).toList(),
                view.createdAt(),
                view.updatedAt(),
                drift);
    }
}
