package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vendo.support.ApiClient;
import io.vendo.support.OidcIssuer;
import io.vendo.support.VendoIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tokens that must not get in: each is refused with 401, a problem document and a Bearer challenge naming the
 * error. A well-formed token from the same issuer gets in, so the refusals are about the abuse, nothing else.
 */
@VendoIntegrationTest
@OidcIssuer.WithIssuer
class TokenAbuseTest {

    private static final List<String> APPROVER_GROUPS = List.of("vendo-approvers", "team-platform-team");

    @LocalServerPort
    int port;

    static Stream<Arguments> abusedTokens() {
        return Stream.of(
                abuse("an ID token presented as an access token", "token_use", TokenAbuseTest::idToken),
                abuse(
                        "an access token issued to an app client that is not accepted",
                        "client_id",
                        () -> OidcIssuer.accessToken(
                                UUID.randomUUID().toString(),
                                OidcIssuer.personClaims("mallory", APPROVER_GROUPS, "some-other-app"),
                                3600)),
                abuse(
                        "a client-credentials token of an unknown client",
                        "client_id",
                        () -> OidcIssuer.clientToken("unknown-integration", "vendo/admin")),
                abuse("an access token without token_use", "token_use", () -> {
                    var claims = OidcIssuer.personClaims("mallory", APPROVER_GROUPS, OidcIssuer.CLI_CLIENT);
                    claims.remove("token_use");
                    return OidcIssuer.accessToken(UUID.randomUUID().toString(), claims, 3600);
                }),
                abuse("a token from another issuer, signed with the right key", "iss", () -> {
                    var claims = OidcIssuer.personClaims("mallory", APPROVER_GROUPS, OidcIssuer.CLI_CLIENT);
                    claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Elsewhere");
                    return OidcIssuer.accessToken(UUID.randomUUID().toString(), claims, 3600);
                }),
                abuse("an expired access token", "expired", () -> {
                    var claims = OidcIssuer.personClaims("mallory", APPROVER_GROUPS, OidcIssuer.CLI_CLIENT);
                    claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
                    return OidcIssuer.accessToken(UUID.randomUUID().toString(), claims, -600);
                }),
                abuse("an unsigned token (alg: none)", "none", TokenAbuseTest::unsigned),
                abuse(
                        "a token signed by a key the issuer does not publish (unknown kid)",
                        "key",
                        TokenAbuseTest::foreignKey),
                abuse(
                        "a valid token whose payload was changed (tampered signature)",
                        "signature",
                        TokenAbuseTest::tampered),
                abuse("garbage", "Malformed", () -> "not-a-jwt"));
    }

    /** @param reason what the refusal's detail names, so that each token is refused for its own abuse */
    private static Arguments abuse(String name, String reason, Supplier<String> token) {
        return Arguments.of(name, reason, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("abusedTokens")
    void refused(String name, String reason, Supplier<String> token) {
        var response = ApiClient.withToken(token.get(), port).get("/api/v1/blueprints");

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(401);
        assertThat(response.body().path("detail").asString()).containsIgnoringCase(reason);
        assertThat(response.wwwAuthenticate())
                .anyMatch(challenge -> challenge.startsWith("Bearer") && challenge.contains("error=\"invalid_token\""));
    }

    @Test
    void theSameTokensWellFormedGetIn() {
        var person = OidcIssuer.userAccessToken("paul", APPROVER_GROUPS);
        var client = OidcIssuer.clientToken("ci-reader", "vendo/requests.read");

        assertThat(ApiClient.withToken(person, port).get("/api/v1/blueprints").status())
                .isEqualTo(200);
        assertThat(ApiClient.withToken(client, port).get("/api/v1/blueprints").status())
                .isEqualTo(200);
    }

    @Test
    void missingTokenIsChallengedWithoutAnError() {
        var response = ApiClient.anonymous(port).get("/api/v1/blueprints");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.wwwAuthenticate())
                .anyMatch(challenge -> challenge.startsWith("Bearer realm=\"vendo\"") && !challenge.contains("error="));
    }

    /** Cognito's ID token: signed by the same keys, {@code aud} is the app client, {@code token_use} is {@code id}. */
    private static String idToken() {
        var claims = new HashMap<String, Object>();
        claims.put("token_use", "id");
        claims.put("cognito:username", "mallory");
        claims.put("cognito:groups", APPROVER_GROUPS);
        claims.put("email", "mallory@example.com");
        return OidcIssuer.accessToken(UUID.randomUUID().toString(), claims, 3600);
    }

    private static String unsigned() {
        var valid = OidcIssuer.userAccessToken("mallory", APPROVER_GROUPS).split("\\.");
        var header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + valid[1] + ".";
    }

    private static String foreignKey() {
        try {
            var key = new RSAKeyGenerator(2048)
                    .keyID("rotated-" + UUID.randomUUID())
                    .generate();
            var claims = new JWTClaimsSet.Builder()
                    .issuer(OidcIssuer.issuer())
                    .subject(UUID.randomUUID().toString())
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
            for (Map.Entry<String, Object> claim : OidcIssuer.personClaims(
                            "mallory", APPROVER_GROUPS, OidcIssuer.CLI_CLIENT)
                    .entrySet()) {
                claims.claim(claim.getKey(), claim.getValue());
            }
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rita's token with her groups swapped for the admins' (signature left as it was). */
    private static String tampered() {
        var parts =
                OidcIssuer.userAccessToken("rita", List.of("vendo-requesters")).split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"vendo-requesters\"", "\"vendo-admins\"");
        assertThat(payload).contains("vendo-admins");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
