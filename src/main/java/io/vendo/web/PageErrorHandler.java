package io.vendo.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows domain errors raised by page controllers (unknown request, decision refused, …) as an error page with the
 * right status, instead of the problem details the API gets; so too a query or form value refused where it entered
 * (forms that show their own field messages take those from their binding result and never get here).
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView domainError(ErrorResponseException error) {
        return page(
                HttpStatus.valueOf(error.getStatusCode().value()),
                error.getBody().getTitle(),
                error.getBody().getDetail());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView refusedValue(TypeMismatchException refused) {
        var name = refused.getPropertyName() == null ? "A value" : "'" + refused.getPropertyName() + "'";
        return page(HttpStatus.BAD_REQUEST, "Invalid input", name + " " + InvalidInputException.message(refused));
    }

    @ExceptionHandler(BindException.class)
    ModelAndView refusedForm(BindException refused) {
        var detail = new StringBuilder();
        InvalidInputException.errors(refused.getBindingResult())
                .forEach((field, message) -> detail.append(detail.isEmpty() ? "" : "; ")
                        .append(field)
                        .append(": ")
                        .append(message));
        return page(HttpStatus.BAD_REQUEST, "Invalid input", detail.toString());
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
