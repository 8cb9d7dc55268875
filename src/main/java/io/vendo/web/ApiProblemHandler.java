package io.vendo.web;

import io.vendo.web.RequestBodyLimit.BodyTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Renders Spring MVC's exceptions (unknown route 404, 405, 406, 415, …), and every domain exception (they extend
 * {@link org.springframework.web.ErrorResponseException}), as RFC 9457 {@code application/problem+json}. Pages never
 * see it: {@link PageErrorHandler} takes exceptions from page controllers first.
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

    /** Two writers changed the same request at once; the loser may simply try again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
        return ConcurrentChange.problem();
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
        var detail = constraint != null
                ? "The request body exceeds a limit of the API: " + constraint.getOriginalMessage()
                : "The request body is not valid JSON for this operation";
        var body = createProblemDetail(ex, status, detail, null, null, request);
        return handleExceptionInternal(ex, body, headers, status, request);
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
