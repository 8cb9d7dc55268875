package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.UUID;

/** Only the requester may cancel a request. */
class RequestCancellationRefusedException extends Refusal {

    RequestCancellationRefusedException(UUID requestId) {
        super(
                Kind.NOT_ALLOWED,
                "Cancellation refused",
                "Only the requester may cancel request %s".formatted(requestId));
    }
}
