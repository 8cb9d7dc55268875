package io.vendo.request;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such request, or none the caller may see (the two are not told apart, so ids leak nothing). */
public class RequestNotFoundException extends ErrorResponseException {

    RequestNotFoundException(UUID requestId) {
        super(HttpStatus.NOT_FOUND, problem(requestId), null);
    }

    private static ProblemDetail problem(UUID requestId) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No request %s".formatted(requestId));
        problem.setTitle("Unknown request");
        return problem;
    }
}
