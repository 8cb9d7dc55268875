package io.vendo.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A new request for a retired blueprint. Requests made before it was retired are unaffected. */
public class BlueprintRetiredException extends ErrorResponseException {

    BlueprintRetiredException(String slug) {
        super(HttpStatus.CONFLICT, problem(slug), null);
    }

    private static ProblemDetail problem(String slug) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Blueprint '%s' is retired and takes no new requests".formatted(slug));
        problem.setTitle("Blueprint retired");
        return problem;
    }
}
