package io.vendo.identity;

import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** Someone Vendo can reach: login name, e-mail address, roles and groups (teams). */
@NamedInterface("directory")
public record Person(String username, String email, Set<Role> roles, Set<String> groups) {

    public Person {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }
}
