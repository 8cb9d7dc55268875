package io.vendo.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every HTTP request has an id: in the logging context while it is handled (MDC {@value #REQUEST_ID}, a field of every
 * line of the deployment's JSON logs) and in the {@value #HEADER} response header, so that someone reporting a problem
 * can name the request and an operator can find its lines. An {@value #HEADER} that a load balancer or client sends is
 * kept when it looks like an id; anything else is replaced, so that the header cannot smuggle text into the logs.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLogContext {

    public static final String HEADER = "X-Request-Id";
    /** The Elastic Common Schema's name for it, as the JSON logs' other fields are named. */
    public static final String REQUEST_ID = "http.request.id";

    private static final String ATTRIBUTE = RequestLogContext.class.getName() + ".id";
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // First of all filters: refusals by the body limit or by security are logged with the id too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Puts {@code value} into the logging context under {@code key} for the rest of {@code chain}, and restores what
     * was there before (an error dispatch runs inside the request's own dispatch).
     */
    public static void withLogContext(String key, String value, ChainStep chain) throws IOException, ServletException {
        var previous = MDC.get(key);
        MDC.put(key, value);
        try {
            chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }

    /** The rest of a filter chain. */
    @FunctionalInterface
    public interface ChainStep {
        void proceed() throws IOException, ServletException;
    }

    static final class RequestIdFilter extends HttpFilter {

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            var id = (String) request.getAttribute(ATTRIBUTE);
            if (id == null) {
                var sent = request.getHeader(HEADER);
                id = sent != null && PLAUSIBLE_ID.matcher(sent).matches()
                        ? sent
                        : UUID.randomUUID().toString();
                request.setAttribute(ATTRIBUTE, id);
                response.setHeader(HEADER, id);
            }
            withLogContext(REQUEST_ID, id, () -> chain.doFilter(request, response));
        }
    }
}
