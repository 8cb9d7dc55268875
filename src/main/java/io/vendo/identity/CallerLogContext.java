package io.vendo.identity;

import io.vendo.web.RequestLogContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, in the logging context while their request is handled (MDC {@value #USER}, a field of every line
 * of the deployment's JSON logs): the person's or integration's name, as requests and the audit log record it. Runs
 * inside Spring Security's filter chain, once it knows the caller; anonymous requests have no user.
 */
@Configuration(proxyBeanMethods = false)
class CallerLogContext {

    /** The Elastic Common Schema's name for it. */
    static final String USER = "user.name";

    @Bean
    FilterRegistrationBean<CallerFilter> callerLogFilter() {
        var registration = new FilterRegistrationBean<>(new CallerFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    static final class CallerFilter extends HttpFilter {

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null
                    || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                chain.doFilter(request, response);
                return;
            }
            RequestLogContext.withLogContext(USER, authentication.getName(), () -> chain.doFilter(request, response));
        }
    }
}
