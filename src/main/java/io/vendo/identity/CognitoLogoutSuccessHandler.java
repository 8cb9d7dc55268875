package io.vendo.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cognito does not implement OIDC RP-initiated logout: its hosted UI ends its session at {@code
 * <domain>/logout?client_id=…&logout_uri=…}, and {@code logout_uri} must be one of the app client's sign-out URLs.
 * After Vendo's own session is gone, people who logged in through Cognito are sent there, and Cognito sends them back
 * to the login page; a demo user goes straight to the login page.
 */
final class CognitoLogoutSuccessHandler extends SimpleUrlLogoutSuccessHandler {

    static final String LOGGED_OUT = "/login?logout";

    private final URI cognitoDomain;
    private final String clientId;

    CognitoLogoutSuccessHandler(URI cognitoDomain, String clientId) {
        this.cognitoDomain = cognitoDomain;
        this.clientId = clientId;
        setDefaultTargetUrl(LOGGED_OUT);
    }

    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken)) {
            return super.determineTargetUrl(request, response, authentication);
        }
        var portal = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath() + "/login")
                .replaceQuery("logout")
                .fragment(null)
                .toUriString();
        return UriComponentsBuilder.fromUri(cognitoDomain)
                .replacePath("/logout")
                .queryParam("client_id", "{clientId}")
                .queryParam("logout_uri", "{portal}")
                .encode()
                .buildAndExpand(clientId, portal)
                .toUriString();
    }
}
