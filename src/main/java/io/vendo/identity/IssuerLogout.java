package io.vendo.identity;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Logging out of the portal also ends the issuer's session: where the browser goes (Cognito's logout, the issuer's
 * end-session endpoint, or the portal's own page), and the origin the Content-Security-Policy must let forms post to.
 */
final class IssuerLogout {

    private IssuerLogout() {}

    /** Where logging out sends the browser when it leaves the portal: Cognito's domain or the issuer's end session. */
    static @Nullable String origin(
            IdentityProperties properties, @Nullable ClientRegistrationRepository clientRegistrations) {
        var oidc = properties.oidc();
        if (!oidc.configured()) {
            return null;
        }
        URI target = oidc.cognitoDomain();
        var registration = clientRegistrations == null
                ? null
                : clientRegistrations.findByRegistrationId(IssuerConfiguration.REGISTRATION_ID);
        if (target == null && registration != null) {
            var endSession =
                    registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
            target = endSession == null ? null : URI.create(endSession.toString());
        }
        if (target == null) {
            return null;
        }
        return target.getScheme() + "://" + target.getRawAuthority();
    }

    static LogoutSuccessHandler handler(
            IdentityProperties properties, @Nullable ClientRegistrationRepository clientRegistrations) {
        var oidc = properties.oidc();
        var cognitoDomain = oidc.cognitoDomain();
        if (oidc.configured() && cognitoDomain != null) {
            return new CognitoLogoutSuccessHandler(cognitoDomain, oidc.portalClientId());
        }
        if (oidc.configured()) {
            // The registration is a bean conditional on the same issuer property, so it exists here.
            var rpInitiated = new OidcClientInitiatedLogoutSuccessHandler(
                    Objects.requireNonNull(clientRegistrations, "the issuer's client registration"));
            rpInitiated.setPostLogoutRedirectUri("{baseUrl}" + CognitoLogoutSuccessHandler.LOGGED_OUT);
            rpInitiated.setDefaultTargetUrl(CognitoLogoutSuccessHandler.LOGGED_OUT);
            return rpInitiated;
        }
        var local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl(CognitoLogoutSuccessHandler.LOGGED_OUT);
        return local;
    }
}
