package io.vendo.identity;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * What an integration (an OAuth2 client-credentials token) may do. Cognito resource-server scopes, granted to an app
 * client in the user pool; Spring Security sees them as {@code SCOPE_<value>} authorities.
 */
@NamedInterface("roles")
public enum ApiScope {
    /** Read the requests the integration may see, and the catalog. */
    REQUESTS_READ("vendo/requests.read"),
    /** Submit and cancel requests, as their requester. */
    REQUESTS_WRITE("vendo/requests.write"),
    /** Approve or reject, as an approver of the integration's teams. */
    DECISIONS_WRITE("vendo/decisions.write"),
    /** Everything an admin may do. */
    ADMIN("vendo/admin");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    String authority() {
        return "SCOPE_" + value;
    }

    static Optional<ApiScope> fromAuthority(String authority) {
        for (var scope : values()) {
            if (scope.authority().equals(authority)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
