package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.UUID;

/** No such request, or none the caller may see (the two are not told apart, so ids leak nothing). */
public class RequestNotFoundException extends Refusal {

    RequestNotFoundException(UUID requestId) {
        super(Kind.NOT_FOUND, "Unknown request", "No request %s".formatted(requestId));
    }
}
