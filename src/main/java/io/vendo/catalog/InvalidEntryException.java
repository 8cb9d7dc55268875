package io.vendo.catalog;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A blueprint, version or target that the catalog refuses, with one message per refused field. The problem details
 * carry them in {@code errors}, keyed by field; a refused template is reported under {@code template} with the
 * parser's message.
 */
public class InvalidEntryException extends ErrorResponseException {

    private final Map<String, String> errors;

    InvalidEntryException(String what, Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(what, errors), null);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }

    private static ProblemDetail problem(String what, Map<String, String> errors) {
        var sorted = new TreeMap<>(errors);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                String.join(
                        "; ",
                        sorted.entrySet().stream()
                                .map(error -> error.getKey() + ": " + error.getValue())
                                .toList()));
        problem.setTitle("Invalid " + what);
        problem.setProperty("errors", sorted);
        return problem;
    }
}
