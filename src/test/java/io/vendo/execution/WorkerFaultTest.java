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

    /**
     * The bound on repeated mutating calls follows from the retry policy. The SDK never retries a mutating call; the
     * executor repeats a step after a 5xx or a connection failure until {@value #MAX_ATTEMPTS} of them failed in a row
     * (then the request fails), and waits out throttling without counting it. A call that took effect ends the
     * repeats: the next step looks the change set up (DescribeChangeSet) and sends nothing. So, per stack and
     * mutating action, the calls AWS did not throttle are at most {@value #MAX_ATTEMPTS} (at most five counted failures,
     * then the one that took effect); throttled calls are bounded only by the kind's timeout.
     *
     * <p>The mix keeps a failed request improbable: of the 30 % faults two thirds are throttling, so a step that gets an
     * answer other than throttling fails with q = 0.1 / 0.8 = 0.125 (plus about 0.01 when its DescribeChangeSet lookup
     * fails all three of the SDK's attempts); six in a row, q⁶ ≈ 5.5·10⁻⁶ per mutating phase, 80 phases per run: about
     * one run in 2,300. With a quarter throttling, as before, q = 0.225 / 0.925 ≈ 0.24 and one run in 50 failed.
     */
    @Test
    void thirtyPercentThrottlingServerErrorsAndResetsStillCompleteEveryRequestWithBoundedAttempts() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        start("faults", Map.of());
        var target = seeder.target(ACCOUNT);
        aws.faults(0.3, 2.0 / 3, 7);

        var ids = seeder.approved(40, target, "faulty");
        awaitAll(ids, "SUCCEEDED", Duration.ofSeconds(180));

        assertOneStackAndOneTokenPerRequest(ids);
        for (var action : List.of("CreateChangeSet", "ExecuteChangeSet")) {
            var answered = attemptsPerStack(action, false);
            assertThat(answered).as(action).hasSize(40);
            assertThat(answered.values()).as(action).allSatisfy(attempts -> assertThat(attempts)
                    .isBetween(1L, (long) MAX_ATTEMPTS));
        }
        assertThat(attemptsPerStack("CreateChangeSet", true).values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        + attemptsPerStack("ExecuteChangeSet", true).values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .as("throttled mutating calls, waited out")
                .isPositive();
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

    /**
     * Calls of the action per stack (named after its request), from WireMock's journal: those AWS throttled, or those it
     * answered otherwise (or that failed on the connection).
     */
    private static Map<String, Long> attemptsPerStack(String action, boolean throttled) {
        return AwsStub.server().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains("Action=" + action + "&"))
                .filter(event -> event.getResponse().getBodyAsString().contains("<Code>Throttling</Code>") == throttled)
                .map(event -> AwsStub.form(event.getRequest()).get("StackName"))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
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
