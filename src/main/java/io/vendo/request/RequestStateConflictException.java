package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A transition that the request's current state does not allow, e.g. approving a request that already failed. */
@NamedInterface("views")
public class RequestStateConflictException extends Refusal {

    private final RequestState state;

    RequestStateConflictException(UUID requestId, RequestState state, String verb) {
        super(
                Kind.CONFLICT,
                "Request not in a state for this",
                "Request %s is %s; it cannot be %s".formatted(requestId, state, verb),
                Map.of("state", state.name()));
        this.state = state;
    }

    public RequestState state() {
        return state;
    }
}
