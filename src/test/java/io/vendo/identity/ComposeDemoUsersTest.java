package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose stack's login, without Docker: the same mock-oauth2-server release that compose.yaml runs, configured
 * by docker/oidc/config.json, and Vendo's identity settings bound from docker/vendo/application.yaml (only the
 * issuer's address differs: here it listens on a random local port). Each demo user logs in through the authorization
 * code flow and gets the roles and teams the README promises; the pipeline integration gets an access token that
 * Vendo's API decoder accepts; a person's ID token is refused on the API.
 */
class ComposeDemoUsersTest {

    private static final String ISSUER_ID = "vendo";
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/vendo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MockOAuth2Server issuer;
    private static IdentityProperties properties;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheComposeIssuer() throws IOException {
        issuer = new MockOAuth2Server(
                OAuth2Config.Companion.fromJson(Files.readString(Path.of("docker/oidc/config.json"))));
        issuer.start();
        var sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource(
                "this test's issuer",
                Map.of(
                        "vendo.identity.oidc.issuer-uri",
                        issuer.issuerUrl(ISSUER_ID).toString())));
        sources.addLast(new YamlPropertySourceLoader()
                .load("compose", new FileSystemResource("docker/vendo/application.yaml"))
                .getFirst());
        properties = new Binder(ConfigurationPropertySources.from(sources))
                .bind("vendo.identity", IdentityProperties.class)
                .get();
    }

    @AfterAll
    static void stop() {
        issuer.shutdown();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            requester | REQUESTER                 | web-team
            approver  | REQUESTER APPROVER        | platform-team
            lead      | REQUESTER APPROVER        | team-leads web-team
            admin     | REQUESTER APPROVER ADMIN  | admins platform-team
            newcomer  | REQUESTER                 |
            """)
    void aDemoUserLogsInWithTheRolesAndTeamsOfTheLocalRun(String user, String roles, String teams) throws Exception {
        var idToken = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUrl(ISSUER_ID).toString())
                .build()
                .decode(login(user).get("id_token"));
        var mapping = new GroupMapping(properties);
        var groups = mapping.groupsIn(idToken.getClaims());

        assertThat(idToken.getIssuer().toString())
                .isEqualTo(issuer.issuerUrl(ISSUER_ID).toString());
        assertThat(idToken.getAudience()).containsExactly("vendo-portal");
        assertThat(mapping.username(idToken.getClaims()).orElseThrow().value()).isEqualTo(user);
        assertThat(idToken.getClaimAsString("email")).isEqualTo(user + "@vendo.local");
        assertThat(mapping.rolesOf(groups).stream().map(Role::name).collect(Collectors.toSet()))
                .isEqualTo(Set.of(roles.split(" ")));
        assertThat(mapping.teamsOf(groups)).isEqualTo(teams == null ? Set.of() : Set.of(teams.split(" ")));
    }

    @Test
    void thePipelineCallsTheApiWithAClientCredentialsToken() throws Exception {
        var token = token(Map.of(
                "grant_type", "client_credentials",
                "client_id", "ci-pipeline",
                "client_secret", "any",
                "scope", "vendo/requests.read vendo/requests.write"));
        var decoder = new IssuerConfiguration().accessTokenDecoder(properties);

        var authentication = new AccessTokenAuthentication(new GroupMapping(properties), properties)
                .convert(decoder.decode(token.get("access_token")));

        assertThat(authentication.getName()).isEqualTo("ci-pipeline");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains(Role.REQUESTER.authority(), Actor.TEAM_PREFIX + "web-team")
                .doesNotContain(Role.APPROVER.authority(), Role.ADMIN.authority());
    }

    @Test
    void aPersonsIdTokenIsNoAccessToTheApi() throws Exception {
        var decoder = new IssuerConfiguration().accessTokenDecoder(properties);
        var idToken = login("admin").get("id_token");

        assertThatThrownBy(() -> decoder.decode(idToken)).isInstanceOf(JwtException.class);
    }

    /** The browser's part of the authorization code flow, then the portal's code exchange. */
    private Map<String, String> login(String user) throws Exception {
        var authorize = issuer.authorizationEndpointUrl(ISSUER_ID) + "?"
                + form(Map.of(
                        "client_id", "vendo-portal",
                        "response_type", "code",
                        "redirect_uri", REDIRECT,
                        "scope", "openid email profile",
                        "state", "s",
                        "nonce", "n"));
        var page =
                http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("the issuer's login page").contains("name=\"username\"");

        var signIn = http.send(
                HttpRequest.newBuilder(URI.create(authorize))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        var callback = URI.create(signIn.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(REDIRECT);
        var code = parameter(callback.getRawQuery(), "code");

        return token(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT,
                "client_id", "vendo-portal",
                "client_secret", "local-only-not-a-secret"));
    }

    private Map<String, String> token(Map<String, String> parameters) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(issuer.tokenEndpointUrl(ISSUER_ID).uri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var tokens = new LinkedHashMap<String, String>();
        JSON.readTree(response.body())
                .properties()
                .forEach(entry -> tokens.put(entry.getKey(), entry.getValue().asString()));
        return tokens;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String parameter(String query, String name) {
        for (var pair : query.split("&")) {
            var parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }
}
