package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin's catastrophic {@code AllowedPattern} costs no submission seconds of CPU: {@code (.*a){12}} is matched in
 * linear time; a pattern that needs backtracking is matched with a bounded effort, and the admin is warned when
 * storing it, over the API and in the version history.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class PatternSafetyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static String blueprint(String slug, String pattern) {
        var template =
                """
                Parameters:
                  Name:
                    Type: String
                    AllowedPattern: '%s'
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """
                        .formatted(pattern);
        return """
                {"slug": "%s", "kind": "STACK", "name": "Patterned", "description": "d", "owner": "o",
                 "template": %s}
                """
                .formatted(slug, JSON.writeValueAsString(template));
    }

    /** A target that takes every blueprint (the demo's take only theirs); 409 when an earlier test made it. */
    private void openTarget() {
        var response = ApiClient.as("admin", port)
                .postJson(
                        "/api/v1/targets",
                        """
                        {"slug": "open-sandbox", "name": "Open sandbox", "accountId": "111122223333",
                         "region": "eu-west-1", "environment": "SANDBOX"}
                        """);
        assertThat(response.status()).isIn(201, 409);
    }

    private ApiClient.Response submit(String slug, String value) {
        openTarget();
        return ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "open-sandbox",
                         "parameters": {"Name": "%s"}, "justification": "pattern check"}
                        """
                                .formatted(slug, value));
    }

    @Test
    void aCatastrophicPatternRefusesAHostileValueAtOnceAndNeedsNoWarning() {
        var created =
                ApiClient.as("admin", port).postJson("/api/v1/blueprints", blueprint("catastrophic", "(.*a){12}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("versions").get(0).path("warnings").isEmpty())
                .isTrue();
        var requests = jdbc.queryForObject("select count(*) from vending_request", Integer.class);

        var refused = submit("catastrophic", "a".repeat(40) + "b");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("Name").asString())
                .isEqualTo("Parameter 'Name' must match pattern (.*a){12}");
        var accepted = submit("catastrophic", "a".repeat(12));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(requests + 1);
    }

    @Test
    void aPatternThatNeedsBacktrackingIsWarnedAboutAndBounded() {
        var admin = ApiClient.as("admin", port);
        var created = admin.postJson("/api/v1/blueprints", blueprint("backtracking", "(?!b)(.*a){12}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()
                        .path("versions")
                        .get(0)
                        .path("warnings")
                        .get(0)
                        .asString())
                .contains("Parameter 'Name'")
                .contains("lookahead (?!")
                .contains("cannot be matched in time linear in the value");

        var refused = submit("backtracking", "a".repeat(40) + "b");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("Name").asString())
                .contains("could not be checked against AllowedPattern");

        var version = admin.postJson(
                "/api/v1/blueprints/backtracking/versions",
                JSON.writeValueAsString(java.util.Map.of(
                        "template",
                        "Parameters:\n  Name:\n    Type: String\n    AllowedPattern: '(?=x)x+'\nResources:\n"
                                + "  Topic:\n    Type: AWS::SNS::Topic\n")));
        assertThat(version.status()).as(version.toString()).isEqualTo(201);
        assertThat(version.body().path("warnings").get(0).asString()).contains("lookahead (?=");
    }
}
