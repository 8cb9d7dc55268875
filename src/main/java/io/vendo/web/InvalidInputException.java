package io.vendo.web;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;

/**
 * 400 naming every invalid field or query parameter with what is wrong with it, so that a client can fix them all at
 * once. The same shape as a refused request body.
 */
public class InvalidInputException extends ErrorResponseException {

    public InvalidInputException(Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(new TreeMap<>(errors)), null);
    }

    static ProblemDetail problem(SortedMap<String, String> errors) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Invalid fields: " + String.join(", ", errors.keySet()));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** What is wrong with each field of a binding, by field name. */
    public static SortedMap<String, String> errors(BindingResult binding) {
        var errors = new TreeMap<String, String>();
        binding.getFieldErrors()
                .forEach(error -> errors.merge(error.getField(), message(error), (a, b) -> a + "; " + b));
        binding.getGlobalErrors()
                .forEach(error -> errors.merge(
                        error.getObjectName(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b));
        return errors;
    }

    /** A value that did not convert gets a readable message instead of the converter's stack of class names. */
    private static String message(FieldError error) {
        if (error.isBindingFailure()) {
            return "'%s' is not a valid value".formatted(error.getRejectedValue());
        }
        return String.valueOf(error.getDefaultMessage());
    }
}
