package io.vendo.environment.api;

import io.vendo.request.RequestKind;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The day-2 request that was filed: follow it at {@code /api/v1/requests/{id}}.
 *
 * @param requestedExpiry the expiry an EXTEND request asks for
 */
record FiledRequestResponse(
        UUID id,
        RequestKind kind,
        RequestState state,
        UUID environmentId,
        @Nullable Instant requestedExpiry,
        Instant submittedAt) {

    static FiledRequestResponse of(RequestView request) {
        return new FiledRequestResponse(
                request.id(),
                request.kind(),
                request.state(),
                java.util.Objects.requireNonNull(request.environmentId()),
                request.requestedExpiry(),
                request.submittedAt());
    }
}
