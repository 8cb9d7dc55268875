package io.vendo.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.vendo.support.ApprovedRequestSeeder;
import io.vendo.support.TestPostgres;
import io.vendo.support.WorkerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dry run only when no AWS configuration exists at all: the portal as a process of its own, with nothing but what
 * each test gives its environment. A profile that does not resolve is live and unreachable — readiness DOWN with the
 * reason, approved requests waiting — while a process with no AWS configuration runs dry and is ready.
 */
class AwsConfigurationProcessTest {

    private static final Map<String, String> FAST = Map.of(
            "vendo.scheduler.polling-interval", "100ms",
            "vendo.scheduler.heartbeat-interval", "1s",
            "vendo.execution.max-poll-delay", "300ms",
            "vendo.aws.reachability-check-interval", "300ms",
            "vendo.execution.admission.recheck-interval", "300ms");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<HikariDataSource> databases = new ArrayList<>();

    @AfterEach
    void tearDown() {
        workers.forEach(WorkerProcess::close);
        databases.forEach(HikariDataSource::close);
    }

    @Test
    void aProfileThatDoesNotResolveIsAnErrorAndNothingConfiguredIsADryRun() throws Exception {
        var config = Files.createTempFile("vendo-aws-config", "");
        Files.writeString(config, "[profile someone-else]\nregion = eu-west-1\n");
        var broken = TestPostgres.newDatabase();
        var unconfigured = TestPostgres.newDatabase();
        databases.addAll(List.of(broken, unconfigured));
        var brokenWorker = CompletableFuture.supplyAsync(() -> WorkerProcess.startWithAwsEnvironment(
                "aws-profile-missing",
                broken.getJdbcUrl(),
                FAST,
                Map.of("AWS_PROFILE", "vendo-missing", "AWS_CONFIG_FILE", config.toString())));
        var dryWorker = CompletableFuture.supplyAsync(
                () -> WorkerProcess.startWithAwsEnvironment("aws-nothing", unconfigured.getJdbcUrl(), FAST, Map.of()));
        var misconfigured = brokenWorker.get();
        var dry = dryWorker.get();
        workers.addAll(List.of(misconfigured, dry));

        // Configured but failing: live, readiness DOWN with the SDK's reason, the request waits.
        assertThat(misconfigured.output())
                .contains("AWS is configured (the profile vendo-missing, the profile file " + config + ")");
        var readiness = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> get(misconfigured.port(), "/actuator/health/readiness"),
                        response -> response.statusCode() == 503);
        var aws = JsonMapper.builder()
                .build()
                .readTree(readiness.body())
                .path("components")
                .path("aws");
        assertThat(aws.path("status").asString()).isEqualTo("DOWN");
        assertThat(aws.path("details").path("mode").asString()).isEqualTo("live");
        assertThat(aws.path("details").path("reason").asString())
                .startsWith("AWS is configured (the profile vendo-missing")
                .endsWith("but cannot be reached: its credentials do not resolve: ProfileCredentialsProvider: Profile"
                        + " file contained no credentials for profile 'vendo-missing'");
        var seeder = new ApprovedRequestSeeder(broken);
        var waiting = seeder.approved(1, seeder.target("111122223333"), "waits").getFirst();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> seeder.jdbc()
                                .queryForObject(
                                        "select count(*) from audit_event where subject_id = ? and action = ?",
                                        Integer.class,
                                        waiting.toString(),
                                        "execution.waiting"),
                        count -> count == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> seeder.states(List.of(waiting)), Map.of("APPROVED", 1L)::equals);

        // Nothing configured: a dry run, ready, and the request shows the calls instead of failing.
        assertThat(dry.output()).contains("Dry run, no AWS configuration exists");
        var ready = get(dry.port(), "/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        var dryAws = JsonMapper.builder()
                .build()
                .readTree(ready.body())
                .path("components")
                .path("aws");
        assertThat(dryAws.path("status").asString()).isEqualTo("UP");
        assertThat(dryAws.path("details").path("mode").asString()).isEqualTo("dry-run");
        var drySeeder = new ApprovedRequestSeeder(unconfigured);
        var planned =
                drySeeder.approved(1, drySeeder.target("111122223333"), "dry").getFirst();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> drySeeder.states(List.of(planned)), Map.of("DRY_RUN", 1L)::equals);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
