package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.vendo.support.ApprovedRequestSeeder;
import io.vendo.support.AwsStub;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.TestPostgres;
import io.vendo.support.WorkerProcess;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's guarantees with real worker processes: separate JVMs running the portal's scheduler against one
 * embedded PostgreSQL database and the CloudFormation simulator, killed with SIGKILL at points inside a step,
 * doubled, and served 30 % faults. WireMock's request journal is the truth for what AWS received.
 */
class WorkerFaultTest {

    private static final String ACCOUNT = "111122223333";
    private static final int MAX_ATTEMPTS = 6;
    /** The SDK's standard retry mode tries every call up to three times. */
    private static final int SDK_ATTEMPTS = 3;

    /** Fast polling, and a dead worker declared dead after 4 s instead of minutes. */
    private static final Map<String, String> FAST = Map.of(
            "vendo.scheduler.polling-interval", "100ms",
            "vendo.scheduler.heartbeat-interval", "1s",
            "vendo.scheduler.missed-heartbeats", "4",
            "vendo.execution.first-poll-delay", "300ms",
            "vendo.execution.max-poll-delay", "600ms",
            "vendo.execution.retry-delay", "100ms",
            "vendo.execution.max-attempts", String.valueOf(MAX_ATTEMPTS),
            "vendo.execution.admission.recheck-interval", "1s");

