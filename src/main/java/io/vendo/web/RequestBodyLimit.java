package io.vendo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps the size of API request bodies. A declared {@code Content-Length} above the limit is answered with 413 at once,
 * before authentication and before any parsing; a body without a length (chunked) is counted while it is read and
 * reading stops with {@link BodyTooLargeException} at the first byte over the limit.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> apiRequestBodyLimit(WebProperties properties, JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(
                properties.apiMaxBodySize().toBytes(),
                properties.templateMaxBodySize().toBytes(),
                properties.batchMaxBodySize().toBytes(),
                jsonMapper));
        registration.addUrlPatterns("/api/*");
        // Ahead of Spring Security's filter chain, so an oversized body costs no authentication.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class BodyLimitFilter extends OncePerRequestFilter {

        private static final String TEMPLATE_ENDPOINTS = "/api/v1/blueprints";
        private static final String BATCH_ENDPOINTS = "/api/v1/request-batches";

        private final long maxBytes;
        private final long templateMaxBytes;
        private final long batchMaxBytes;
        private final JsonMapper jsonMapper;

        BodyLimitFilter(long maxBytes, long templateMaxBytes, long batchMaxBytes, JsonMapper jsonMapper) {
            this.maxBytes = maxBytes;
            this.templateMaxBytes = templateMaxBytes;
            this.batchMaxBytes = batchMaxBytes;
            this.jsonMapper = jsonMapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var path =
                    request.getRequestURI().substring(request.getContextPath().length());
            var maxBytes = path.startsWith(TEMPLATE_ENDPOINTS)
                    ? templateMaxBytes
                    : path.startsWith(BATCH_ENDPOINTS) ? batchMaxBytes : this.maxBytes;
            if (request.getContentLengthLong() > maxBytes) {
                var problem = BodyTooLargeException.problem(maxBytes);
                problem.setInstance(URI.create(request.getRequestURI()));
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                // The unread body is not drained: the connection is closed instead of reading megabytes to discard.
                response.setHeader("Connection", "close");
                jsonMapper.writeValue(response.getOutputStream(), problem);
                return;
            }
            chain.doFilter(new CountingRequest(request, maxBytes), response);
        }
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable ServletInputStream counted;

        CountingRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CountingInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            var next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }

    /** A body without a declared length turned out larger than the limit while it was read. */
    static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("Request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        ProblemDetail problem() {
            return problem(maxBytes);
        }

        static ProblemDetail problem(long maxBytes) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the API accepts (%d bytes).".formatted(maxBytes));
            problem.setTitle("Request body too large");
            problem.setProperty("maxBytes", maxBytes);
            return problem;
        }
    }
}
