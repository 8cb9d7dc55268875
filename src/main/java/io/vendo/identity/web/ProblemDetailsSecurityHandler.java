package io.vendo.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the API's 401 and 403 with RFC 9457 problem details, as every other API error, and with the {@code
 * WWW-Authenticate} challenge RFC 6750 asks for ({@code Bearer error="invalid_token"}, {@code
 * error="insufficient_scope"}); Spring Security's bearer handlers write the challenge, this class the body.
 */
public class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper jsonMapper;
    private final boolean basicToo;
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    /** @param basicToo whether HTTP Basic (demo users, local profile only) is offered as well */
    public ProblemDetailsSecurityHandler(JsonMapper jsonMapper, boolean basicToo) {
        this.jsonMapper = jsonMapper;
        this.basicToo = basicToo;
        bearerChallenge.setRealmName("vendo");
        bearerDenied.setRealmName("vendo");
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        bearerChallenge.commence(request, response, authException);
        if (basicToo) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vendo\"");
        }
        var detail = authException instanceof OAuth2AuthenticationException oauth2
                        && oauth2.getError().getDescription() != null
                ? "The access token was refused: " + oauth2.getError().getDescription()
                : "Authentication is required to use the Vendo API: send an OAuth2 access token "
                        + "(Authorization: Bearer …).";
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        bearerDenied.handle(request, response, accessDeniedException);
        write(request, response, HttpStatus.FORBIDDEN, "You are not allowed to perform this operation.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
