package io.vendo.request.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.web.IdempotencyKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** {@code Idempotency-Key} on request submission: retries, races and misuse, over real HTTP and PostgreSQL. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class IdempotencyKeyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    DataSource dataSource;

    private static String body(String siteName) {
        return """
                {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                 "parameters": {"SiteName": "%s"}, "justification": "Pipeline run"}
                """
                .formatted(siteName);
    }

    private int requestsFor(String siteName) {
        return jdbc.queryForObject(
                "select count(*) from vending_request where parameters ->> 'SiteName' = ?", Integer.class, siteName);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndCreatesNothing() {
        var key = UUID.randomUUID().toString();
        var client = ApiClient.as("requester", port);

        var first = client.postJson("/api/v1/requests", body("retry-site"), key);
        var retry = client.postJson("/api/v1/requests", body("retry-site"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body().path("id").asString())
                .isEqualTo(first.body().path("id").asString());
        assertThat(requestsFor("retry-site")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        var key = UUID.randomUUID().toString();
        var client = ApiClient.as("requester", port);
        client.postJson("/api/v1/requests", body("first-body-site"), key);

        var other = client.postJson("/api/v1/requests", body("second-body-site"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(requestsFor("second-body-site")).isZero();
    }

    @Test
    void fiftyConcurrentIdenticalPostsCreateOneRequest() throws Exception {
        var key = UUID.randomUUID().toString();
        var client = ApiClient.as("requester", port);
        var calls = new ArrayList<Callable<ApiClient.Response>>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> client.postJson("/api/v1/requests", body("race-site"), key));
        }

        try (var pool = Executors.newFixedThreadPool(50)) {
            var responses = new ArrayList<ApiClient.Response>();
            for (var future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }

            // 201 for the first and for replays, 409 for those that arrive while the first is still running.
            assertThat(responses)
                    .extracting(ApiClient.Response::status)
                    .allMatch(status -> status == 201 || status == 409);
            var ids = responses.stream()
                    .filter(response -> response.status() == 201)
                    .map(response -> response.body().path("id").asString())
                    .distinct()
                    .toList();
            assertThat(ids).hasSize(1);
        }
        assertThat(requestsFor("race-site")).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstCallIsStillProcessedIsAConflictThenAReplay() throws Exception {
        var key = UUID.randomUUID().toString();
        var client = ApiClient.as("requester", port);
        try (var pool = Executors.newSingleThreadExecutor()) {
            Future<ApiClient.Response> first;
            // Hold the first call in flight: its transaction waits for the approval policies this one has locked.
            try (var blocker = dataSource.getConnection()) {
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("lock table approval_policy in access exclusive mode");
                first = pool.submit(() -> client.postJson("/api/v1/requests", body("in-flight-site"), key));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> jdbc.queryForObject(
                                        "select count(*) from idempotency_key where key = ?", Integer.class, key)
                                == 1);

                var whileInFlight = client.postJson("/api/v1/requests", body("in-flight-site"), key);

                assertThat(whileInFlight.status()).isEqualTo(409);
                assertThat(whileInFlight.contentType()).isEqualTo("application/problem+json");
                blocker.rollback();
            }
            var firstResponse = first.get(30, TimeUnit.SECONDS);
            var afterwards = client.postJson("/api/v1/requests", body("in-flight-site"), key);

            assertThat(firstResponse.status()).isEqualTo(201);
            assertThat(afterwards.status()).isEqualTo(201);
            assertThat(afterwards.replayed()).isTrue();
            assertThat(afterwards.body().path("id").asString())
                    .isEqualTo(firstResponse.body().path("id").asString());
        }
        assertThat(requestsFor("in-flight-site")).isEqualTo(1);
    }

    @Test
    void aRefusedSubmissionReleasesItsKeySoACorrectedRetryGoesThrough() {
        var key = UUID.randomUUID().toString();
        var client = ApiClient.as("requester", port);

        var refused = client.postJson("/api/v1/requests", body("Not Valid"), key);
        var corrected = client.postJson("/api/v1/requests", body("corrected-site"), key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.replayed()).isFalse();
    }

    @Test
    void keysBelongToTheirCaller() {
        var key = UUID.randomUUID().toString();

        var mine = ApiClient.as("requester", port).postJson("/api/v1/requests", body("shared-key-site"), key);
        var theirs = ApiClient.as("lead", port).postJson("/api/v1/requests", body("shared-key-site"), key);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.body().path("id").asString())
                .isNotEqualTo(mine.body().path("id").asString());
    }

    @Test
    void keysExpireAfterADay() {
        var key = UUID.randomUUID().toString();
        var client = ApiClient.as("requester", port);
        client.postJson("/api/v1/requests", body("expiring-key-site"), key);
        jdbc.update("update idempotency_key set expires_at = now() - interval '1 second' where key = ?", key);

        assertThat(keys.purgeExpired()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where key = ?", Integer.class, key))
                .isZero();
        var reused = client.postJson("/api/v1/requests", body("another-site-after-expiry"), key);
        assertThat(reused.status()).isEqualTo(201);
        assertThat(reused.replayed()).isFalse();
    }
}
