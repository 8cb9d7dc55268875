package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.UUID;

/** A retry that may not be made: not the requester's, not a PROVISION request, or not a composite one. */
class RequestRetryRefusedException extends Refusal {

    /** A request that cannot be retried. */
    RequestRetryRefusedException(UUID requestId, String detail) {
        this(requestId, Kind.CONFLICT, detail);
    }

    RequestRetryRefusedException(UUID requestId, Kind kind, String detail) {
        super(kind, "Retry refused", detail, java.util.Map.of("request", requestId.toString()));
    }
}
