package io.vendo.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that never reach a controller are problem+json under {@code /api/**} too, while pages keep their HTML:
 *
 * <ul>
 *   <li>what Spring Security's firewall refuses (an encoded {@code /}, {@code ;}, {@code //}, an unknown method, …);
 *   <li>what the servlet container answers through an error dispatch ({@code sendError}: a TRACE, an exception thrown
 *       by a filter), which Boot's error controller would render as its own JSON;
 *   <li>what Tomcat refuses before the application sees the request (bad percent-encoding, an encoded {@code \}, a
 *       header too large, a transfer coding it does not implement), rendered by the host's error report valve.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorResponses {

    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper jsonMapper) {
        var pages = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (!isApi(request.getRequestURI())) {
                pages.handle(request, response, rejected);
                return;
            }
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
            problem.setTitle("Request rejected");
            write(response, problem, jsonMapper);
        };
    }

    @Bean
    FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatch(JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(new ApiErrorDispatchFilter(jsonMapper));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(JsonMapper jsonMapper) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                var host = context.getParent();
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                        host.getPipeline().addValve(new ProblemReportValve(jsonMapper));
                    }
                }
            }
        }));
    }

    /** Whether a request path is the API's; a path Tomcat could not even decode is judged by its raw start. */
    static boolean isApi(@Nullable String path) {
        if (path == null) {
            return false;
        }
        var start = 0;
        while (start + 1 < path.length() && path.charAt(start) == '/' && path.charAt(start + 1) == '/') {
            start++;
        }
        var trimmed = path.substring(start);
        return trimmed.equals("/api")
                || trimmed.startsWith("/api/")
                || trimmed.startsWith("/api;")
                || trimmed.startsWith("/api%");
    }

    static String json(ProblemDetail problem, JsonMapper jsonMapper) {
        return jsonMapper.writeValueAsString(problem);
    }

    /** JSON is UTF-8 by definition (RFC 8259): the bytes go out as such, and the media type carries no charset. */
    private static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper jsonMapper)
            throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(problem, jsonMapper).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /** A detail the container gave that is safe and short enough to repeat; otherwise the status says it all. */
    static @Nullable String detail(@Nullable String message) {
        return message == null || message.isBlank() || message.length() > 300 || !PlainText.SINGLE_LINE.accepts(message)
                ? null
                : message;
    }

    /**
     * The error dispatch of a request under {@code /api}: answered here as problem+json instead of by Boot's error
     * controller. Exceptions are not described: their messages are for the log, which has them.
     */
    static final class ApiErrorDispatchFilter extends OncePerRequestFilter {

        private final JsonMapper jsonMapper;

        ApiErrorDispatchFilter(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (!isApi(uri) || response.isCommitted()) {
                chain.doFilter(request, response);
                return;
            }
            var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            var status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
            if (status == null || !status.isError()) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            var problem = ProblemDetail.forStatus(status);
            if (status.is4xxClientError()) {
                problem.setDetail(detail((String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE)));
            } else {
                problem.setDetail("An unexpected error; nothing was changed. The portal's log has the details.");
            }
            if (PlainText.SINGLE_LINE.accepts(uri)) {
                try {
                    problem.setInstance(URI.create(uri));
                } catch (IllegalArgumentException notAUri) {
                    // A path the container took but java.net.URI does not: the answer goes without an instance.
                    problem.setInstance(null);
                }
            }
            write(response, problem, jsonMapper);
        }
    }

    /**
     * Tomcat's error report for requests it refuses itself: problem+json under {@code /api}, the usual page elsewhere.
     * Like Tomcat's own report it writes nothing when the response has a body already or I/O is no longer possible.
     */
    static final class ProblemReportValve extends ErrorReportValve {

        private final JsonMapper jsonMapper;

        ProblemReportValve(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(
                org.apache.catalina.connector.Request request,
                org.apache.catalina.connector.Response response,
                Throwable throwable) {
            var raw = request.getCoyoteRequest().requestURI().toString();
            // A request line too long or too broken to read has no path to tell: no page sends one, so it is answered
            // as the API answers, in a form a program can read.
            if (raw != null && !raw.isEmpty() && !isApi(raw)) {
                super.report(request, response, throwable);
                return;
            }
            var code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var transferCoding = request.getHeader("Transfer-Encoding");
            if (code == 501 && transferCoding != null) {
                // Tomcat's 501 for a transfer coding it does not implement (gzip, …): for the API a client error about
                // how the body was sent, like a Content-Encoding it cannot read (RFC 9110, 415).
                code = 415;
                response.setStatus(code);
            }
            var ioAllowed = new java.util.concurrent.atomic.AtomicBoolean(true);
            response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            var status = HttpStatus.resolve(code);
            var problem = status == null ? ProblemDetail.forStatus(code) : ProblemDetail.forStatus(status);
            problem.setDetail(
                    code == 415 && transferCoding != null
                            ? "Transfer-Encoding '%s' is not supported: send the body with a Content-Length, or chunked"
                                    .formatted(detail(transferCoding))
                            : code < 500
                                    ? detail(response.getMessage())
                                    : "The server could not process the request; nothing was changed.");
            if (problem.getDetail() == null && code == 400) {
                problem.setDetail("The request could not be read: its path, a header or its framing is malformed or"
                        + " too large.");
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream().write(json(problem, jsonMapper).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response committed: there is no one left to tell.
                container.getLogger().debug("Could not write the problem details of a refused request", e);
            }
        }
    }
}
