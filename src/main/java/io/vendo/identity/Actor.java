package io.vendo.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated caller as the domain sees it: a stable name, its roles, its teams, and for an integration the
 * scopes its token was granted. Controllers receive it as a method argument ({@link ActorArgumentResolver}); no
 * other module sees Spring Security's types.
 *
 * <p>A person's roles and teams come from their groups. An integration (client-credentials token) is named by its
 * client id, takes its teams from configuration and its roles from its scopes: {@code vendo/requests.write} makes it
 * a requester, {@code vendo/decisions.write} an approver, {@code vendo/admin} an admin.
 */
public record Actor(String username, Set<Role> roles, Set<String> teams, Set<ApiScope> scopes, Kind kind) {

    static final String TEAM_PREFIX = "TEAM_";
    static final String INTEGRATION_AUTHORITY = "INTEGRATION";

    public enum Kind {
        PERSON,
        INTEGRATION
    }

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teams = Set.copyOf(teams);
        scopes = Set.copyOf(scopes);
    }

    /** A person. */
    public Actor(String username, Set<Role> roles, Set<String> teams) {
        this(username, roles, teams, Set.of(), Kind.PERSON);
    }

    public static Actor of(Authentication authentication) {
        var roles = EnumSet.noneOf(Role.class);
        var teams = new TreeSet<String>();
        var scopes = EnumSet.noneOf(ApiScope.class);
        var kind = Kind.PERSON;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            var authority = granted.getAuthority();
            if (authority == null) {
                continue;
            }
            Role.fromAuthority(authority).ifPresent(roles::add);
            ApiScope.fromAuthority(authority).ifPresent(scopes::add);
            if (authority.startsWith(TEAM_PREFIX)) {
                teams.add(authority.substring(TEAM_PREFIX.length()));
            }
            if (authority.equals(INTEGRATION_AUTHORITY)) {
                kind = Kind.INTEGRATION;
            }
        }
        return new Actor(authentication.getName(), roles, teams, kind == Kind.INTEGRATION ? scopes : Set.of(), kind);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isIntegration() {
        return kind == Kind.INTEGRATION;
    }

    /**
     * Whether the caller may read requests at all (which ones is the request module's rule): people always, their own
     * and their teams'; integrations only with {@code vendo/requests.read} or {@code vendo/admin}.
     */
    public boolean mayReadRequests() {
        return !isIntegration() || scopes.contains(ApiScope.REQUESTS_READ) || scopes.contains(ApiScope.ADMIN);
    }

    /** The team a request is filed under: the first of the actor's teams, by name. */
    public String primaryTeam() {
        return teams.stream().sorted().findFirst().orElse("");
    }
}
