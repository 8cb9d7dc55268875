package io.vendo.request.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Fleets through the API: every row checked as a single request, all stored or none, one problem naming every bad row;
 * one approval (row 0's) decides every row; {@code Idempotency-Key} as for single requests.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class RequestBatchApiTest {

    private static final List<String> TABLES =
            List.of("vending_request", "request_batch", "request_batch_row", "approval", "idempotency_key");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private List<Integer> counts() {
        return TABLES.stream()
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Integer.class))
                .toList();
    }

    private static String batch(String justification, List<String> rows) {
        return """
                {"blueprint": "static-website", "justification": "%s",
                 "rollout": {"maxInFlight": 2, "pauseAfterFailures": 1}, "rows": [%s]}"""
                .formatted(justification, String.join(",", rows));
    }

    private static String row(String target, String siteName) {
        return """
                {"target": "%s", "parameters": {"SiteName": "%s"}}""".formatted(target, siteName);
    }

    private static List<String> rows(String prefix, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> row("sandbox-eu-west-1", prefix + "-" + i))
                .toList();
    }

    @Test
    void badRowsAreRefusedTogetherNamingEachAndNothingIsStored() {
        var before = counts();
        var requester = ApiClient.as("requester", port);

        var refused = requester.postJson(
                "/api/v1/request-batches",
                batch(
                        "Tenants",
                        List.of(
                                row("sandbox-eu-west-1", "tenant-ok"),
                                row("nowhere", "tenant-two"),
                                row("sandbox-eu-west-1", "Not A Site!"),
                                row("org-management", "tenant-four"),
                                row("sandbox-eu-west-1", "tenant-five"))),
                "bad-rows");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().path("detail").asString()).isEqualTo("3 of 5 rows are invalid; nothing was stored");
        var errors = refused.body().path("errors");
        assertThat(errors.path("rows[1].target").asString()).contains("nowhere");
        assertThat(errors.path("rows[2].parameters.SiteName").asString())
                .contains("must be 3 to 41 lower-case letters");
        assertThat(errors.path("rows[3].target").asString()).contains("does not take blueprint static-website");
        assertThat(errors.properties()).hasSize(3);
        var problems = new ArrayList<String>();
        refused.body()
                .path("rows")
                .forEach(problem -> problems.add(problem.path("index").asInt() + " "
                        + problem.path("field").asString()));
        assertThat(problems).containsExactly("1 target", "2 parameters.SiteName", "3 target");
        assertThat(counts()).as(String.join(", ", TABLES)).isEqualTo(before);
    }

    @Test
    void oneApprovalDecidesEveryRowAndARetryWithTheSameKeyStoresNothingMore() {
        var requester = ApiClient.as("requester", port);
        var body = batch("Tenants of the first wave", rows("wave", 5));
        var approvals = jdbc.queryForObject("select count(*) from approval", Integer.class);

        var created = requester.postJson("/api/v1/request-batches", body, "wave-1");
        var replayed = requester.postJson("/api/v1/request-batches", body, "wave-1");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        var id = created.body().path("id").asString();
        assertThat(created.location()).isEqualTo("/api/v1/request-batches/" + id);
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.body().path("id").asString()).isEqualTo(id);
        assertThat(jdbc.queryForObject(
                        "select count(*) from request_batch_row where batch_id = ?::uuid", Integer.class, id))
                .isEqualTo(5);
        assertThat(created.body().path("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(created.body().path("rollout").path("maxInFlight").asInt()).isEqualTo(2);
        assertThat(created.body().path("rowsByState").path("PENDING_APPROVAL").asInt())
                .isEqualTo(5);
        // One approval for the batch: row 0's.
        assertThat(jdbc.queryForObject("select count(*) from approval", Integer.class))
                .isEqualTo(approvals + 1);
        var lead = created.body().path("rows").get(0).path("requestId").asString();
        var follower = created.body().path("rows").get(3).path("requestId").asString();
        // Approvers are invited once, for the batch: every one-time link its rows have is row 0's.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        """
                                select l.request_id::text from approval_link l
                                join request_batch_row r on r.request_id = l.request_id where r.batch_id = ?::uuid""",
                        String.class,
                        id))
                .isNotEmpty()
                .containsOnly(lead));
        assertThat(ApiClient.as("approver", port)
                        .get("/api/v1/requests/" + follower)
                        .status())
                .as("an approver of the batch sees its rows")
                .isEqualTo(200);

        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + lead + "/decisions", "{\"decision\": \"APPROVE\"}");

        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var batch = requester.get("/api/v1/request-batches/" + id).body();
            assertThat(batch.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(batch.path("rowsByState").path("DRY_RUN").asInt()).isEqualTo(5);
        });
        assertThat(ApiClient.as("lead", port)
                        .get("/api/v1/request-batches/" + id)
                        .status())
                .as("a requester of the same team sees it")
                .isEqualTo(200);
        assertThat(ApiClient.as("admin", port)
                        .get("/api/v1/request-batches/" + id)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void oneRejectionRejectsEveryRowAndWithdrawingARowWhileItWaitsWithdrawsTheBatch() {
        var requester = ApiClient.as("requester", port);
        var rejected = requester.postJson("/api/v1/request-batches", batch("Rejected wave", rows("rejected", 3)));
        var lead = rejected.body().path("rows").get(0).path("requestId").asString();

        ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + lead + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"Not this quarter\"}");

        var afterRejection = requester
                .get("/api/v1/request-batches/" + rejected.body().path("id").asString())
                .body();
        assertThat(afterRejection.path("rowsByState").path("REJECTED").asInt()).isEqualTo(3);
        assertThat(afterRejection.path("status").asString()).isEqualTo("COMPLETED");

        var withdrawn = requester.postJson("/api/v1/request-batches", batch("Withdrawn wave", rows("withdrawn", 3)));
        var row = withdrawn.body().path("rows").get(2).path("requestId").asString();
        assertThat(requester.postJson("/api/v1/requests/" + row + "/cancel", "").status())
                .isEqualTo(200);
        var afterCancel = requester
                .get("/api/v1/request-batches/" + withdrawn.body().path("id").asString())
                .body();
        assertThat(afterCancel.path("rowsByState").path("CANCELLED").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "select status from approval where request_id = ?::uuid",
                        String.class,
                        withdrawn.body().path("rows").get(0).path("requestId").asString()))
                .isNotEqualTo("PENDING");
    }
}
