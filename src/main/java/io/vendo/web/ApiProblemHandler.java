package io.vendo.web;

import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders Spring MVC's exceptions, and every domain exception (they extend
 * {@link org.springframework.web.ErrorResponseException}), as RFC 9457 {@code application/problem+json}.
 * Pages never see it: {@link PageErrorHandler} takes exceptions from page controllers first.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** Lists every invalid field, so that a client can fix them all at once. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new TreeMap<String, String>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.merge(
                        error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b));
        var body = ex.getBody();
        body.setDetail("Invalid fields: " + String.join(", ", errors.keySet()));
        body.setProperty("errors", errors);
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
        var body = createProblemDetail(
                ex, status, "The request body is not valid JSON for this operation", null, null, request);
        return handleExceptionInternal(ex, body, headers, status, request);
    }
}
