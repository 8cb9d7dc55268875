package io.vendo.request.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.RawHttp;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * What the API promises and what it does agree: one {@code Idempotency-Key} per call, a {@code Location} that never
 * repeats the {@code Host} a caller chose, and the committed OpenAPI document naming the statuses the portal answers
 * (403 for a cancel by someone else and for self-approval; APPROVED requests may still be withdrawn).
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class RequestApiContractTest {

    private static final String SUBMISSION =
            """
            {"blueprint": "static-website", "target": "sandbox-eu-west-1",
             "parameters": {"SiteName": "contract-site"}, "justification": "Contract"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private RawHttp.Response post(String path, Map<String, String> extraHeaders) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", ApiClient.as("requester", port).authorization());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        var body = SUBMISSION.getBytes(StandardCharsets.UTF_8);
        headers.put("Content-Length", String.valueOf(body.length));
        headers.putAll(extraHeaders);
        return RawHttp.send(port, "POST " + path + " HTTP/1.1", headers, body);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    @Test
    void twoIdempotencyKeysAreRefusedInsteadOfJoinedIntoOne() {
        var requests = count("vending_request");
        var keys = count("idempotency_key");

        var response = post("/api/v1/requests", Map.of("Idempotency-Key", "k1\nk2"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("Send one Idempotency-Key header");
        assertThat(count("vending_request")).isEqualTo(requests);
        assertThat(count("idempotency_key")).isEqualTo(keys);
    }

    @Test
    void locationNamesThePortalsPathNotTheHostTheCallerSent() {
        var response = post("/api/v1/requests", Map.of("Host", "evil.example", "Idempotency-Key", "host-check"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().get("location")).matches("/api/v1/requests/[0-9a-f-]{36}");
        var replayed = post("/api/v1/requests", Map.of("Host", "other.example", "Idempotency-Key", "host-check"));
        assertThat(replayed.headers().get("location"))
                .isEqualTo(response.headers().get("location"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentNamesTheStatusesThePortalAnswers() throws IOException {
        Map<String, Object> document =
                new Yaml().load(Files.readString(Path.of("src/main/resources/openapi/vendo-api.yaml")));
        var paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        var cancel = (Map<String, Map<String, Object>>)
                paths.get("/api/v1/requests/{id}/cancel").get("post").get("responses");
        var decide = (Map<String, Map<String, Object>>)
                paths.get("/api/v1/requests/{id}/decisions").get("post").get("responses");
        var requester = ApiClient.as("requester", port);
        var id = requester.submit("sandbox-eu-west-1", "contract-site", "Contract");

        var cancelledByAnother = ApiClient.as("lead", port).postJson("/api/v1/requests/" + id + "/cancel", "");
        assertThat(cancelledByAnother.status()).isEqualTo(403);
        assertThat((String) cancel.get("403").get("description")).contains("not the request's requester");
        assertThat((String) cancel.get("409").get("description")).contains("PENDING_APPROVAL and APPROVED");
        assertThat((String)
                        paths.get("/api/v1/requests/{id}/cancel").get("post").get("description"))
                .contains("approved and not yet taken up");

        var ownId = ApiClient.as("approver", port).submit("sandbox-eu-west-1", "own-site", "Own");
        var selfApproved = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + ownId + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(selfApproved.status()).isEqualTo(403);
        assertThat((String) decide.get("403").get("description")).contains("their own");
        assertThat((String) decide.get("409").get("description")).doesNotContain("own");
    }
}
