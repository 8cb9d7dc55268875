package io.vendo.request;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Only the requester may cancel a request. */
public class RequestCancellationRefusedException extends ErrorResponseException {

    RequestCancellationRefusedException(UUID requestId) {
        super(HttpStatus.FORBIDDEN, problem(requestId), null);
    }

    private static ProblemDetail problem(UUID requestId) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "Only the requester may cancel request %s".formatted(requestId));
        problem.setTitle("Cancellation refused");
        return problem;
    }
}
