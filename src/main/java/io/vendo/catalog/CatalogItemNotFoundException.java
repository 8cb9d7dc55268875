package io.vendo.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A blueprint, blueprint version or target that the catalog does not have. */
public class CatalogItemNotFoundException extends ErrorResponseException {

    CatalogItemNotFoundException(String what, String key) {
        super(HttpStatus.NOT_FOUND, problem(what, key), null);
    }

    private static ProblemDetail problem(String what, String key) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No %s '%s' in the catalog".formatted(what, key));
        problem.setTitle("Unknown " + what);
        return problem;
    }
}
