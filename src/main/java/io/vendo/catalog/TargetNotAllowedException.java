package io.vendo.catalog;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A blueprint requested for a target it may not deploy to: the target does not take it, its tier is not one of the
 * blueprint's environments, or the chosen OU is not allowed there. The problem's {@code errors} key it by field.
 */
public class TargetNotAllowedException extends ErrorResponseException {

    private final Map<String, String> errors;

    TargetNotAllowedException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
        this.errors = Map.of(field, detail);
    }

    public Map<String, String> errors() {
        return errors;
    }

    private static ProblemDetail problem(String field, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Target not allowed");
        problem.setProperty("errors", Map.of(field, detail));
        return problem;
    }
}
