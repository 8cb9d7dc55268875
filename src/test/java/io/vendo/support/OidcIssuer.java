package io.vendo.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real OpenID Connect issuer for the whole test run (mock-oauth2-server: discovery, JWKS, authorization code flow,
 * signed tokens), shaped like a Cognito user pool: access tokens with {@code token_use}, {@code client_id},
 * {@code username} and {@code cognito:groups}, and client-credentials tokens whose {@code sub} is the client id.
 */
public final class OidcIssuer {

    public static final String ISSUER_ID = "cognito";
    /** The portal's own app client (browser login). */
    public static final String PORTAL_CLIENT = "vendo-portal";
    /** An app client people use for the API (a CLI); accepted on the API. */
    public static final String CLI_CLIENT = "vendo-cli";

    private static MockOAuth2Server server;
    private static HttpServer hostedUi;
    private static final List<URI> logouts = new CopyOnWriteArrayList<>();

    private OidcIssuer() {}

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    /**
     * Cognito's hosted UI logout, which mock-oauth2-server does not have: {@code GET /logout?client_id=…&logout_uri=…}
     * ends the session and redirects to {@code logout_uri}, as Cognito does (after checking the client).
     */
    public static synchronized String hostedUi() {
        if (hostedUi == null) {
            try {
                hostedUi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hostedUi.createContext("/logout", exchange -> {
                logouts.add(exchange.getRequestURI());
                var query = exchange.getRequestURI().getRawQuery();
                var clientId = parameter(query, "client_id");
                var logoutUri = parameter(query, "logout_uri");
                if (!PORTAL_CLIENT.equals(clientId) || logoutUri == null) {
                    exchange.sendResponseHeaders(400, -1);
                } else {
                    exchange.getResponseHeaders().add("Location", logoutUri);
                    exchange.sendResponseHeaders(302, -1);
                }
                exchange.close();
            });
            hostedUi.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> hostedUi.stop(0)));
        }
        return "http://localhost:" + hostedUi.getAddress().getPort();
    }

    /** The logout requests the hosted UI received, oldest first. */
    public static List<URI> logouts() {
        return List.copyOf(logouts);
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (var pair : query.split("&")) {
            var parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public static String issuer() {
        return server().issuerUrl(ISSUER_ID).toString();
    }

    /** A person's access token from the CLI app client, as Cognito issues it. */
    public static String userAccessToken(String username, List<String> groups) {
        return accessToken(UUID.randomUUID().toString(), personClaims(username, groups, CLI_CLIENT), 3600);
    }

    /** A client-credentials access token: {@code sub} is the client id, the scopes are space-separated. */
    public static String clientToken(String clientId, String... scopes) {
        var claims = new HashMap<String, Object>();
        claims.put("token_use", "access");
        claims.put("client_id", clientId);
        claims.put("scope", String.join(" ", scopes));
        return accessToken(clientId, claims, 3600);
    }

    public static Map<String, Object> personClaims(String username, List<String> groups, String clientId) {
        var claims = new HashMap<String, Object>();
        claims.put("token_use", "access");
        claims.put("client_id", clientId);
        claims.put("username", username);
        claims.put("cognito:groups", groups);
        claims.put("scope", "openid email profile");
        claims.put("auth_time", Instant.now().getEpochSecond());
        return claims;
    }

    /** Signed by the issuer's current key, with these claims on top of its own ({@code iss}, {@code iat}, …). */
    public static String accessToken(String subject, Map<String, Object> claims, long expirySeconds) {
        return server().issueToken(
                        ISSUER_ID,
                        String.valueOf(claims.getOrDefault("client_id", CLI_CLIENT)),
                        new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(), claims, expirySeconds))
                .serialize();
    }

    /**
     * The next browser login through the issuer is this person's: the ID token carries {@code cognito:username},
     * {@code email} and {@code cognito:groups}, as Cognito's does.
     */
    public static void nextLogin(String username, String email, List<String> groups) {
        var claims = new HashMap<String, Object>();
        claims.put("cognito:username", username);
        claims.put("email", email);
        claims.put("cognito:groups", groups);
        claims.put("token_use", "id");
        server().enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                UUID.nameUUIDFromBytes(username.getBytes()).toString(),
                "JWT",
                List.of(PORTAL_CLIENT),
                claims,
                3600));
    }

    /**
     * Points the portal at the issuer: its app client, the CLI client and the integrations accepted on the API, the
     * Cognito group convention (roles from {@code vendo-*} groups, teams from {@code team-*} groups), and Cognito's
     * hosted UI for logout.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "vendo.identity.oidc.issuer-uri=" + issuer(),
                            "vendo.identity.oidc.client-id=" + PORTAL_CLIENT,
                            "vendo.identity.oidc.client-secret=test-only-secret",
                            "vendo.identity.oidc.cognito-domain=" + hostedUi(),
                            "vendo.identity.oidc.api-client-ids=" + CLI_CLIENT,
                            "vendo.identity.groups.team-prefix=team-",
                            "vendo.identity.integrations.ci-reader.teams=web-team",
                            "vendo.identity.integrations.ci-writer.teams=web-team",
                            "vendo.identity.integrations.chatops.teams=platform-team",
                            "vendo.identity.integrations.ops-admin.teams=platform-team",
                            "vendo.aws.mode=dry-run",
                            "spring.mail.host=127.0.0.1",
                            "spring.mail.port=" + Mailbox.server().getSmtp().getPort())
                    .applyTo(context);
        }
    }

    /** The portal of a {@code @VendoIntegrationTest} logs people in through this issuer (demo users stay too). */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ContextConfiguration(initializers = Initializer.class)
    public @interface WithIssuer {}
}
