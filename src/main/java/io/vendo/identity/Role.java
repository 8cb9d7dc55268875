package io.vendo.identity;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** What a person or integration may do in Vendo; granted as {@code ROLE_<name>} authorities. */
@NamedInterface("roles")
public enum Role {
    REQUESTER,
    APPROVER,
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> fromAuthority(String authority) {
        for (var role : values()) {
            if (role.authority().equals(authority)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
