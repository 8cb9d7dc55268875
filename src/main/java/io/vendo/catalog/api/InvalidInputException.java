package io.vendo.catalog.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A field the API cannot even read, such as a malformed duration; reported like the catalog's field errors. */
class InvalidInputException extends ErrorResponseException {

    InvalidInputException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", Map.of(field, message));
        return problem;
    }
}
