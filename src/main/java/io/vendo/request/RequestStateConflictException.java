package io.vendo.request;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A transition that the request's current state does not allow, e.g. approving a request that already failed. */
public class RequestStateConflictException extends ErrorResponseException {

    private final RequestState state;

    RequestStateConflictException(UUID requestId, RequestState state, String verb) {
        super(HttpStatus.CONFLICT, problem(requestId, state, verb), null);
        this.state = state;
    }

    public RequestState state() {
        return state;
    }

    private static ProblemDetail problem(UUID requestId, RequestState state, String verb) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Request %s is %s; it cannot be %s".formatted(requestId, state, verb));
        problem.setTitle("Request not in a state for this");
        problem.setProperty("state", state.name());
        return problem;
    }
}
