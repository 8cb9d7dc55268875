package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.OidcIssuer;
import io.vendo.support.VendoIntegrationTest;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An integration is its own requester: named by its client id, filed under its configured team, whatever its token
 * claims to act for; what it may do next depends on its scopes.
 */
@VendoIntegrationTest
@OidcIssuer.WithIssuer
class IntegrationIdentityTest {

    private static final String SUBMISSION =
            """
            {"blueprint": "static-website", "target": "sandbox-eu-west-1",
             "parameters": {"SiteName": "pipeline-site"}, "justification": "Preview environment"}
            """;

    @LocalServerPort
    int port;

    @Test
    void aPipelineSubmitsAsItselfWhateverItClaimsToActFor() {
        var claims = new HashMap<String, Object>();
        claims.put("token_use", "access");
        claims.put("client_id", "ci-writer");
        claims.put("scope", "vendo/requests.write");
        claims.put("on_behalf_of", "ada");
        claims.put("username", "ada");
        var writer = ApiClient.withToken(OidcIssuer.accessToken("ci-writer", claims, 3600), port);

        var submitted = writer.postJson("/api/v1/requests", SUBMISSION);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.body().path("requester").asString()).isEqualTo("ci-writer");
        assertThat(submitted.body().path("team").asString()).isEqualTo("web-team");
        var id = submitted.body().path("id").asString();

        // Writing is not reading: the writer needs vendo/requests.read to follow its request ...
        assertThat(writer.get("/api/v1/requests/" + id).status()).isEqualTo(403);
        // ... which a reader of the same team has, and a person of that team sees it too.
        var reader = ApiClient.withToken(OidcIssuer.clientToken("ci-reader", "vendo/requests.read"), port);
        assertThat(reader.get("/api/v1/requests/" + id).body().path("requester").asString())
                .isEqualTo("ci-writer");
        var teammate =
                ApiClient.withToken(OidcIssuer.userAccessToken("rita", java.util.List.of("team-web-team")), port);
        assertThat(teammate.get("/api/v1/requests/" + id).status()).isEqualTo(200);

        // Only its requester cancels it: the pipeline may, its teammate may not.
        assertThat(teammate.postJson("/api/v1/requests/" + id + "/cancel", "{}").status())
                .isEqualTo(403);
        var cancelled = writer.postJson("/api/v1/requests/" + id + "/cancel", "{}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("state").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aPersonsTokenGainsNothingFromVendoScopes() {
        var claims = OidcIssuer.personClaims("rita", java.util.List.of("team-web-team"), OidcIssuer.CLI_CLIENT);
        claims.put("scope", "openid vendo/admin vendo/decisions.write");
        var rita = ApiClient.withToken(OidcIssuer.accessToken("rita-sub", claims, 3600), port);

        assertThat(rita.get("/api/v1/audit/verification").status()).isEqualTo(403);
        assertThat(rita.get("/api/v1/blueprints").status()).isEqualTo(200);
    }
}
