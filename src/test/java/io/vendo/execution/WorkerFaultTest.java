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

    /**
     * Under 30 % faults a call fails six times in a row often enough (0.3⁶ per call, 80 calls and more per run) that
     * six attempts made the test fail about one run in twenty; twelve keep the bound while making that negligible.
     */
    private static final int FAULTY_MAX_ATTEMPTS = 12;

    /** Fast polling, and a dead worker declared dead after 4 s instead of minutes. */
    private static final Map<String, String> FAST = Map.of(
            "vendo.scheduler.polling-interval", "100ms",
            "vendo.scheduler.heartbeat-interval", "1s",
            "vendo.scheduler.missed-heartbeats", "4",
            "vendo.execution.first-poll-delay", "300ms",
            "vendo.execution.change-set-poll-delay", "100ms",
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
    void workersKilledInsideCreateChangeSetAndBeforeItsStateCommitLeaveOneStackPerRequest() throws Exception {
        aws.stackDuration(Duration.ofMillis(500));
        aws.hold("CreateChangeSet", Duration.ofSeconds(5));
        var first = start("crash-1", Map.of());
        var target = seeder.target(ACCOUNT);

        // Killed while AWS holds the CreateChangeSet response: the change set exists, the worker never learned its id.
        var inside = seeder.approved(3, target, "inside");
        await().atMost(Duration.ofSeconds(60)).until(() -> !aws.stacks().isEmpty());
        first.kill();
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select count(*) from execution where aws_ids ->> 'ChangeSetId' is not null",
                                Integer.class))
                .isZero();

        // Killed after CreateChangeSet answered, while the worker waits to record its id (we hold the row).
        aws.hold("CreateChangeSet", Duration.ofSeconds(3));
        var second = start("crash-2", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> inside.stream().allMatch(id -> stackOf(id) != null));
        var after = seeder.approved(1, target, "after").getFirst();
        try (var lock = database.getConnection()) {
            lock.setAutoCommit(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> stackOf(after) != null);
            lockExecutionRow(lock, after);
            await().atMost(Duration.ofSeconds(30)).until(this::workerWaitsOnExecutionRow);
            second.kill();
            lock.rollback();
        }
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select aws_ids ->> 'ChangeSetId' from execution where request_id = ?",
                                String.class,
                                after))
                .isNull();

        start("crash-3", Map.of());
        var all = new ArrayList<>(inside);
        all.add(after);
        awaitAll(all, "SUCCEEDED", Duration.ofSeconds(120));

        assertOneStackAndOneTokenPerRequest(all);
        // The restarted workers looked the change sets up instead of creating them again.
        assertThat(calls("CreateChangeSet")).hasSize(all.size());
        assertThat(calls("ExecuteChangeSet")).hasSize(all.size());
    }

    @Test
    void twoWorkersOnOneDatabaseDeployEachOfTwoHundredStacksOnceWithinTheLimit() throws Exception {
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
        assertThat(calls("CreateChangeSet")).hasSize(200);
        assertThat(calls("ExecuteChangeSet")).hasSize(200);
        assertThat(aws.maxInFlight(ACCOUNT)).isLessThanOrEqualTo(10);
    }

    @Test
    void thirtyPercentThrottlingServerErrorsAndResetsStillCompleteEveryRequestWithBoundedAttempts() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        start("faults", Map.of("vendo.execution.max-attempts", String.valueOf(FAULTY_MAX_ATTEMPTS)));
        var target = seeder.target(ACCOUNT);
        aws.faults(0.3, 7);

        var ids = seeder.approved(40, target, "faulty");
        awaitAll(ids, "SUCCEEDED", Duration.ofSeconds(180));

        assertOneStackAndOneTokenPerRequest(ids);
        // Mutating calls are not retried by the SDK: the executor sends each at most max-attempts times, and looks up
        // what AWS has before every repeat. Status calls get the SDK's attempts within each of the executor's.
        for (var action : List.of("CreateChangeSet", "ExecuteChangeSet")) {
            var perRequest = attemptsPerStack(action);
            assertThat(perRequest).as(action).hasSize(40);
            assertThat(perRequest.values()).as(action).allSatisfy(attempts -> assertThat(attempts)
                    .isBetween(1L, (long) FAULTY_MAX_ATTEMPTS));
        }
        assertThat(calls("CreateChangeSet").size() + calls("ExecuteChangeSet").size())
                .as("faults hit the mutating calls too")
                .isGreaterThan(80);
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
        try (var statement = connection.prepareStatement("select 1 from execution where request_id = ? for update")) {
            statement.setObject(1, requestId);
            statement.executeQuery().close();
        }
    }

    private boolean workerWaitsOnExecutionRow() {
        return seeder.jdbc()
                        .queryForObject(
                                """
                                select count(*) from pg_stat_activity
                                where wait_event_type = 'Lock' and query ilike 'update execution set%'""",
                                Integer.class)
                > 0;
    }

    private void awaitAll(List<UUID> ids, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(seeder.states(ids))
                .as(() -> "worker log:\n" + workers.getLast().tail())
                .containsExactly(Map.entry(state, (long) ids.size())));
    }

    private static List<Map<String, String>> calls(String action) {
        return AwsStub.received(action).stream().map(AwsStub::form).toList();
    }

    /** Calls of the action per stack (named after its request), from WireMock's journal. */
    private static Map<String, Long> attemptsPerStack(String action) {
        return calls(action).stream()
                .collect(Collectors.groupingBy(form -> form.get("StackName"), Collectors.counting()));
    }

    /**
     * Every request has one stack, and each of its mutating calls carried the request's own token for that call, so
     * a repeat could never create or execute anything twice.
     */
    private void assertOneStackAndOneTokenPerRequest(List<UUID> ids) {
        for (var id : ids) {
            var stacks = aws.stackList().stream()
                    .filter(stack -> stack.name.endsWith(id.toString()))
                    .toList();
            assertThat(stacks).as("stacks of request %s", id).hasSize(1);
            assertThat(tokens("CreateChangeSet", "ClientToken", stacks.getFirst()))
                    .as("CreateChangeSet tokens of request %s", id)
                    .containsExactly("vendo-" + id + "-create-change-set");
            assertThat(tokens("ExecuteChangeSet", "ClientRequestToken", stacks.getFirst()))
                    .as("ExecuteChangeSet tokens of request %s", id)
                    .containsExactly("vendo-" + id + "-execute-change-set");
        }
        assertThat(AwsStub.server().getAllServeEvents())
                .as("no stack or change set was refused as a duplicate")
                .noneMatch(event -> event.getResponse().getBodyAsString().contains("AlreadyExistsException")
                        || event.getResponse().getBodyAsString().contains("InvalidChangeSetStatus"));
    }

    private static List<String> tokens(String action, String field, CloudFormationSimulator.Stack stack) {
        return calls(action).stream()
                .filter(form -> stack.name.equals(form.get("StackName")))
                .map(form -> form.get(field))
                .distinct()
                .toList();
    }
}
