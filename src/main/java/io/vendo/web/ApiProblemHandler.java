package io.vendo.web;

import io.vendo.refusal.Refusal;
import io.vendo.web.RequestBodyLimit.BodyTooLargeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Renders Spring MVC's exceptions (unknown route 404, 405, 406, 415, …), and every module's {@link Refusal} (through
 * {@link RefusalAnswers}), as RFC 9457 {@code application/problem+json}. Pages never
 * see it: {@link PageErrors} answers page routes with HTML first.
 *
 * <p>Every answer names its content type itself, so that it is problem+json whatever the {@code Accept} header says:
 * left to content negotiation, an {@code Accept} that cannot even be parsed would make the 406 that reports it lose
 * its body.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** Lists every invalid field, so that a client can fix them all at once. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = InvalidInputException.problem(InvalidInputException.errors(ex.getBindingResult()));
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /** A query or path parameter that does not convert is an invalid field like any other. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        var errors = new TreeMap<String, String>();
        errors.put(name, InvalidInputException.message(ex));
        return handleExceptionInternal(ex, InvalidInputException.problem(errors), headers, status, request);
    }

    /** A module refused what was asked: its kind decides the status, its words the title and detail. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return problem(RefusalAnswers.problem(refusal));
    }

    /** Two writers changed the same thing at once (a version or a lock turned one away); the loser may try again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyFailureException ex) {
        return problem(ConcurrentChange.problem());
    }

    /**
     * Two writers stored the same thing at once (the same slug, the same approver's decision): the unique key let one
     * through. Any other integrity violation is a bug, and stays a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> concurrentInsert(DataIntegrityViolationException ex) {
        if (!ConcurrentChange.lostRace(ex)) {
            throw ex;
        }
        return problem(ConcurrentChange.problem());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = cause(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            headers.setConnection("close");
            return handleExceptionInternal(ex, tooLarge.problem(), headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        var constraint = cause(ex, StreamConstraintsException.class);
        if (constraint != null) {
            var body = createProblemDetail(
                    ex,
                    status,
                    "The request body exceeds a limit of the API: " + constraint.getOriginalMessage(),
                    null,
                    null,
                    request);
            return handleExceptionInternal(ex, body, headers, status, request);
        }
        var mismatch = cause(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            var errors = new TreeMap<String, String>();
            errors.put(path(mismatch), message(mismatch));
            return handleExceptionInternal(ex, InvalidInputException.problem(errors), headers, status, request);
        }
        var body = createProblemDetail(
                ex, status, "The request body is not valid JSON for this operation", null, null, request);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail) {
            var writable = new HttpHeaders();
            writable.putAll(headers);
            writable.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, writable, statusCode, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Where in the body the problem is, as a client would name it: {@code parameters.SiteName}, {@code tags[0]}. */
    private static String path(DatabindException problem) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : problem.getPath()) {
            if (reference.getPropertyName() != null) {
                var name = reference.getPropertyName();
                // A map key that is itself refused is not repeated in the answer.
                if (!PlainText.SINGLE_LINE.accepts(name)) {
                    break;
                }
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(MismatchedInputException problem) {
        if (problem instanceof RefusedJsonTextException refused) {
            return refused.getOriginalMessage();
        }
        if (problem instanceof InvalidNullException) {
            return "must not be null";
        }
        if (problem instanceof InvalidTypeIdException) {
            return "needs a \"type\" this API knows";
        }
        var target = problem.getTargetType();
        if (target == null) {
            return "is not a valid value here";
        }
        if (target.isEnum()) {
            return "must be one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Iterable.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "must be "
                + (java.util.Map.class.isAssignableFrom(target)
                        ? "an object"
                        : "a " + target.getSimpleName().toLowerCase(Locale.ROOT));
    }

    private static <T extends Throwable> @Nullable T cause(Throwable thrown, Class<T> type) {
        for (var cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
