package io.vendo.request;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A validated submission: the pinned blueprint version, the target and the effective parameter values, NoEcho ones
 * apart and already encrypted; for a day-2 request, the environment it acts on (and for EXTEND, the expiry asked for).
 *
 * @param previewFirst whether AWS computes what the request will change before approvers are invited (UPDATE)
 * @param preview what an UPDATE will change, known at submission (its parameter values, where AWS computes nothing)
 */
record NewRequest(
        UUID id,
        RequestKind kind,
        @Nullable UUID environmentId,
        @Nullable Instant requestedExpiry,
        BlueprintVersionDetails blueprint,
        TargetDetails target,
        Map<String, String> parameters,
        Map<String, String> secretParameters,
        String justification,
        Actor requester,
        boolean previewFirst,
        @Nullable ChangePreview preview) {

    /** A PROVISION request. */
    NewRequest(
            UUID id,
            BlueprintVersionDetails blueprint,
            TargetDetails target,
            Map<String, String> parameters,
            Map<String, String> secretParameters,
            String justification,
            Actor requester) {
        this(
                id,
                RequestKind.PROVISION,
                null,
                null,
                blueprint,
                target,
                parameters,
                secretParameters,
                justification,
                requester,
                false,
                null);
    }
}
