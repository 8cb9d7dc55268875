package io.vendo.web;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionFailedException;
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
    static String message(FieldError error) {
        if (error.isBindingFailure()) {
            try {
                return message(error.unwrap(TypeMismatchException.class));
            } catch (IllegalArgumentException notAConversion) {
                return "is not a valid value";
            }
        }
        return String.valueOf(error.getDefaultMessage());
    }

    /**
     * What a refused value was refused for: the reason the boundary gave ({@link RefusedValueException}), or else that
     * it is not a value of the parameter's type. The value is repeated only when it is short, plain text.
     */
    static String message(TypeMismatchException mismatch) {
        for (Throwable cause = mismatch; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedValueException refused) {
                return refused.reason();
            }
        }
        var shown = shown(mismatch.getValue());
        var type = enumType(mismatch);
        if (type != null) {
            var names = new StringBuilder();
            for (var constant : type.getEnumConstants()) {
                names.append(names.isEmpty() ? "" : ", ").append(((Enum<?>) constant).name());
            }
            return shown + "is not one of " + names;
        }
        var required = mismatch.getRequiredType();
        return shown + (required == null ? "is not a valid value" : "is not a valid " + describe(required));
    }

    private static String shown(@Nullable Object value) {
        if (value instanceof String[] values && values.length == 1) {
            value = values[0];
        }
        return value instanceof String text && text.length() <= 100 && PlainText.SINGLE_LINE.accepts(text)
                ? "'" + text + "' "
                : "";
    }

    /** The enum a value should have been, also when the parameter is a list of them. */
    private static @Nullable Class<?> enumType(TypeMismatchException mismatch) {
        if (mismatch.getRequiredType() != null && mismatch.getRequiredType().isEnum()) {
            return mismatch.getRequiredType();
        }
        if (mismatch.getCause() instanceof ConversionFailedException failed) {
            var target = failed.getTargetType();
            var element = target.isCollection() || target.isArray() ? target.getElementTypeDescriptor() : target;
            if (element != null && element.getType().isEnum()) {
                return element.getType();
            }
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "id (a UUID)";
        }
        if (type == java.time.Instant.class) {
            return "instant (ISO-8601, such as 2026-11-23T00:00:00Z)";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        return "value";
    }
}
