package io.vendo.request.api;

import io.vendo.request.RequestKind;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request as the API returns it. */
record RequestResponse(
        UUID id,
        RequestKind kind,
        RequestState state,
        String blueprint,
        int blueprintVersion,
        String target,
        Map<String, String> parameters,
        String justification,
        String requester,
        String team,
        Map<String, String> outputs,
        @Nullable String failureReason,
        @Nullable String dryRunPlan,
        Instant submittedAt,
        Instant updatedAt) {

    static RequestResponse of(RequestView request) {
        return new RequestResponse(
                request.id(),
                request.kind(),
                request.state(),
                request.blueprintSlug(),
                request.blueprintVersion(),
                request.targetSlug(),
                request.parameters(),
                request.justification(),
                request.requester(),
                request.team(),
                request.outputs(),
                request.failureReason(),
                request.dryRunPlan(),
                request.submittedAt(),
                request.updatedAt());
    }
}
