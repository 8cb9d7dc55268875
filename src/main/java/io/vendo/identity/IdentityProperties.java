package io.vendo.identity;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.identity}.
 *
 * @param demoUsers users that log in with a password; only for the local run and tests, never in production
 */
@ConfigurationProperties("vendo.identity")
record IdentityProperties(@DefaultValue List<DemoUser> demoUsers) {

    /**
     * @param username login name, also the actor name recorded on requests and decisions
     * @param password the password in plain text (local only); hashed with bcrypt when the portal starts
     * @param roles the user's roles
     * @param teams the teams (groups) the user belongs to; approval policies name them
     * @param email where notifications go; {@code <username>@vendo.local} when not given
     */
    record DemoUser(
            String username,
            String password,
            Set<Role> roles,
            @DefaultValue Set<String> teams,
            @Nullable String email) {

        DemoUser {
            if (email == null || email.isBlank()) {
                email = username + "@vendo.local";
            }
        }
    }
}
