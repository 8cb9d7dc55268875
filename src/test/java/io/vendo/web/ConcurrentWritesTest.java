package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Writers racing for the same thing: the loser gets a 409 problem, never a 500, and nothing is stored half — the same
 * approver deciding twice at once, new versions of one blueprint at once, the same blueprint or target slug created
 * at once. Several rounds of parallel calls released together, so that the race is actually run.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class ConcurrentWritesTest {

    private static final int WRITERS = 6;
    private static final int ROUNDS = 4;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** Runs the calls together, released at once by a barrier, and returns their answers. */
    private static List<ApiClient.Response> atOnce(IntFunction<ApiClient.Response> call) {
        var barrier = new CyclicBarrier(WRITERS);
        try (var pool = Executors.newFixedThreadPool(WRITERS)) {
            var futures = new ArrayList<CompletableFuture<ApiClient.Response>>();
            for (var writer = 0; writer < WRITERS; writer++) {
                var index = writer;
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                barrier.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return call.apply(index);
                        },
                        pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    private static void assertConflictsOnly(List<ApiClient.Response> responses, int... successes) {
        for (var response : responses) {
            assertThat(response.status()).as(response.toString()).isIn(box(successes, 409));
            if (response.status() == 409) {
                assertThat(response.contentType()).isEqualTo("application/problem+json");
                assertThat(response.body().path("status").asInt()).isEqualTo(409);
            }
        }
    }

    private static Integer[] box(int[] successes, int conflict) {
        var all = new Integer[successes.length + 1];
        for (var i = 0; i < successes.length; i++) {
            all[i] = successes[i];
        }
        all[successes.length] = conflict;
        return all;
    }

    private static String template(int variant) {
        return "Parameters:\\n  SiteName:\\n    Type: String\\n    MaxLength: " + (10 + variant)
                + "\\nResources:\\n  Topic:\\n    Type: AWS::SNS::Topic\\n";
    }

    @Test
    void theSameApproverDecidingTwiceAtOnceGetsOneDecisionAndConflicts() {
        for (var round = 0; round < ROUNDS; round++) {
            var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "race-site-" + round, "Race");

            var responses = atOnce(writer -> ApiClient.as("approver", port)
                    .postJson(
                            "/api/v1/requests/" + id + "/decisions",
                            "{\"decision\": \"APPROVE\", \"comment\": \"writer " + writer + "\"}"));

            assertConflictsOnly(responses, 200);
            assertThat(responses)
                    .filteredOn(response -> response.status() == 200)
                    .hasSize(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from approval_decision where request_id = ?::uuid", Integer.class, id))
                    .isEqualTo(1);
        }
    }

    @Test
    void newVersionsOfOneBlueprintAtOnceAreNumberedWithoutGapsOrConflict() {
        for (var round = 0; round < ROUNDS; round++) {
            var slug = "race-versions-" + round;
            var created = ApiClient.as("admin", port)
                    .postJson(
                            "/api/v1/blueprints",
                            "{\"slug\": \"%s\", \"kind\": \"STACK\", \"name\": \"Race\", \"description\": \"d\","
                                            .formatted(slug)
                                    + " \"owner\": \"o\", \"template\": \"" + template(0) + "\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            var first = round * WRITERS + 1;
            var responses = atOnce(writer -> ApiClient.as("admin", port)
                    .postJson(
                            "/api/v1/blueprints/" + slug + "/versions",
                            "{\"template\": \"" + template(first + writer) + "\"}"));

            assertConflictsOnly(responses, 201);
            var added = responses.stream().filter(r -> r.status() == 201).count();
            assertThat(added).isPositive();
            assertThat(jdbc.queryForList(
                            "select v.number from blueprint_version v join blueprint b on b.id = v.blueprint_id"
                                    + " where b.slug = ? order by v.number",
                            Integer.class,
                            slug))
                    .hasSize((int) added + 1)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, (int) added + 1)
                            .boxed()
                            .toList());
        }
    }

    @Test
    void theSameBlueprintSlugCreatedAtOnceIsStoredOnce() {
        for (var round = 0; round < ROUNDS; round++) {
            var slug = "race-blueprint-" + round;

            var responses = atOnce(writer -> ApiClient.as("admin", port)
                    .postJson(
                            "/api/v1/blueprints",
                            "{\"slug\": \"%s\", \"kind\": \"STACK\", \"name\": \"Writer %d\", \"description\": \"d\","
                                            .formatted(slug, writer)
                                    + " \"owner\": \"o\", \"template\": \"" + template(writer) + "\"}"));

            assertConflictsOnly(responses, 201);
            assertThat(responses)
                    .filteredOn(response -> response.status() == 201)
                    .hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from blueprint where slug = ?", Integer.class, slug))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from blueprint_version v join blueprint b on b.id = v.blueprint_id"
                                    + " where b.slug = ?",
                            Integer.class,
                            slug))
                    .isEqualTo(1);
        }
    }

    @Test
    void theSameTargetSlugCreatedAtOnceIsStoredOnce() {
        for (var round = 0; round < ROUNDS; round++) {
            var slug = "race-target-" + round;

            var responses = atOnce(writer -> ApiClient.as("admin", port)
                    .postJson(
                            "/api/v1/targets",
                            """
                            {"slug": "%s", "name": "Writer %d", "accountId": "111122223333",
                             "region": "eu-west-1", "environment": "DEV"}
                            """
                                    .formatted(slug, writer)));

            assertConflictsOnly(responses, 201);
            assertThat(responses)
                    .filteredOn(response -> response.status() == 201)
                    .hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, slug))
                    .isEqualTo(1);
        }
    }
}
