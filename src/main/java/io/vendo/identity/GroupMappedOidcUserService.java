package io.vendo.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A browser login through the issuer: the person's groups become roles and teams, and the person is remembered in
 * the directory (approvers are mailed before they come back).
 */
final class GroupMappedOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final GroupMapping mapping;
    private final People people;

    GroupMappedOidcUserService(GroupMapping mapping, People people) {
        this.mapping = mapping;
        this.people = people;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = delegate.loadUser(request);
        var claims = user.getClaims();
        var username = mapping.username(claims)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                        "invalid_user_info",
                        "The issuer's token names no user (vendo.identity.oidc.username-claims)",
                        null)));
        var groups = mapping.groupsIn(claims);
        var roles = mapping.rolesOf(groups);
        var teams = mapping.teamsOf(groups);
        people.remember(username.value(), user.getEmail(), user.getFullName(), roles, teams);
        return new DefaultOidcUser(
                GroupMapping.authorities(roles, teams), user.getIdToken(), user.getUserInfo(), username.claim());
    }
}
