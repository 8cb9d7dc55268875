package io.vendo.identity;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.identity}: who may log in and with which roles.
 *
 * @param demoUsers users that log in with a password; only in the {@code local} profile (the portal refuses to
 *     start with them anywhere else)
 * @param oidc the OpenID Connect issuer people log in with (Cognito or any other); required outside {@code local}
 * @param groups how the groups in people's tokens become roles and teams
 * @param integrations client-credentials clients by client id: the teams their requests are filed under. Their
 *     client ids are accepted on the API as well.
 */
@ConfigurationProperties("vendo.identity")
record IdentityProperties(
        @DefaultValue List<DemoUser> demoUsers,
        @DefaultValue Oidc oidc,
        @DefaultValue Groups groups,
        @DefaultValue Map<String, Integration> integrations) {

    /**
     * @param username login name, also the actor name recorded on requests and decisions
     * @param password the password in plain text (local only)
     * @param roles the user's roles
     * @param teams the teams (groups) the user belongs to; approval policies name them
     * @param email where notifications go; {@code <username>@vendo.local} when not given
     */
    record DemoUser(
            String username,
            String password,
            Set<Role> roles,
            @DefaultValue Set<String> teams,
            @Nullable String email) {

        /** Where notifications go: the configured address, or {@code <username>@vendo.local}. */
        String mailbox() {
            return email == null || email.isBlank() ? username + "@vendo.local" : email;
        }
    }

    /**
     * @param issuerUri the issuer, e.g. {@code https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf}; its
     *     discovery document supplies the endpoints and the signing keys (JWKS)
     * @param clientId the portal's app client (authorization code flow)
     * @param clientSecret its secret; give it through the environment ({@code VENDO_IDENTITY_OIDC_CLIENT_SECRET}),
     *     never in a file in the repository
     * @param scopes what the portal asks for at login
     * @param cognitoDomain the user pool's hosted UI domain, e.g. {@code https://vendo.auth.eu-west-1.amazoncognito.com};
     *     when set, logging out also ends the Cognito session through its {@code /logout} endpoint. Without it, the
     *     issuer's {@code end_session_endpoint} (RP-initiated logout) is used when it advertises one.
     * @param apiClientIds app clients whose access tokens the API accepts (Cognito access tokens carry {@code
     *     client_id}, no {@code aud}); the integrations' client ids are added
     * @param usernameClaims claims that name a person, the first present wins: Cognito's ID token has {@code
     *     cognito:username}, its access token {@code username}; other issuers {@code preferred_username}
     */
    record Oidc(
            @Nullable URI issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue({"openid", "email", "profile"}) List<String> scopes,
            @Nullable URI cognitoDomain,
            @DefaultValue List<String> apiClientIds,
            @DefaultValue({"cognito:username", "username", "preferred_username"}) List<String> usernameClaims) {

        boolean configured() {
            return issuerUri != null;
        }

        /** The issuer, where only a configured issuer can be meant (the beans that need it are conditional on it). */
        URI issuer() {
            if (issuerUri == null) {
                throw new IllegalStateException("vendo.identity.oidc.issuer-uri is not set");
            }
            return issuerUri;
        }

        /** The portal's app client; {@link IdentityMode} refuses to start with an issuer but without it. */
        String portalClientId() {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalStateException("vendo.identity.oidc.client-id is not set");
            }
            return clientId;
        }
    }

    /**
     * @param claim the claim that lists a person's groups
     * @param roles group → role; a person has every role one of their groups maps to, plus {@code defaultRoles}
     * @param defaultRoles roles every person who can log in has (by default everyone may request)
     * @param teamPrefix groups with this prefix are teams, named without it; empty: every group is a team
     */
    record Groups(
            @DefaultValue("cognito:groups") String claim,
            @DefaultValue Map<String, Role> roles,
            @DefaultValue("REQUESTER") Set<Role> defaultRoles,
            @DefaultValue("") String teamPrefix) {

        static final Map<String, Role> DEFAULT_ROLES = Map.of(
                "vendo-requesters", Role.REQUESTER, "vendo-approvers", Role.APPROVER, "vendo-admins", Role.ADMIN);

        Groups {
            roles = roles.isEmpty() ? DEFAULT_ROLES : Map.copyOf(roles);
        }
    }

    /** @param teams the integration's teams; its requests are filed under the first, by name */
    record Integration(@DefaultValue Set<String> teams) {}

    /** Client ids whose access tokens the API accepts. */
    Set<String> acceptedClientIds() {
        var accepted = new LinkedHashSet<>(oidc.apiClientIds());
        accepted.addAll(integrations.keySet());
        return accepted;
    }
}
