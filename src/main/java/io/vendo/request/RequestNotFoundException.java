package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** No such request, or none the caller may see (the two are not told apart, so ids leak nothing). */
@NamedInterface("views")
public class RequestNotFoundException extends Refusal {

    RequestNotFoundException(UUID requestId) {
        super(Kind.NOT_FOUND, "Unknown request", "No request %s".formatted(requestId));
    }
}
