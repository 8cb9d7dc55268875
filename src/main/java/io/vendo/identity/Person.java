package io.vendo.identity;

import java.util.Set;

/** Someone Vendo can reach: login name, e-mail address, roles and groups (teams). */
public record Person(String username, String email, Set<Role> roles, Set<String> groups) {

    public Person {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }
}
