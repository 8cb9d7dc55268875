package io.vendo.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

    /**
     * A worker frozen (SIGSTOP) inside its mutating calls, past its lease, while another worker declares it dead and
     * finishes its requests — a stack and StackSet instances — then thawed (SIGCONT): every late write it tries is
     * refused by the version fence (the execution and the request stay as the other worker left them), and it sends
     * AWS nothing more. The lease here: heartbeats every second, dead after four missed.
     */
    @Test
    void aWorkerFrozenPastItsLeaseIsFencedOffWhenItWakesAndRepeatsNoAwsCall() throws Exception {
        aws.stackDuration(Duration.ofMillis(500));
        aws.hold("CreateChangeSet", Duration.ofSeconds(3));
        aws.hold("CreateStackInstances", Duration.ofSeconds(3));
        var frozen = start("frozen", Map.of());
        var target = seeder.target(ACCOUNT);
        var stack = seeder.approved(1, target, "frozen").getFirst();
        var stackSet = seeder.approved(1, target, "frozen-set", "security-baseline", "{}")
                .getFirst();

        // Both calls reached AWS (it acts on them at once, and holds the answers): freeze the worker inside them.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stackOf(stack) != null
                        && !aws.stackSetOperations()
                                .getOrDefault("vendo-security-baseline", Map.of())
                                .isEmpty());
        frozen.freeze();
        var rescuer = start("rescuer", Map.of());
        awaitAll(List.of(stack, stackSet), "SUCCEEDED", Duration.ofSeconds(120));
        var settled = rows(stack, stackSet);
        var callsBefore = mutatingCalls();

        frozen.thaw();

        // Awake, the frozen worker finishes the step it was in: its answer (or a timeout), then its writes, refused.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> frozen.output().contains("ObjectOptimisticLockingFailureException"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> rows(stack, stackSet)
                .equals(settled));
        assertThat(mutatingCalls()).as("AWS calls after the thaw").isEqualTo(callsBefore);
        assertThat(callsBefore)
                .containsEntry("CreateChangeSet", 1L)
                .containsEntry("ExecuteChangeSet", 1L)
                .containsEntry("CreateStackInstances", 1L);
        assertOneStackAndOneTokenPerRequest(List.of(stack));
        assertThat(aws.stackSetOperations().get("vendo-security-baseline"))
                .containsOnlyKeys("vendo-" + stackSet + "-create-stack-instances");
        assertThat(seeder.states(List.of(stack, stackSet))).containsExactly(Map.entry("SUCCEEDED", 2L));
        assertThat(rescuer.output()).doesNotContain("ObjectOptimisticLockingFailureException");
    }

    /** The execution and request rows of the requests, as text: what a late write would change. */
    /**
     * A worker killed while CloudFormation holds its DeleteStack answer: another worker sends DeleteStack again with
     * the same token (CloudFormation takes it as the same call), sees the stack deleted and ends the request; the
     * environment is DECOMMISSIONED and the stack was deleted once.
     */
    @Test
    void aWorkerKilledInsideDeleteStackLeavesTheStackDeletedOnceWithOneToken() throws Exception {
        var first = start("delete-1", Map.of());
        var target = seeder.target(ACCOUNT);
        var provision = seeder.approved(1, target, "doomed").getFirst();
        awaitAll(List.of(provision), "SUCCEEDED", Duration.ofSeconds(60));
        var stack = stackOf(provision);

        aws.hold("DeleteStack", Duration.ofSeconds(5));
        var decommission = seeder.decommissionApproved(provision);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.deleteStartedAt != 0);
        first.kill();
        assertThat(requestState(decommission)).isEqualTo("IN_PROGRESS");

        aws.hold("DeleteStack", Duration.ZERO);
        start("delete-2", Map.of());
        awaitAll(List.of(decommission), "SUCCEEDED", Duration.ofSeconds(60));
        awaitEnvironment(provision, "status", "DECOMMISSIONED");

        var deletes = calls("DeleteStack");
        assertThat(deletes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(deletes)
                .extracting(call -> call.get("ClientRequestToken"))
                .containsOnly("vendo-" + decommission + "-delete-stack");
        assertThat(deletes).extracting(call -> call.get("StackName")).containsOnly(stack.id);
        assertThat(calls("CreateChangeSet")).hasSize(1);
    }

    /**
     * A composite request whose worker is killed between two components: the network stack stands, and the database's
     * CreateChangeSet reached AWS (its answer held) when the worker dies. Another worker looks the change set up instead
     * of sending it again and carries the graph to its end: each component's stack was created once, with one token.
     */
    @Test
    void aWorkerKilledBetweenTwoComponentsLeavesEachComponentsStackCreatedOnce() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        aws.outputs("tier-app-network-", Map.of("VpcId", "vpc-0net", "PrivateSubnetIds", "subnet-0a,subnet-0b"));
        aws.outputs("tier-app-database-", Map.of("Endpoint", "tiers.db.internal"));
        aws.outputs("tier-app-app-", Map.of("ServiceArn", "arn:aws:ecs:eu-west-1:111122223333:service/app"));
        var first = start("graph-1", Map.of());
        var target = seeder.target(ACCOUNT);
        var id = threeTiers(target, "graph");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> componentStack("network") != null && componentStack("network").seenCompleteAt != 0);
        aws.hold("CreateChangeSet", Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> componentStack("database") != null);
        first.kill();
        aws.hold("CreateChangeSet", Duration.ZERO);
        assertThat(componentStack("app")).isNull();

        start("graph-2", Map.of());
        awaitAll(List.of(id), "SUCCEEDED", Duration.ofSeconds(120));

        for (var component : List.of("network", "database", "app")) {
            var stacks = aws.stackList().stream()
                    .filter(stack -> stack.name.startsWith("vendo-three-tier-app-" + component + "-"))
                    .toList();
            assertThat(stacks).as(component).hasSize(1);
            assertThat(tokens("CreateChangeSet", "ClientToken", stacks.getFirst()))
                    .as("CreateChangeSet tokens of " + component)
                    .hasSize(1);
            assertThat(tokens("ExecuteChangeSet", "ClientRequestToken", stacks.getFirst()))
                    .as("ExecuteChangeSet tokens of " + component)
                    .hasSize(1);
        }
        assertThat(calls("CreateChangeSet"))
                .as("the restarted worker looked the database's change set up")
                .hasSize(3);
        assertThat(calls("ExecuteChangeSet")).hasSize(3);
        assertThat(componentStack("app").parameters)
                .containsEntry("Stage", "dev")
                .containsEntry("DbEndpoint", "tiers.db.internal");
        assertThat(componentStack("database").parameters).containsEntry("VpcId", "vpc-0net");
        assertThat(AwsStub.server().getAllServeEvents())
                .noneMatch(event -> event.getResponse().getBodyAsString().contains("AlreadyExistsException")
                        || event.getResponse().getBodyAsString().contains("InvalidChangeSetStatus"));
    }

    /**
     * A failed composite abandoned through a worker's API, whose worker is killed while DeleteStack of the first stack
     * (the app's rolled-back one) has reached AWS and its answer is held. The next worker sends it again with the same
     * token and deletes the database's and the network's after it, in reverse order: every stack deleted once, one
     * token each, and the request ABANDONED.
     */
    @Test
    void aWorkerKilledWhileAbandoningACompositeLeavesEachStackDeletedOnceInReverseOrder() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        aws.outputs("tier-app-network-", Map.of("VpcId", "vpc-0net", "PrivateSubnetIds", "subnet-0a,subnet-0b"));
        aws.outputs("tier-app-database-", Map.of("Endpoint", "tiers.db.internal"));
        aws.rollBack("tier-app-app-");
        var first = start("abandon-1", Map.of());
        var target = seeder.target(ACCOUNT);
        var id = threeTiers(target, "abandon");
        awaitAll(List.of(id), "FAILED", Duration.ofSeconds(120));
        var app = componentStack("app");

        aws.hold("DeleteStack", Duration.ofSeconds(5));
        var abandoned = io.vendo.support.ApiClient.as("requester", first.port())
                .postJson("/api/v1/requests/" + id + "/abandon", "{}");
        assertThat(abandoned.status()).as(abandoned.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> app.deleteStartedAt != 0);
        first.kill();
        assertThat(requestState(id)).isEqualTo("ABANDONING");
        assertThat(componentStack("database").deleteStartedAt).isZero();

        aws.hold("DeleteStack", Duration.ZERO);
        start("abandon-2", Map.of());
        awaitAll(List.of(id), "ABANDONED", Duration.ofSeconds(120));

        var network = componentStack("network");
        var database = componentStack("database");
        assertThat(app.deleteStartedAt + 300).isLessThanOrEqualTo(database.deleteStartedAt);
        assertThat(database.deleteStartedAt + 300).isLessThanOrEqualTo(network.deleteStartedAt);
        var deletes = calls("DeleteStack");
        assertThat(deletes.stream().map(call -> call.get("StackName")).distinct())
                .containsExactly(app.id, database.id, network.id);
        for (var stack : List.of(app, database, network)) {
            assertThat(deletes.stream()
                            .filter(call -> stack.id.equals(call.get("StackName")))
                            .map(call -> call.get("ClientRequestToken"))
                            .distinct())
                    .as("DeleteStack tokens of " + stack.name)
                    .singleElement()
                    .satisfies(token -> assertThat(token).startsWith("vendo-").endsWith("-delete-stack"));
        }
        assertThat(deletes.stream().filter(call -> call.get("StackName").equals(database.id)))
                .hasSize(1);
        assertThat(calls("CreateChangeSet")).hasSize(3);
    }

    /** The demo's three-tier composite, approved, with the values a person gives. */
    private UUID threeTiers(String target, String name) {
        return seeder.approved(
                        1,
                        target,
                        name,
                        "three-tier-app",
                        """
                        {"Stage": "dev", "database.MasterPassword": "correct-horse-battery",
                         "app.Image": "public.ecr.aws/nginx/nginx:1.27"}""")
                .getFirst();
    }

    private CloudFormationSimulator.Stack componentStack(String component) {
        return aws.stackList().stream()
                .filter(stack -> stack.name.startsWith("vendo-three-tier-app-" + component + "-"))
                .findFirst()
                .orElse(null);
    }

    /**
     * A worker killed while Organizations holds its MoveAccount answer (the account has moved): the next worker asks
     * ListParents, finds the account in the demo team account's suspended OU, and ends the request without a second
     * MoveAccount; the environment is DECOMMISSIONED. Organizations here is WireMock in its JSON 1.1 protocol, where
     * the move takes effect when it arrives.
     */
    @Test
    void aWorkerKilledInsideMoveAccountLeavesTheAccountMovedOnceIntoTheSuspendedOu() throws Exception {
        var org = "AWSOrganizationsV20161128.";
        var account = "210987654321";
        var suspended = "ou-demo-suspended1";
        AwsStub.server()
                .stubFor(
                        post(urlEqualTo("/"))
                                .withHeader("X-Amz-Target", equalTo(org + "ListParents"))
                                .inScenario("account-parent")
                                .whenScenarioStateIs(Scenario.STARTED)
                                .willReturn(
                                        organizations(
                                                "{\"Parents\": [{\"Id\": \"ou-demo-workloads\", \"Type\": \"ORGANIZATIONAL_UNIT\"}]}")));
        AwsStub.server()
                .stubFor(post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(org + "ListParents"))
                        .inScenario("account-parent")
                        .whenScenarioStateIs("moved")
                        .willReturn(organizations("{\"Parents\": [{\"Id\": \"%s\", \"Type\": \"ORGANIZATIONAL_UNIT\"}]}"
                                .formatted(suspended))));
        AwsStub.server()
                .stubFor(post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(org + "MoveAccount"))
                        .inScenario("account-parent")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("moved")
                        .willReturn(organizations("{}").withFixedDelay(10_000)));
        var first = start("move-1", Map.of());
        var target = seeder.target(ACCOUNT);
        var provision = seeder.accountEnvironment(target, account);
        var decommission = seeder.decommissionApproved(provision);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !AwsStub.receivedJson(org + "MoveAccount").isEmpty());
        first.kill();
        assertThat(requestState(decommission)).isEqualTo("IN_PROGRESS");

        start("move-2", Map.of());
        awaitAll(List.of(decommission), "SUCCEEDED", Duration.ofSeconds(60));
        awaitEnvironment(provision, "status", "DECOMMISSIONED");

        var moves = AwsStub.receivedJson(org + "MoveAccount");
        assertThat(moves).hasSize(1);
        assertThat(AwsStub.body(moves.getFirst()).path("AccountId").asString()).isEqualTo(account);
        assertThat(AwsStub.body(moves.getFirst()).path("SourceParentId").asString())
                .isEqualTo("ou-demo-workloads");
        assertThat(AwsStub.body(moves.getFirst()).path("DestinationParentId").asString())
                .isEqualTo(suspended);
        assertThat(AwsStub.receivedJson(org + "ListParents")).hasSize(2);
        assertThat(AwsStub.receivedJson(org + "CloseAccount")).isEmpty();
        assertThat(environmentOf(provision, "status_reason")).contains("moved to the suspended OU " + suspended);
    }

    /**
     * A drift check survives its worker: killed while CloudFormation holds the answer to its status call, the check is
     * carried on by the next worker from where it stood (DETECTING, with the detection's id), which finds the stack
     * DRIFTED; DetectStackDrift was sent once, and the environment is DRIFTED.
     */
    @Test
    void aDriftCheckWhoseWorkerIsKilledWhileDetectingIsFinishedByTheNextWithOneDetection() throws Exception {
        var first = start("drift-1", Map.of("vendo.environment.drift.first-poll-delay", "200ms"));
        var target = seeder.target(ACCOUNT);
        var provision = seeder.approved(1, target, "drifting").getFirst();
        awaitAll(List.of(provision), "SUCCEEDED", Duration.ofSeconds(60));
        aws.drift(
                stackOf(provision).id,
                new CloudFormationSimulator.ResourceDrift(
                        "SiteBucket", "AWS::S3::Bucket", "drifting-bucket", "MODIFIED", List.<String[]>of(new String[] {
                            "/VersioningConfiguration/Status", "Enabled", "Suspended", "NOT_EQUAL"
                        })));
        aws.hold("DescribeStackDriftDetectionStatus", Duration.ofSeconds(10));

        var check = seeder.driftCheckRequested(provision);
        await().atMost(Duration.ofSeconds(60)).until(() -> !AwsStub.received("DescribeStackDriftDetectionStatus")
                .isEmpty());
        first.kill();
        assertThat(seeder.jdbc().queryForObject("select state from drift_check where id = ?", String.class, check))
                .isEqualTo("DETECTING");

        aws.hold("DescribeStackDriftDetectionStatus", Duration.ZERO);
        start("drift-2", Map.of("vendo.environment.drift.first-poll-delay", "200ms"));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> seeder.jdbc()
                                .queryForObject("select state from drift_check where id = ?", String.class, check),
                        "DRIFTED"::equals);

        assertThat(AwsStub.received("DetectStackDrift")).hasSize(1);
        assertThat(AwsStub.received("DescribeStackResourceDrifts")).hasSize(1);
        assertThat(aws.detections()).hasSize(1);
        assertThat(environmentOf(provision, "status")).isEqualTo("DRIFTED");
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select drifted_resources -> 0 ->> 'logicalId' from drift_check where id = ?",
                                String.class,
                                check))
                .isEqualTo("SiteBucket");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder organizations(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(body);
    }

    /**
     * An UPDATE: its change set is computed before approval; after approval a worker is killed while CloudFormation
     * holds its ExecuteChangeSet answer. The next worker knows the call may have gone out, looks the change set up
     * instead of sending blindly, and carries on: the stack is updated once, by that change set, with the request's
     * token, and the environment shows the new values.
     */
    @Test
    void aWorkerKilledInsideExecuteChangeSetOfAnUpdateLeavesTheStackUpdatedOnceWithOneToken() throws Exception {
        var first = start("update-1", Map.of());
        var target = seeder.target(ACCOUNT);
        var provision = seeder.approved(1, target, "before").getFirst();
        awaitAll(List.of(provision), "SUCCEEDED", Duration.ofSeconds(60));
        var stack = stackOf(provision);
        awaitEnvironment(provision, "count(*)::text", "1");

        var update = seeder.updateFiled(
                provision,
                "{\"SiteName\": \"after-0\", \"IndexDocument\": \"index.html\", \"Versioning\": \"Enabled\","
                        + " \"NoncurrentVersionDays\": \"30\"}");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> seeder.jdbc()
                                .queryForObject(
                                        "select count(*) from vending_request where id = ? and not preview_pending"
                                                + " and preview is not null",
                                        Integer.class,
                                        update)
                        == 1);
        var changeSet = "vendo-" + update;
        assertThat(aws.changeSets(stack.id)).containsKey(changeSet);
        assertThat(aws.changeSets(stack.id).get(changeSet).executedAt).isZero();

        aws.hold("ExecuteChangeSet", Duration.ofSeconds(5));
        seeder.approve(update);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.updateStartedAt != 0);
        first.kill();
        assertThat(requestState(update)).isEqualTo("IN_PROGRESS");

        aws.hold("ExecuteChangeSet", Duration.ZERO);
        start("update-2", Map.of());
        awaitAll(List.of(update), "SUCCEEDED", Duration.ofSeconds(60));
        awaitEnvironment(provision, "parameters ->> 'SiteName'", "after-0");

        var executes = calls("ExecuteChangeSet").stream()
                .filter(call -> call.get("ChangeSetName").contains(changeSet))
                .toList();
        assertThat(executes).isNotEmpty();
        assertThat(executes)
                .extracting(call -> call.get("ClientRequestToken"))
                .containsOnly("vendo-" + update + "-execute-change-set");
        // The second worker counted the attempt that may have gone out and looked the change set up first.
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select (mutating_calls ->> 'ExecuteChangeSet')::int from execution where request_id = ?",
                                Integer.class,
                                update))
                .isEqualTo(2);
        assertThat(aws.changeSets(stack.id).get(changeSet).executedAt).isNotZero();
        assertThat(aws.changeSets(stack.id).get(changeSet).parameters).containsEntry("SiteName", "after-0");
        assertThat(calls("CreateChangeSet"))
                .extracting(call -> call.get("ClientToken"))
                .containsOnly("vendo-" + provision + "-create-change-set", "vendo-" + update + "-create-change-set");
        assertThat(AwsStub.server().getAllServeEvents())
                .noneMatch(event -> event.getResponse().getBodyAsString().contains("InvalidChangeSetStatus"));
    }

    /**
     * A StackSet parameter update across an OU (the demo's organization guardrails) whose worker is killed while AWS
     * holds its UpdateStackSet answer, the operation already started: the next worker finds the request's OperationId at
     * AWS (DescribeStackSetOperation) and awaits that operation instead of starting another. AWS saw one UpdateStackSet
     * operation for the update — any repeated call carried the same OperationId and was answered
     * OperationIdAlreadyExists — and the environment runs with the new value.
     */
    @Test
    void aWorkerKilledInsideUpdateStackSetLeavesOneOperationWithTheRequestsOperationId() throws Exception {
        aws.stackDuration(Duration.ofMillis(300));
        aws.organizationalUnit("ou-demo-workloads1", "210987654321", "123456789012");
        var first = start("stackset-1", Map.of());
        // The demo catalog's target for the OU StackSet comes with its targets.yaml, after its blueprints.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> seeder.jdbc()
                                .queryForObject(
                                        "select count(*) from target where slug = 'org-stacksets'", Integer.class)
                        == 1);
        var provision = seeder.approved(
                        1,
                        "org-stacksets",
                        "org",
                        "org-guardrails",
                        "{\"MinimumPasswordLength\": \"14\", \"AlertEmail\": \"security@example.com\"}")
                .getFirst();
        awaitAll(List.of(provision), "SUCCEEDED", Duration.ofSeconds(60));
        awaitEnvironment(provision, "count(*)::text", "1");

        var update = seeder.updateFiled(
                provision, "{\"MinimumPasswordLength\": \"16\", \"AlertEmail\": \"security@example.com\"}");
        var operationId = "vendo-" + update + "-update-stack-set";
        aws.hold("UpdateStackSet", Duration.ofSeconds(5));
        seeder.approve(update);
        await().atMost(Duration.ofSeconds(60)).until(() -> aws.stackSetOperations()
                .getOrDefault("vendo-org-guardrails", Map.of())
                .containsKey(operationId));
        first.kill();
        assertThat(requestState(update)).isEqualTo("IN_PROGRESS");

        aws.hold("UpdateStackSet", Duration.ZERO);
        start("stackset-2", Map.of());
        awaitAll(List.of(update), "SUCCEEDED", Duration.ofSeconds(90));

        var sent = AwsStub.server().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains("Action=UpdateStackSet&"))
                .filter(event ->
                        operationId.equals(AwsStub.form(event.getRequest()).get("OperationId")))
                .toList();
        assertThat(sent).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(sent.subList(1, sent.size()))
                .allMatch(event -> event.getResponse().getBodyAsString().contains("OperationIdAlreadyExistsException"));
        assertThat(aws.stackSetOperations().get("vendo-org-guardrails").values())
                .filteredOn(operation -> operation.call().equals("UpdateStackSet"))
                .extracting(operation -> operation.id())
                .containsExactlyInAnyOrder("vendo-" + provision + "-update-stack-set", operationId);
        assertThat(aws.stackSetOperations()
                        .get("vendo-org-guardrails")
                        .get(operationId)
                        .parameterOverrides())
                .containsEntry("MinimumPasswordLength", "16");
        assertThat(calls("UpdateStackSet")).allSatisfy(form -> assertThat(form)
                .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", "ou-demo-workloads1")
                .containsEntry("OperationPreferences.MaxConcurrentCount", "5")
                .containsEntry("OperationPreferences.FailureToleranceCount", "4")
                .containsEntry("OperationPreferences.RegionConcurrencyType", "SEQUENTIAL"));
        // The second worker counted the attempt that may have gone out, and looked it up before sending it again.
        assertThat(seeder.jdbc()
                        .queryForObject(
                                "select (mutating_calls ->> 'UpdateStackSet')::int from execution where request_id = ?",
                                Integer.class,
                                update))
                .isEqualTo(2);
        assertThat(calls("DescribeStackSetOperation")).anyMatch(form -> operationId.equals(form.get("OperationId")));
        assertThat(calls("UpdateStackInstances")).isEmpty();
        awaitEnvironment(provision, "parameters ->> 'MinimumPasswordLength'", "16");
    }

    private List<String> rows(UUID... ids) {
        var rows = new ArrayList<String>();
        for (var id : ids) {
            rows.add(seeder.jdbc()
                    .queryForObject("select e::text from execution e where request_id = ?", String.class, id));
            rows.add(seeder.jdbc()
                    .queryForObject("select r::text from vending_request r where id = ?", String.class, id));
        }
        return rows;
    }

    /** Mutating calls AWS received so far, by action. */
    private static Map<String, Long> mutatingCalls() {
        var counts = new java.util.TreeMap<String, Long>();
        for (var action : List.of("CreateChangeSet", "ExecuteChangeSet", "CreateStackInstances", "CreateStack")) {
            counts.put(action, (long) AwsStub.received(action).size());
        }
        return counts;
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

    private String requestState(UUID request) {
        return seeder.jdbc().queryForObject("select state from vending_request where id = ?", String.class, request);
    }

    /** A column (or an expression of its columns) of the environment that the PROVISION request made. */
    private String environmentOf(UUID provision, String expression) {
        return seeder.jdbc()
                .queryForObject(
                        "select " + expression + " from environment where provisioned_by = ?", String.class, provision);
    }

    private void awaitEnvironment(UUID provision, String expression, String value) {
        await().atMost(Duration.ofSeconds(30)).until(() -> environmentOf(provision, expression), value::equals);
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
