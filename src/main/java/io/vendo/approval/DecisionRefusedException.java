package io.vendo.approval;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A decision the caller may not make: their own request, not an approver, or already decided by them. */
public class DecisionRefusedException extends ErrorResponseException {

    DecisionRefusedException(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Decision refused");
        return problem;
    }
}
