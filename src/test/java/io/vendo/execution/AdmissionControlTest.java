package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.support.ApiClient;
import io.vendo.support.ApprovedRequestSeeder;
import io.vendo.support.ApprovedRequests;
import io.vendo.support.AwsStub;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Admission control against the CloudFormation simulator: the limits per account and overall hold over a run
 * (measured from when each stack started until the portal was told it completed), queued requests show their place
 * and an estimated start, and a queued request can be cancelled before anything is sent to AWS.
 */
@VendoIntegrationTest
@TestPropertySource(
        properties = {
            "vendo.execution.admission.global=3",
            "vendo.execution.admission.cloud-formation-per-account=2",
            "vendo.execution.admission.recheck-interval=2s",
        })
class AdmissionControlTest {

    private static final String ACCOUNT_A = "111122223333";
    private static final String ACCOUNT_B = "444455556666";

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    Admission admission;

    @Autowired
    DataSource dataSource;

    CloudFormationSimulator aws;
    ApprovedRequests requests;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        requests = new ApprovedRequests(port);
        for (var account : new String[] {ACCOUNT_A, ACCOUNT_B}) {
            catalog.register(new NewTarget(
                    "dev-" + account,
                    "Dev " + account,
                    account,
                    "eu-west-1",
                    EnvironmentTier.DEV,
                    "arn:aws:iam::" + account + ":role/VendoExecution",
                    null));
        }
    }

    @Test
    void neverMoreOperationsInFlightThanTheLimitsAllow() {
        aws.stackDuration(Duration.ofMillis(1500));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var account = i % 5 == 4 ? ACCOUNT_B : ACCOUNT_A;
            ids.add(requests.submitAndApprove("dev-" + account, "limits-" + i));
        }

        ids.forEach(id -> requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60)));

        // Eight requests for account A arrived within a stack's duration: A ran at its limit, never above it.
        assertThat(aws.maxInFlight(ACCOUNT_A)).isEqualTo(2);
        assertThat(aws.maxInFlight(ACCOUNT_B)).isLessThanOrEqualTo(2);
        assertThat(aws.maxInFlight(null)).isLessThanOrEqualTo(3);
        // Requests an earlier test left running in this context may still call AWS: count this test's stacks only.
        var createsPerStack = AwsStub.received("CreateChangeSet").stream()
                .filter(request -> ids.stream()
                        .anyMatch(id -> AwsStub.form(request).get("StackName").endsWith(id)))
                .collect(Collectors.groupingBy(
                        request -> AwsStub.form(request).get("StackName"), Collectors.counting()));
        assertThat(createsPerStack).hasSize(10).allSatisfy((stack, creates) -> assertThat(creates)
                .isOne());
    }

    @Test
    void aCompositeHoldsASlotPerComponentItCanHaveInFlightSoTheAccountsLimitCountsStacks() {
        var fan = fanOut();
        aws.stackDuration(Duration.ofMillis(1500));
        var composite = submitAndApprove(fan);
        var singles = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            singles.add(requests.submitAndApprove("dev-" + ACCOUNT_A, "beside-fan-" + i));
        }

        requests.awaitState(composite, "SUCCEEDED", Duration.ofSeconds(60));
        singles.forEach(id -> requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60)));

        // Its two independent components were in flight together, and so took both of the account's two slots: one
        // slot per composite would have let a single stack run beside them (three stacks in the account).
        var left = stackOf(fan, "left", composite);
        var right = stackOf(fan, "right", composite);
        assertThat(left.startedAt).isLessThan(right.seenCompleteAt);
        assertThat(right.startedAt).isLessThan(left.seenCompleteAt);
        assertThat(aws.maxInFlight(ACCOUNT_A)).isEqualTo(2);
        assertThat(jdbc().queryForObject(
                                "select slots from execution_admission where request_id = ?::uuid",
                                Integer.class,
                                composite))
                .isEqualTo(2);
    }

    @Test
    void aRetriedCompositeWaitsForItsSlotsLikeAFirstExecution() {
        var fan = fanOut();
        aws.stackDuration(Duration.ofMillis(200));
        aws.rollBack(fan + "-right-");
        var composite = submitAndApprove(fan);
        requests.awaitState(composite, "FAILED", Duration.ofSeconds(60));
        aws.rollBackNothing();

        // Two stacks hold the account's two slots for an hour.
        aws.stackDuration(Duration.ofHours(1));
        var holding = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            holding.add(requests.submitAndApprove("dev-" + ACCOUNT_A, "holding-" + i));
        }
        holding.forEach(id -> requests.awaitState(id, "IN_PROGRESS", Duration.ofSeconds(30)));
        var deletesBefore = AwsStub.received("DeleteStack").size();

        var retried = ApiClient.as("requester", port).postJson("/api/v1/requests/" + composite + "/retry", "{}");
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        var page = new WebSession(port).logIn("requester");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        page.get("/requests/" + composite + "/live").body())
                .contains("data-testid=\"queue-position\">1<"));
        // Queued behind the stacks that hold the slots: its first step (deleting the rolled-back stack) waits.
        assertThat(AwsStub.received("DeleteStack")).hasSize(deletesBefore);
        assertThat(requests.state(composite)).isEqualTo("IN_PROGRESS");

        aws.stackDuration(Duration.ZERO);
        holding.forEach(id -> requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60)));
        requests.awaitState(composite, "SUCCEEDED", Duration.ofSeconds(60));
        // Then the rolled-back stack was deleted once, and the new attempt created its own.
        var rights = aws.stackList().stream()
                .filter(stack -> stack.name.startsWith("vendo-" + fan + "-right-"))
                .sorted(java.util.Comparator.comparingLong(stack -> stack.startedAt))
                .toList();
        assertThat(rights).hasSize(2);
        assertThat(AwsStub.received("DeleteStack").stream().map(AwsStub::form).map(form -> form.get("StackName")))
                .containsOnlyOnce(rights.getFirst().id)
                .doesNotContain(rights.getLast().id);
    }

    /** A composite of three static websites: left and right independent, top after both (width 2). */
    private String fanOut() {
        var slug = "fan-" + Long.toString(System.nanoTime(), 36);
        var created = ApiClient.as("admin", port)
                .postJson(
                        "/api/v1/blueprints",
                        """
                        {"slug": "%s", "kind": "COMPOSITE", "name": "Fan out", "owner": "platform-team",
                         "components": [
                           {"name": "left", "blueprint": "static-website", "parameters": {"SiteName": "fan-left"}},
                           {"name": "right", "blueprint": "static-website", "parameters": {"SiteName": "fan-right"}},
                           {"name": "top", "blueprint": "static-website", "dependsOn": ["left", "right"],
                            "parameters": {"SiteName": "fan-top"}}]}
                        """
                                .formatted(slug));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return slug;
    }

    private String submitAndApprove(String blueprint) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "dev-%s", "parameters": {},
                         "justification": "Three sites, two at once"}
                        """
                                .formatted(blueprint, ACCOUNT_A));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        var id = submitted.body().path("id").asString();
        requests.approve(id);
        return id;
    }

    private CloudFormationSimulator.Stack stackOf(String blueprint, String component, String requestId) {
        return aws.stackList().stream()
                .filter(stack -> stack.name.startsWith("vendo-" + blueprint + "-" + component + "-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No stack of " + component + " of " + requestId));
    }

    private org.springframework.jdbc.core.JdbcTemplate jdbc() {
        return new ApprovedRequestSeeder(dataSource).jdbc();
    }

    @Test
    void queuedRequestShowsItsPlaceAndCanBeCancelledBeforeAnythingIsSent() {
        // One finished operation, so that the queue can estimate.
        var first = requests.submitAndApprove("dev-" + ACCOUNT_A, "history");
        requests.awaitState(first, "SUCCEEDED", Duration.ofSeconds(30));

        aws.stackDuration(Duration.ofHours(1));
        var running = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            running.add(requests.submitAndApprove("dev-" + ACCOUNT_A, "running-" + i));
        }
        running.forEach(id -> requests.awaitState(id, "IN_PROGRESS", Duration.ofSeconds(30)));
        var cancelled = requests.submitAndApprove("dev-" + ACCOUNT_A, "queued-cancelled");
        var waiting = requests.submitAndApprove("dev-" + ACCOUNT_A, "queued-waiting");

        var page = new WebSession(port).logIn("requester");
        Function<String, String> queue =
                id -> page.get("/requests/" + id + "/live").body();
        // Each is queued when a worker first tries to admit it; on a loaded machine that may take as long as a start.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(queue.apply(waiting)).contains("data-testid=\"queue-position\">2<"));
        assertThat(queue.apply(cancelled))
                .contains("data-testid=\"queue-position\">1<")
                .containsPattern(
                        "data-testid=\"queue-estimate\">\\s*about <time datetime=\"[^\"]+Z\">\\d{4}-\\d{2}-\\d{2}"
                                + " \\d{2}:\\d{2} UTC</time>");
        assertThat(queue.apply(running.getFirst())).doesNotContain("queue-position");
        assertThat(page.get("/requests/" + cancelled).body()).contains("Cancel this request");
        assertThat(requests.state(cancelled)).isEqualTo("APPROVED");

        var cancel = ApiClient.as("requester", port).postJson("/api/v1/requests/" + cancelled + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.body().path("state").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(queue.apply(waiting)).contains("data-testid=\"queue-position\">1<"));
        var tooLate =
                ApiClient.as("requester", port).postJson("/api/v1/requests/" + running.getFirst() + "/cancel", "{}");
        assertThat(tooLate.status()).isEqualTo(409);

        aws.stackDuration(Duration.ZERO);
        running.forEach(id -> requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(30)));
        requests.awaitState(waiting, "SUCCEEDED", Duration.ofSeconds(30));
        assertThat(requests.state(cancelled)).isEqualTo("CANCELLED");
        assertThat(AwsStub.received("CreateChangeSet"))
                .extracting(request -> AwsStub.form(request).get("StackName"))
                .hasSize(4)
                .noneMatch(name -> name.endsWith(cancelled));
    }

    @Test
    void metricsReachPrometheusForAdminsOnly() throws Exception {
        AwsStub.reset();
        AwsStub.stubAssumeRole();
        AwsStub.stubCreateChangeSetError(
                400, "InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]");
        var failed = requests.submitAndApprove("dev-" + ACCOUNT_A, "metrics");
        requests.awaitState(failed, "FAILED", Duration.ofSeconds(30));

        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("requester").statusCode()).isEqualTo(403);
        var metrics = scrape("admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("vendo_execution_queue_depth ")
                .contains("vendo_execution_in_flight{service=\"cloudformation\"}")
                .contains("vendo_execution_step_seconds_count{outcome=\"finished\"}")
                .containsPattern("vendo_aws_errors_total\\{code=\"InsufficientCapabilitiesException\","
                        + "operation=\"CreateChangeSet\",service=\"CloudFormation\"} [1-9]")
                .containsPattern("vendo_requests\\{state=\"FAILED\"} [1-9]");
        var health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aQueuedRequestWhoseTaskIsRunningIsLeftToThatRunWhileTheNextOneIsAdmittedAndWoken() {
        // Two requests hold the account's two slots; two queue behind them, the first of which has its task running a
        // queue check right now (picked). Their tasks are due in an hour: only a pass's wake-up brings them forward.
        var seeder = new ApprovedRequestSeeder(dataSource);
        var target = seeder.target("777788889999");
        var ids = seeder.approved(4, target, "admission-race", Instant.now().plus(Duration.ofHours(1)));
        var holding = ids.subList(0, 2);
        var checking = ids.get(2);
        var next = ids.get(3);
        var jdbc = seeder.jdbc();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.update(
                    """
                    insert into execution_admission (request_id, service, account_id, state, queued_at, admitted_at)
                    values (?, 'CLOUDFORMATION', '777788889999', ?, now() + ? * interval '1 millisecond',
                            case when ? then now() end)""",
                    ids.get(i),
                    i < 2 ? "ADMITTED" : "QUEUED",
                    i,
                    i < 2);
        }
        jdbc.update(
                """
                update scheduled_tasks set picked = true, picked_by = 'a queue check', last_heartbeat = now()
                where task_name = 'request-execution' and task_instance = ?""",
                checking.toString());

        admission.release(holding.get(0));

        // That run may have read its place already and reschedule itself for its recheck: admitting it now would
        // leave its slot unused until then. The next one takes the slot and is due at once.
        assertThat(admissionState(checking)).isEqualTo("QUEUED");
        assertThat(admissionState(next)).isIn("ADMITTED", "RELEASED");
        assertThat(taskDueWithinTheHour(next)).isTrue();

        // The run ends and reschedules itself; the next pass admits it and wakes it.
        jdbc.update(
                """
                update scheduled_tasks set picked = false, picked_by = null, execution_time = now() + interval '1 hour'
                where task_name = 'request-execution' and task_instance = ?""",
                checking.toString());
        admission.release(holding.get(1));

        assertThat(admissionState(checking)).isIn("ADMITTED", "RELEASED");
        assertThat(taskDueWithinTheHour(checking)).isTrue();
        requests.awaitState(checking.toString(), "SUCCEEDED", Duration.ofSeconds(60));
        requests.awaitState(next.toString(), "SUCCEEDED", Duration.ofSeconds(60));
    }

    private String admissionState(java.util.UUID requestId) {
        return new ApprovedRequestSeeder(dataSource)
                .jdbc()
                .queryForObject("select state from execution_admission where request_id = ?", String.class, requestId);
    }

    /** Whether the request's task is due within the hour, or already ran to its end (and is gone). */
    private boolean taskDueWithinTheHour(java.util.UUID requestId) {
        var due = new ApprovedRequestSeeder(dataSource)
                .jdbc()
                .queryForList(
                        """
                        select execution_time < now() + interval '30 minutes' as soon from scheduled_tasks
                        where task_name = 'request-execution' and task_instance = ?""",
                        Boolean.class,
                        requestId.toString());
        return due.isEmpty() || due.getFirst();
    }

    private HttpResponse<String> scrape(String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
