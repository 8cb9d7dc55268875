package io.vendo.web;

import io.vendo.refusal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors on page routes become an HTML page in the portal's layout, saying in words what went wrong and where to go;
 * problem details ({@link ApiProblemHandler}) are for {@code /api/**} and for callers whose {@code Accept} asks for
 * JSON rather than HTML. It sees every exception before the controller advices do: an unknown address, a mistyped id
 * in a path ({@code /requests/1234}: not found, like a request that does not exist), a query parameter that does not
 * convert, a refused domain action, a concurrent change. What it does not know (access denied, which Spring Security
 * answers; unexpected errors) goes on to Spring Boot's error page, which renders the same {@code error} template.
 */
@Configuration(proxyBeanMethods = false)
class PageErrors implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(new Resolver());
    }

    /** Whether the caller should get problem details rather than a page. */
    static boolean wantsProblemDetails(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/")) {
            return true;
        }
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            var types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue)
                    .reversed());
            for (var type : types) {
                if (type.isWildcardType() || type.includes(MediaType.TEXT_HTML)) {
                    return false;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                    return true;
                }
            }
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        return false;
    }

    static final class Resolver implements HandlerExceptionResolver, Ordered {

        @Override
        public @Nullable ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
            if (wantsProblemDetails(request)) {
                return null;
            }
            var page = describe(ex);
            if (page == null) {
                return null;
            }
            var view = new ModelAndView("error", page.status());
            view.addObject("status", page.status().value());
            view.addObject("title", page.title());
            view.addObject("detail", page.detail());
            return view;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        private static @Nullable ErrorPage describe(Exception ex) {
            return switch (ex) {
                case NoResourceFoundException notFound -> ErrorPage.notFound();
                case NoHandlerFoundException notFound -> ErrorPage.notFound();
                case MethodArgumentTypeMismatchException mismatch
                when mismatch.getParameter().hasParameterAnnotation(PathVariable.class) ->
                    // /requests/3fa8 is an address that leads nowhere, like the id of a request that does not exist.
                    new ErrorPage(
                            HttpStatus.NOT_FOUND,
                            "Page not found",
                            "'%s' in this address is not a valid %s: check that the link was copied whole."
                                    .formatted(mismatch.getValue(), words(mismatch.getName())));
                case TypeMismatchException mismatch ->
                    new ErrorPage(
                            HttpStatus.BAD_REQUEST,
                            "Invalid input",
                            (mismatch.getPropertyName() == null ? "A value" : "'" + mismatch.getPropertyName() + "'")
                                    + " " + InvalidInputException.message(mismatch));
                case MissingServletRequestParameterException missing ->
                    new ErrorPage(
                            HttpStatus.BAD_REQUEST,
                            "Something is missing",
                            "The page needs %s; go back and use the form or the link again."
                                    .formatted(words(missing.getParameterName())));
                case HttpRequestMethodNotSupportedException method ->
                    new ErrorPage(
                            HttpStatus.METHOD_NOT_ALLOWED,
                            "This address is not a page",
                            "It only takes a form's submission. Go back to the page the form was on.");
                case BindException binding -> new ErrorPage(HttpStatus.BAD_REQUEST, "Invalid input", details(binding));
                case ConcurrencyFailureException concurrent ->
                    new ErrorPage(
                            HttpStatus.CONFLICT,
                            "Someone changed this at the same moment",
                            "Reload the page to see what changed, then try again.");
                case DataIntegrityViolationException integrity
                when ConcurrentChange.lostRace(integrity) ->
                    new ErrorPage(
                            HttpStatus.CONFLICT,
                            "Someone stored the same at the same moment",
                            "Reload the page to see what is stored now, then try again.");
                case Refusal refused ->
                    new ErrorPage(RefusalAnswers.status(refused), refused.title(), refused.detail());
                case ErrorResponse refused ->
                    new ErrorPage(
                            HttpStatus.valueOf(refused.getStatusCode().value()),
                            title(refused),
                            String.valueOf(refused.getBody().getDetail()));
                default -> null;
            };
        }

        /** Every refused field with its reason, for a form that shows no messages of its own. */
        private static String details(BindException binding) {
            var detail = new StringBuilder();
            InvalidInputException.errors(binding.getBindingResult())
                    .forEach((field, message) -> detail.append(detail.isEmpty() ? "" : "; ")
                            .append(field)
                            .append(": ")
                            .append(message));
            return detail.toString();
        }

        private static String title(ErrorResponse refused) {
            var title = refused.getBody().getTitle();
            if (title != null && !title.isBlank()) {
                return title;
            }
            var status = HttpStatus.resolve(refused.getStatusCode().value());
            return status == null ? "Something went wrong" : status.getReasonPhrase();
        }

        /** {@code requestId} → "request id", for people. */
        private static String words(String name) {
            return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
    }

    record ErrorPage(HttpStatus status, String title, String detail) {

        static ErrorPage notFound() {
            return new ErrorPage(
                    HttpStatus.NOT_FOUND,
                    "Page not found",
                    "There is no page at this address. The link may be mistyped or cut short.");
        }
    }
}
