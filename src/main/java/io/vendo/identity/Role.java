package io.vendo.identity;

/** What a person or integration may do in Vendo; granted as {@code ROLE_<name>} authorities. */
public enum Role {
    REQUESTER,
    APPROVER,
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}
