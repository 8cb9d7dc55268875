package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every error of the API is RFC 9457 problem+json, over real HTTP: unknown routes and ids, wrong methods and media
 * types, oversized and hostile bodies, invalid fields. Refused bodies store nothing.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class ApiProblemDetailsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient requester() {
        return ApiClient.as("requester", port);
    }

    private int storedRequests() {
        return jdbc.queryForObject("select count(*) from vending_request", Integer.class);
    }

    private static String request(String siteName, String justification) {
        return """
                {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                 "parameters": {"SiteName": "%s"}, "justification": "%s"}
                """
                .formatted(siteName, justification);
    }

    @Test
    void unknownRouteIs404() {
        var response = requester().get("/api/v1/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("status").asInt()).isEqualTo(404);
        assertThat(response.body().path("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void unknownRequestIs404() {
        var response = requester().get("/api/v1/requests/00000000-0000-0000-0000-000000000001");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("title").asString()).isEqualTo("Unknown request");
    }

    @Test
    void malformedIdIs400() {
        var response = requester().get("/api/v1/requests/not-a-uuid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
    }

    @Test
    void wrongMethodIs405WithTheAllowedOnes() {
        var response = requester().exchange("/api/v1/requests", request -> request.DELETE());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("detail").asString()).contains("DELETE");
    }

    @Test
    void csvIsNotAcceptable() {
        var response = requester().exchange("/api/v1/requests", request -> request.header("Accept", "text/csv"));

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("status").asInt()).isEqualTo(406);
    }

    @Test
    void formBodyIsUnsupportedMediaType() {
        var before = storedRequests();

        var response = requester().post("/api/v1/requests", "application/x-www-form-urlencoded", "blueprint=x");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsListed() {
        var response = requester().postJson("/api/v1/requests", "{\"blueprint\": \"\", \"parameters\": {}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("blueprint", "target", "justification");
    }

    @Test
    void bodyOverTheLimitIs413BeforeItIsRead() {
        var before = storedRequests();
        var huge = request("big-site", "x".repeat(70 * 1024));

        var response = requester().postJson("/api/v1/requests", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("maxBytes").asLong()).isEqualTo(64 * 1024);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        var before = storedRequests();
        var huge = request("chunked-site", "x".repeat(70 * 1024)).getBytes();

        // A stream publisher has no length: the body goes out chunked, without Content-Length.
        var response = requester()
                .exchange("/api/v1/requests", request -> request.header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        var before = storedRequests();
        var nested = "[".repeat(1000) + "]".repeat(1000);

        var response = requester()
                .postJson(
                        "/api/v1/requests",
                        "{\"blueprint\": \"static-website\", \"target\": \"sandbox-eu-west-1\", \"justification\": \"x\","
                                + " \"parameters\": {\"SiteName\": \"nested-site\"}, \"extra\": " + nested + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("detail").asString()).contains("nesting depth");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void overlongNumberIsRefused() {
        var response = requester()
                .postJson(
                        "/api/v1/requests",
                        "{\"blueprint\": \"static-website\", \"target\": \"sandbox-eu-west-1\", \"justification\": \"x\","
                                + " \"parameters\": {\"SiteName\": " + "9".repeat(200) + "}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("detail").asString()).contains("Number value length");
    }

    @Test
    void malformedJsonIs400() {
        var response = requester().postJson("/api/v1/requests", "{\"blueprint\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
    }
}
