package io.vendo.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows domain errors raised by page controllers (unknown request, decision refused, …) as an error page with the
 * right status, instead of the problem details the API gets.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView domainError(ErrorResponseException error) {
        var page = new ModelAndView(
                "error", HttpStatus.valueOf(error.getStatusCode().value()));
        page.addObject("status", error.getStatusCode().value());
        page.addObject("title", error.getBody().getTitle());
        page.addObject("detail", error.getBody().getDetail());
        return page;
    }
}
