package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.UUID;

/**
 * A retry or an abandonment of a failed request that may not be made: not by its requester, not of a composite
 * PROVISION request, or a retry of one that was abandoned.
 */
class RecoveryRefusedException extends Refusal {

    /** @param action {@code Retry} or {@code Abandon}: the title says which was refused */
    RecoveryRefusedException(UUID requestId, String action, String detail) {
        this(requestId, Kind.CONFLICT, action, detail);
    }

    RecoveryRefusedException(UUID requestId, Kind kind, String action, String detail) {
        super(kind, action + " refused", detail, Map.of("request", requestId.toString()));
    }
}
