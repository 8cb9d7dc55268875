package io.vendo.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated caller as the domain sees it: a stable name, its roles and its teams. Controllers receive it as
 * a method argument ({@link ActorArgumentResolver}).
 */
public record Actor(String username, Set<Role> roles, Set<String> teams) {

    static final String TEAM_PREFIX = "TEAM_";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teams = Set.copyOf(teams);
    }

    public static Actor of(Authentication authentication) {
        var roles = EnumSet.noneOf(Role.class);
        var teams = new TreeSet<String>();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            var authority = granted.getAuthority();
            if (authority == null) {
                continue;
            }
            for (Role role : Role.values()) {
                if (role.authority().equals(authority)) {
                    roles.add(role);
                }
            }
            if (authority.startsWith(TEAM_PREFIX)) {
                teams.add(authority.substring(TEAM_PREFIX.length()));
            }
        }
        return new Actor(authentication.getName(), roles, teams);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The team a request is filed under: the first of the actor's teams, by name. */
    public String primaryTeam() {
        return teams.stream().sorted().findFirst().orElse("");
    }
}