    private final List<WorkerProcess> workers = new ArrayList<>();
    private HikariDataSource database;
    private CloudFormationSimulator aws;
    private ApprovedRequestSeeder seeder;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        database = TestPostgres.newDatabase();
        seeder = new ApprovedRequestSeeder(database);
    }

    @AfterEach
    void tearDown() {
        workers.forEach(WorkerProcess::close);
        database.close();
    }

    @Test
    void workersKilledInsideCreateStackAndBeforeItsStateCommitLeaveOneStackPerRequest() throws Exception {
        aws.stackDuration(Duration.ofMillis(500));
        aws.hold("CreateStack", Duration.ofSeconds(5));
        var first = start("crash-1", Map.of());
        var target = seeder.target(ACCOUNT);

        // Killed while AWS holds the CreateStack response: the stack exists, the worker never learned its id.
        var inside = seeder.approved(3, target, "inside");
        await().atMost(Duration.ofSeconds(60)).until(() -> !aws.stacks().isEmpty());
        first.kill();
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select count(*) from stack_execution where stack_id is not null", Integer.class))
                .isZero();

        // Killed after CreateStack answered, while the worker waits to record the stack id (we hold the row).
        aws.hold("CreateStack", Duration.ofSeconds(3));
        var second = start("crash-2", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> inside.stream().allMatch(id -> stackOf(id) != null));
        var after = seeder.approved(1, target, "after").getFirst();
        try (var lock = database.getConnection()) {
            lock.setAutoCommit(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> stackOf(after) != null);
            lockExecutionRow(lock, after);
            await().atMost(Duration.ofSeconds(30)).until(() -> workerWaitsOnLock("stack_execution"));
            second.kill();
            lock.rollback();
        }
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select stack_id from stack_execution where request_id = ?", String.class, after))
                .isNull();

        start("crash-3", Map.of());
        var all = new ArrayList<>(inside);
        all.add(after);
        awaitAll(all, "SUCCEEDED", Duration.ofSeconds(120));

        assertOneStackAndOneTokenPerRequest(all);
        // The restarted worker looked the stacks up instead of creating them again.
        assertThat(creates()).hasSize(all.size());
    }

    @Test
    void twoWorkersOnOneDatabaseCreateEachOfTwoHundredStacksOnceWithinTheLimit() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        var limits = Map.of("vendo.execution.admission.cloud-formation-per-account", "10");
        var a = CompletableFuture.supplyAsync(() -> start("twin-a", limits));
        var b = CompletableFuture.supplyAsync(() -> start("twin-b", limits));
        a.get();
        b.get();
        var target = seeder.target(ACCOUNT);

        var ids = seeder.approved(200, target, "twin");
        awaitAll(ids, "SUCCEEDED", Duration.ofSeconds(180));

        assertOneStackAndOneTokenPerRequest(ids);
        assertThat(creates()).hasSize(200);
        assertThat(aws.maxInFlight(ACCOUNT)).isLessThanOrEqualTo(10);
    }

    @Test
    void thirtyPercentThrottlingServerErrorsAndResetsStillCompleteEveryRequestWithBoundedAttempts() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        start("faults", Map.of());
        var target = seeder.target(ACCOUNT);
        aws.faults(0.3, 7);

        var ids = seeder.approved(40, target, "faulty");
        awaitAll(ids, "SUCCEEDED", Duration.ofSeconds(180));

        assertOneStackAndOneTokenPerRequest(ids);
        var perRequest =
                creates().stream().collect(Collectors.groupingBy(form -> form.get("StackName"), Collectors.counting()));
        assertThat(perRequest).hasSize(40);
        // Every CreateStack of a request: at most the SDK's attempts for each of the executor's attempts.
        assertThat(perRequest.values())
                .allSatisfy(attempts -> assertThat(attempts).isLessThanOrEqualTo((long) SDK_ATTEMPTS * MAX_ATTEMPTS));
        assertThat(perRequest.values().stream().mapToLong(Long::longValue).sum())
                .as("faults were injected into CreateStack too")
                .isGreaterThan(40);
    }

    private WorkerProcess start(String name, Map<String, String> extra) {
        var properties = new HashMap<>(FAST);
        properties.putAll(extra);
        var worker = WorkerProcess.start(name, database.getJdbcUrl(), properties);
        synchronized (workers) {
            workers.add(worker);
        }
        return worker;
    }

    private CloudFormationSimulator.Stack stackOf(UUID requestId) {
        return aws.stackList().stream()
                .filter(stack -> stack.name.endsWith(requestId.toString()))
                .findFirst()
                .orElse(null);
    }

    private static void lockExecutionRow(Connection connection, UUID requestId) throws Exception {
        try (var statement =
                connection.prepareStatement("select 1 from stack_execution where request_id = ? for update")) {
            statement.setObject(1, requestId);
            statement.executeQuery().close();
        }
    }

    private boolean workerWaitsOnLock(String table) {
        return seeder.jdbc()
                        .queryForObject(
                                """
                                select count(*) from pg_stat_activity
                                where wait_event_type = 'Lock' and query ilike 'update ' || ? || '%'""",
                                Integer.class, table)
                > 0;
    }

    private void awaitAll(List<UUID> ids, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(seeder.states(ids))
                .as(() -> "worker log:\n" + workers.getLast().tail())
                .containsExactly(Map.entry(state, (long) ids.size())));
    }

    private static List<Map<String, String>> creates() {
        return AwsStub.received("CreateStack").stream().map(AwsStub::form).toList();
    }

    /** Every request has one stack, and every CreateStack for it carried the request's own token. */
    private void assertOneStackAndOneTokenPerRequest(List<UUID> ids) {
        for (var id : ids) {
            var stacks = aws.stackList().stream()
                    .filter(stack -> stack.name.endsWith(id.toString()))
                    .toList();
            assertThat(stacks).as("stacks of request %s", id).hasSize(1);
            var tokens = creates().stream()
                    .filter(form -> form.get("StackName").endsWith(id.toString()))
                    .map(form -> form.get("ClientRequestToken"))
                    .distinct()
                    .toList();
            assertThat(tokens).as("CreateStack tokens of request %s", id).containsExactly("vendo-" + id + "-create");
        }
        assertThat(AwsStub.server().getAllServeEvents())
                .as("no stack was refused as a duplicate")
                .noneMatch(event -> event.getResponse().getBodyAsString().contains("AlreadyExistsException"));
    }
}
