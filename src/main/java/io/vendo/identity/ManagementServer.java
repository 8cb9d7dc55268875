package io.vendo.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Requests served by Actuator's own web server, which Spring Boot starts when {@code management.server.port} differs
 * from the portal's port. The Spring Security filter chain guards both servers, so only the server that answered
 * tells the two apart — not the path, which is the same on both.
 */
final class ManagementServer {

    private static final RequestMatcher PROMETHEUS_PATH = PathPatternRequestMatcher.pathPattern("/actuator/prometheus");

    /** {@code /actuator/prometheus} on Actuator's own port; never matches when Actuator shares the portal's port. */
    static final RequestMatcher PROMETHEUS =
            request -> servedByManagementServer(request) && PROMETHEUS_PATH.matches(request);

    private ManagementServer() {}

    static boolean servedByManagementServer(HttpServletRequest request) {
        var context = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
    }
}
