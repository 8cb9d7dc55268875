package io.vendo.catalog;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Parameter values that CloudFormation would refuse, each with the message CloudFormation would give. The problem
 * details carry them in {@code errors}, keyed by parameter name.
 */
public class InvalidParametersException extends ErrorResponseException {

    private final Map<String, String> errors;

    public InvalidParametersException(Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }

    private static ProblemDetail problem(Map<String, String> errors) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, String.join("; ", new TreeMap<>(errors).values()));
        problem.setTitle("Invalid parameters");
        problem.setProperty("errors", new TreeMap<>(errors));
        return problem;
    }
}
