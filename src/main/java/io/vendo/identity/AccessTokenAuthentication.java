package io.vendo.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who an already validated access token stands for. A client-credentials token (Cognito: {@code sub} equals {@code
 * client_id}) is an integration, named by its client id, with the roles its {@code vendo/*} scopes grant and the
 * teams configured for it. Any other token is a person's, whose groups decide, exactly as at browser login; scopes in
 * a person's token grant nothing (an app client must not lift a person above their groups).
 */
final class AccessTokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final GroupMapping mapping;
    private final Map<String, IdentityProperties.Integration> integrations;

    AccessTokenAuthentication(GroupMapping mapping, IdentityProperties properties) {
        this.mapping = mapping;
        this.integrations = properties.integrations();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        var clientId = jwt.getClaimAsString("client_id");
        if (clientId != null && clientId.equals(jwt.getSubject())) {
            return integration(jwt, clientId);
        }
        var claims = jwt.getClaims();
        var username = mapping.username(claims)
                .orElseThrow(() -> new InvalidBearerTokenException("The access token names no user"));
        var groups = mapping.groupsIn(claims);
        return new JwtAuthenticationToken(
                jwt, GroupMapping.authorities(mapping.rolesOf(groups), mapping.teamsOf(groups)), username.value());
    }

    private JwtAuthenticationToken integration(Jwt jwt, String clientId) {
        var scopes = EnumSet.noneOf(ApiScope.class);
        var granted = jwt.getClaimAsString("scope");
        if (granted != null) {
            for (var value : granted.split(" ")) {
                for (var scope : ApiScope.values()) {
                    if (scope.value().equals(value)) {
                        scopes.add(scope);
                    }
                }
            }
        }
        var roles = EnumSet.noneOf(Role.class);
        if (scopes.contains(ApiScope.REQUESTS_WRITE)) {
            roles.add(Role.REQUESTER);
        }
        if (scopes.contains(ApiScope.DECISIONS_WRITE)) {
            roles.add(Role.APPROVER);
        }
        if (scopes.contains(ApiScope.ADMIN)) {
            roles.add(Role.ADMIN);
        }
        var configured = integrations.get(clientId);
        Set<String> teams = configured == null ? Set.of() : configured.teams();
        List<GrantedAuthority> authorities = new ArrayList<>(GroupMapping.authorities(roles, teams));
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        authorities.add(new SimpleGrantedAuthority(Actor.INTEGRATION_AUTHORITY));
        return new JwtAuthenticationToken(jwt, authorities, clientId);
    }
}
