package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Fleets executed against the CloudFormation simulator through the real SDK: a batch's rows run in parallel under the
 * admission limits per account and per region (measured at the simulator, from each stack's start until the portal saw
 * it complete; the region is the one each call was signed for),
 * and a rollout pauses after its failures, the rows not started waiting, until its requester resumes it.
 */
@VendoIntegrationTest
@TestPropertySource(
        properties = {
            "vendo.execution.admission.cloud-formation-per-account=20",
            "vendo.execution.admission.per-region=12",
            "vendo.execution.admission.recheck-interval=2s",
        })
class FleetRolloutFlowTest {

    private static final String ACCOUNT_A = "121212121212";
    private static final String ACCOUNT_B = "343434343434";
    private static final String EU = "eu-west-1";
    private static final String US = "us-east-1";

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    CloudFormationSimulator aws;
    ApiClient requester;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        requester = ApiClient.as("requester", port);
        for (var account : List.of(ACCOUNT_A, ACCOUNT_B)) {
            for (var region : List.of(EU, US)) {
                catalog.register(new NewTarget(
                        "fleet-" + account + (region.equals(EU) ? "" : "-us"),
                        "Fleet " + account + " " + region,
                        account,
                        region,
                        EnvironmentTier.DEV,
                        "arn:aws:iam::" + account + ":role/VendoExecution",
                        null));
            }
        }
    }

    /** @param targets the rows' targets in turn: an account (in eu-west-1), or an account with {@code -us} */
    private JsonNode submit(String prefix, int rows, int maxInFlight, int pauseAfterFailures, String... targets) {
        var body = IntStream.range(0, rows)
                .mapToObj(
                        i -> """
                        {"target": "fleet-%s", "parameters": {"SiteName": "%s-%d"}}"""
                                .formatted(targets[i % targets.length], prefix, i))
                .collect(Collectors.joining(","));
        var created = requester.postJson(
                "/api/v1/request-batches",
                """
                {"blueprint": "static-website", "justification": "One silo per tenant",
                 "rollout": {"maxInFlight": %d, "pauseAfterFailures": %d}, "rows": [%s]}"""
                        .formatted(maxInFlight, pauseAfterFailures, body));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private void approve(JsonNode batch) {
        var lead = batch.path("rows").get(0).path("requestId").asString();
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + lead + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
    }

    private JsonNode batch(JsonNode created) {
        return requester
                .get("/api/v1/request-batches/" + created.path("id").asString())
                .body();
    }

    private static List<String> requestIds(JsonNode batch) {
        var ids = new ArrayList<String>();
        batch.path("rows").forEach(row -> ids.add(row.path("requestId").asString()));
        return ids;
    }

    @Test
    void aFleetOf200RowsRunsInParallelNeverAboveTheLimitsPerAccountAndPerRegionAndEveryRowSucceeds() {
        aws.stackDuration(Duration.ofMillis(300));
        var created = submit("tenant", 200, 50, 3, ACCOUNT_A, ACCOUNT_B, ACCOUNT_A + "-us", ACCOUNT_B + "-us");

        approve(created);

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var batch = batch(created);
                    assertThat(batch.path("rowsByState").path("SUCCEEDED").asInt())
                            .as(batch.path("rowsByState").toString())
                            .isEqualTo(200);
                    assertThat(batch.path("status").asString()).isEqualTo("COMPLETED");
                });
        // 100 rows per account and per region arrived at once: each account and each region ran several at a time,
        // never more than its limit (an account's rows in both regions could take 24 slots, a region's of both accounts
        // 40, the batch 50).
        assertThat(aws.maxInFlight(ACCOUNT_A)).isBetween(2, 20);
        assertThat(aws.maxInFlight(ACCOUNT_B)).isBetween(2, 20);
        assertThat(aws.maxInFlightInRegion(EU)).isBetween(2, 12);
        assertThat(aws.maxInFlightInRegion(US)).isBetween(2, 12);
        var ids = requestIds(batch(created));
        var createsPerStack = AwsStub.received("CreateChangeSet").stream()
                .map(request -> AwsStub.form(request).get("StackName"))
                .filter(name -> ids.stream().anyMatch(name::endsWith))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        assertThat(createsPerStack).hasSize(200).allSatisfy((stack, creates) -> assertThat(creates)
                .isOne());
    }

    @Test
    void theRolloutPausesAfterItsFailuresWithTheRowsNotStartedWaitingAndGoesOnWhenResumed() {
        var created = submit("paused", 6, 1, 2, ACCOUNT_A);
        var ids = requestIds(created);
        ids.forEach(aws::rollBack);

        approve(created);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(batch(created).path("status").asString()).isEqualTo("PAUSED"));
        var paused = batch(created);
        assertThat(paused.path("rowsByState").path("FAILED").asInt()).isEqualTo(2);
        assertThat(paused.path("rowsByState").path("APPROVED").asInt()).isEqualTo(4);
        var started = aws.stacks().keySet().stream()
                .filter(name -> ids.stream().anyMatch(name::endsWith))
                .count();
        assertThat(started).as("stacks of the batch sent to AWS").isEqualTo(2);
        // Its requester is told once, for the batch (the rows after the first send no mail of their own).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        new WebSession(port).logIn("admin").get("/local/outbox").body())
                .contains("Your fleet paused: 2 rows failed"));
        assertThat(ApiClient.as("lead", port)
                        .postJson(
                                "/api/v1/request-batches/" + created.path("id").asString() + "/resume", "")
                        .status())
                .as("only the requester resumes")
                .isEqualTo(403);

        aws.rollBackNothing();
        var resumed = requester.postJson(
                "/api/v1/request-batches/" + created.path("id").asString() + "/resume", "");

        assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
        assertThat(resumed.body().path("status").asString()).isEqualTo("ROLLING");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var batch = batch(created);
            assertThat(batch.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(batch.path("rowsByState").path("SUCCEEDED").asInt()).isEqualTo(4);
            assertThat(batch.path("rowsByState").path("FAILED").asInt()).isEqualTo(2);
        });
        assertThat(requester
                        .postJson(
                                "/api/v1/request-batches/" + created.path("id").asString() + "/resume", "")
                        .status())
                .as("a rollout that is not paused")
                .isEqualTo(409);
    }
}
