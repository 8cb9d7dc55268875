package io.vendo.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns the claims of an issuer's token into Vendo's authorities: the person's name, roles from their groups (through
 * the configured mapping, plus the default roles), and teams from their groups (by the team prefix convention).
 */
final class GroupMapping {

    private final IdentityProperties.Groups groups;
    private final List<String> usernameClaims;

    GroupMapping(IdentityProperties properties) {
        this.groups = properties.groups();
        this.usernameClaims = properties.oidc().usernameClaims();
    }

    /** Who the claims name, by the first configured username claim present. */
    Optional<Username> username(Map<String, Object> claims) {
        for (var claim : usernameClaims) {
            if (claims.get(claim) instanceof String value && !value.isBlank()) {
                return Optional.of(new Username(claim, value));
            }
        }
        return Optional.empty();
    }

    /** A person's login name and the claim it came from (Spring Security's OIDC user is keyed by the claim). */
    record Username(String claim, String value) {}

    /** The groups claim: a JSON array (Cognito), or a space- or comma-separated string (some issuers). */
    Set<String> groupsIn(Map<String, Object> claims) {
        var value = claims.get(groups.claim());
        var found = new TreeSet<String>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> found.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            for (var item : text.split("[\\s,]+")) {
                if (!item.isBlank()) {
                    found.add(item);
                }
            }
        }
        return found;
    }

    Set<Role> rolesOf(Set<String> memberOf) {
        var roles = EnumSet.noneOf(Role.class);
        roles.addAll(groups.defaultRoles());
        memberOf.stream()
                .map(group -> groups.roles().get(group))
                .filter(java.util.Objects::nonNull)
                .forEach(roles::add);
        return roles;
    }

    Set<String> teamsOf(Set<String> memberOf) {
        var prefix = groups.teamPrefix();
        var teams = new TreeSet<String>();
        for (var group : memberOf) {
            if (prefix.isEmpty()) {
                teams.add(group);
            } else if (group.startsWith(prefix) && group.length() > prefix.length()) {
                teams.add(group.substring(prefix.length()));
            }
        }
        return teams;
    }

    static List<GrantedAuthority> authorities(Set<Role> roles, Set<String> teams) {
        var authorities = new LinkedHashSet<GrantedAuthority>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        teams.forEach(team -> authorities.add(new SimpleGrantedAuthority(Actor.TEAM_PREFIX + team)));
        return new ArrayList<>(authorities);
    }
}
