package io.vendo.identity;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * How people log in here, decided once at startup: through the OIDC issuer, and in the {@code local} profile also
 * with the demo users' passwords (form login and HTTP Basic). Refuses configurations that would leave the portal
 * without login, or with password login outside the local run.
 */
final class IdentityMode {

    static final String LOCAL_PROFILE = "local";

    private final boolean local;
    private final boolean oidc;

    IdentityMode(IdentityProperties properties, Environment environment) {
        this.local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        this.oidc = properties.oidc().configured();
        if (!local && !properties.demoUsers().isEmpty()) {
            throw new IllegalStateException("vendo.identity.demo-users is set outside the 'local' profile: demo users "
                    + "log in with published passwords and exist only for the local run. Remove them and configure "
                    + "vendo.identity.oidc.issuer-uri (see README, 'Login').");
        }
        if (!local && !oidc) {
            throw new IllegalStateException("Vendo has no way to log people in: set vendo.identity.oidc.issuer-uri "
                    + "(your Cognito user pool or another OpenID Connect issuer), vendo.identity.oidc.client-id and "
                    + "VENDO_IDENTITY_OIDC_CLIENT_SECRET (see README, 'Login'). Demo users exist only in the 'local' "
                    + "profile (./mvnw spring-boot:test-run).");
        }
        if (oidc
                && (properties.oidc().clientId() == null
                        || properties.oidc().clientId().isBlank())) {
            throw new IllegalStateException("vendo.identity.oidc.issuer-uri is set but vendo.identity.oidc.client-id "
                    + "is not: the portal needs its app client to log people in (see README, 'Login').");
        }
        if (local && !oidc && properties.demoUsers().isEmpty()) {
            throw new IllegalStateException("Vendo has no way to log people in: configure vendo.identity.demo-users "
                    + "or vendo.identity.oidc.issuer-uri (see README, 'Login').");
        }
    }

    /** Demo users log in with passwords (form login on pages, HTTP Basic on the API). */
    boolean passwords() {
        return local;
    }

    /** People log in through the OIDC issuer, and the API takes its access tokens. */
    boolean oidc() {
        return oidc;
    }
}
