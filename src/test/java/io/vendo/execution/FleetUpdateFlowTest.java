package io.vendo.execution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.CloudFormationSimulator.SimulatedChange;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.VendoIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A fleet's UPDATE end to end, through the real SDK against the CloudFormation simulator: a fleet of 23 rows (one of
 * which failed, so it has no environment and is left out) rolls version 2 out as 22 UPDATE requests, each with its own
 * change set computed before anyone decides, and one approval opened only once every preview is there. A row whose
 * change set went stale by the time it ran is computed again and the approval asks again in a new round (a decision
 * on the old one is refused, nothing recorded); the rows never run more than the update's maxInFlight at once (measured
 * from each row's start to its end on the audit trail); and a later update whose row fails pauses its rollout until
 * its requester resumes it. What may not be asked is refused as problem details, with nothing stored. In a real
 * Chromium, the requester updates the fleet from its page (a bad value refused on the form, nothing stored), and the
 * approver decides through the mailed link's page, which sums the rows' previews up and links each row's.
 */
@VendoIntegrationTest
@TestPropertySource(
        properties = {
            "vendo.execution.admission.cloud-formation-per-account=20",
            "vendo.execution.admission.recheck-interval=2s",
        })
class FleetUpdateFlowTest {

    private static final String ACCOUNT = "565656565656";
    private static final String TARGET = "fleet-update-" + ACCOUNT;

    private static final String V1 =
            """
            Parameters:
              SiteName: {Type: String, AllowedPattern: "[a-z][a-z0-9-]{2,40}"}
              IndexDocument: {Type: String, Default: index.html}
            Resources:
              SiteBucket: {Type: AWS::S3::Bucket}
            """;
    private static final String V2 = V1 + "  SiteLogs: {Type: AWS::S3::Bucket}\n";

    private static final SimulatedChange LOGS =
            new SimulatedChange("Add", "SiteLogs", "AWS::S3::Bucket", null, null, null, null, null);
    private static final SimulatedChange RENAME = new SimulatedChange(
            "Modify", "SiteBucket", "AWS::S3::Bucket", "old-bucket", "True", "BucketName", "Always", "SiteName");

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
        Mailbox.register(registry);
    }

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    JdbcTemplate jdbc;

    CloudFormationSimulator aws;
    ApiClient requester;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        aws.stackDuration(Duration.ofMillis(300));
        requester = ApiClient.as("requester", port);
        if (jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, TARGET) == 0) {
            catalog.register(new NewTarget(
                    TARGET,
                    "Fleet update " + ACCOUNT,
                    ACCOUNT,
                    "eu-west-1",
                    EnvironmentTier.DEV,
                    "arn:aws:iam::" + ACCOUNT + ":role/VendoExecution",
                    null));
        }
    }

    private String blueprint() {
        var slug = "fleet-upd-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                BlueprintKind.STACK,
                new BlueprintMetadata(
                        "Tenant site " + slug,
                        "A site per tenant",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null),
                new NewVersion(V1, List.of(), null)));
        return slug;
    }

    private void addVersion2(String slug) {
        catalog.addVersion(
                jdbc.queryForObject("select id from blueprint where slug = ?", UUID.class, slug),
                new NewVersion(V2, List.of(), null));
    }

    private JsonNode get(String batchId) {
        return requester.get("/api/v1/request-batches/" + batchId).body();
    }

    private static List<String> requestIds(JsonNode batch) {
        var ids = new ArrayList<String>();
        batch.path("rows").forEach(row -> ids.add(row.path("requestId").asString()));
        return ids;
    }

    private void awaitStatus(String batchId, String status) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var batch = get(batchId);
                    assertThat(batch.path("status").asString())
                            .as(batch.path("rowsByState").toString())
                            .isEqualTo(status);
                });
    }

    private ApiClient.Response decide(String leadId, int round) {
        return ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + leadId + "/decisions",
                        "{\"decision\": \"APPROVE\", \"round\": %d}".formatted(round));
    }

    /** The fleet, every row succeeded but the last, which rolled back and so has no environment. */
    private JsonNode provisionedFleet(String slug, int rows) {
        return provisionedFleet(slug, rows, true);
    }

    private JsonNode provisionedFleet(String slug, int rows, boolean lastFails) {
        var body = IntStream.range(0, rows)
                .mapToObj(i -> """
                        {"target": "%s", "parameters": {"SiteName": "tenant-%d"}}"""
                        .formatted(TARGET, i))
                .collect(Collectors.joining(","));
        var created = requester.postJson(
                "/api/v1/request-batches",
                """
                {"blueprint": "%s", "justification": "One site per tenant",
                 "rollout": {"maxInFlight": 10, "pauseAfterFailures": 3}, "rows": [%s]}"""
                        .formatted(slug, body));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        var ids = requestIds(created.body());
        if (lastFails) {
            aws.rollBack(ids.getLast());
        }
        var lead = ids.getFirst();
        assertThat(ApiClient.as("approver", port)
                        .postJson("/api/v1/requests/" + lead + "/decisions", "{\"decision\": \"APPROVE\"}")
                        .status())
                .isEqualTo(200);
        var fleetId = created.body().path("id").asString();
        awaitStatus(fleetId, "COMPLETED");
        assertThat(get(fleetId).path("rowsByState").path("SUCCEEDED").asInt()).isEqualTo(lastFails ? rows - 1 : rows);
        aws.rollBackNothing();
        return get(fleetId);
    }

    private String stackId(String provisionRequestId) {
        return jdbc.queryForObject(
                "select handles ->> 'StackId' from environment where provisioned_by = ?::uuid",
                String.class,
                provisionRequestId);
    }

    /** The most rows of the batch that ran at once: from each row's start to its end, as the audit trail has them. */
    private int measuredInFlight(List<String> rows) {
        var edges = new ArrayList<long[]>();
        for (var row : rows) {
            var times = jdbc.queryForList(
                    """
                    select action, occurred_at from audit_event where subject_id = ?
                    and action in ('request.started', 'request.succeeded', 'request.failed')""",
                    row);
            for (var event : times) {
                var at = ((Timestamp) event.get("occurred_at")).getTime();
                edges.add(new long[] {at, "request.started".equals(event.get("action")) ? 1 : -1});
            }
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int max = 0;
        for (var edge : edges) {
            current += (int) edge[1];
            max = Math.max(max, current);
        }
        return max;
    }

    private long updateChangeSets(String stackId) {
        return AwsStub.received("CreateChangeSet").stream()
                .map(AwsStub::form)
                .filter(form -> "UPDATE".equals(form.get("ChangeSetType")) && stackId.equals(form.get("StackName")))
                .count();
    }

    @Test
    void aFleetUpdateIsPreviewedPerRowDecidedOnceAskedAgainForAStalePreviewAndRolledOutUnderItsPolicy() {
        var slug = blueprint();
        var fleet = provisionedFleet(slug, 23);
        var fleetRows = requestIds(fleet);
        addVersion2(slug);
        aws.changesOnUpdate(LOGS, RENAME);

        var body =
                """
                {"version": 2, "justification": "Logs for every tenant",
                 "rollout": {"maxInFlight": 3, "pauseAfterFailures": 3}}""";
        var key = UUID.randomUUID().toString();
        var filed =
                requester.postJson("/api/v1/request-batches/" + fleet.path("id").asString() + "/updates", body, key);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        var replayed =
                requester.postJson("/api/v1/request-batches/" + fleet.path("id").asString() + "/updates", body, key);
        assertThat(replayed.body().path("id").asString())
                .isEqualTo(filed.body().path("id").asString());
        var update = filed.body();
        var updateId = update.path("id").asString();
        assertThat(update.path("updateOf").asString())
                .isEqualTo(fleet.path("id").asString());
        assertThat(update.path("version").asInt()).isEqualTo(2);
        assertThat(update.path("rows")).hasSize(22);
        assertThat(update.path("skipped")).hasSize(1);
        assertThat(update.path("skipped").get(0).path("fleetRow").asInt()).isEqualTo(22);
        assertThat(update.path("skipped").get(0).path("reason").asString()).contains("has no environment");
        var rows = requestIds(update);
        var lead = rows.getFirst();

        // One preview per row; the one approval opens once every row's preview is there.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                                get(updateId).path("previews").path("previewed").asInt())
                        .isEqualTo(22));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from audit_event where subject_id = ? and action = 'approval.opened'",
                                Integer.class,
                                lead)
                        == 1);
        var previews = get(updateId).path("previews");
        assertThat(previews.path("adds").asInt()).isEqualTo(22);
        assertThat(previews.path("modifies").asInt()).isEqualTo(22);
        assertThat(previews.path("replacements").asInt()).isEqualTo(22);
        assertThat(previews.path("replacing")).hasSize(22);
        for (int row = 0; row < 22; row++) {
            assertThat(updateChangeSets(stackId(fleetRows.get(row))))
                    .as("row %d", row)
                    .isOne();
        }
        var lastPreviewed = jdbc.queryForObject(
                "select max(occurred_at) from audit_event where action = 'request.previewed' and subject_id = any(?)",
                Timestamp.class,
                (Object) rows.toArray(String[]::new));
        var opened = jdbc.queryForObject(
                "select occurred_at from audit_event where subject_id = ? and action = 'approval.opened'",
                Timestamp.class,
                lead);
        assertThat(opened).isAfterOrEqualTo(lastPreviewed);
        assertThat(jdbc.queryForObject(
                        "select count(*) from approval where request_id::text = any(?)", Integer.class, (Object)
                                rows.toArray(String[]::new)))
                .as("one approval for the batch")
                .isOne();
        assertThat(update.path("approvalRound").asInt()).isOne();

        // Row 7's stack changes by hand after its preview: its change set is stale when it runs.
        var staleStack = stackId(fleetRows.get(7));
        aws.changeOutOfBand(staleStack);
        var approved = decide(lead, 1);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var batch = get(updateId);
                    assertThat(batch.path("approvalRound").asInt()).isEqualTo(2);
                    assertThat(batch.path("previews").path("waiting").asInt()).isZero();
                    assertThat(jdbc.queryForObject(
                                    "select held from approval where request_id = ?::uuid", Boolean.class, lead))
                            .isFalse();
                });
        assertThat(updateChangeSets(staleStack)).isEqualTo(2);
        var decisionsBefore = jdbc.queryForObject(
                "select count(*) from approval_decision where request_id = ?::uuid", Integer.class, lead);
        var superseded = decide(lead, 1);
        assertThat(superseded.status()).as(superseded.body().toString()).isEqualTo(409);
        assertThat(superseded.body().path("currentRound").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from approval_decision where request_id = ?::uuid", Integer.class, lead))
                .as("nothing recorded")
                .isEqualTo(decisionsBefore);
        var again = decide(lead, 2);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);

        awaitStatus(updateId, "COMPLETED");
        assertThat(get(updateId).path("rowsByState").path("SUCCEEDED").asInt()).isEqualTo(22);
        var inFlight = measuredInFlight(rows);
        assertThat(inFlight).as("rows running at once").isBetween(2, 3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from environment where provisioned_by::text = any(?) and blueprint_version = 2",
                        Integer.class,
                        (Object) fleetRows.toArray(String[]::new)))
                .isEqualTo(22);

        // A later update: values only; its first failing row pauses it until its requester resumes it.
        aws.changesOnUpdate(RENAME);
        aws.failNextUpdate("SiteBucket", "Bucket quota reached");
        var second = requester.postJson(
                "/api/v1/request-batches/" + fleet.path("id").asString() + "/updates",
                """
                {"parameters": {"IndexDocument": "home.html"}, "justification": "A new home page",
                 "rollout": {"maxInFlight": 2, "pauseAfterFailures": 1}}""");
        assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
        var secondId = second.body().path("id").asString();
        var secondRows = requestIds(second.body());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                                get(secondId).path("previews").path("previewed").asInt())
                        .isEqualTo(22));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !jdbc.queryForObject(
                        "select held from approval where request_id = ?::uuid", Boolean.class, secondRows.getFirst()));
        assertThat(decide(secondRows.getFirst(), 1).status()).isEqualTo(200);

        awaitStatus(secondId, "PAUSED");
        var paused = get(secondId);
        assertThat(paused.path("rowsByState").path("FAILED").asInt()).isOne();
        assertThat(paused.path("rowsByState").path("APPROVED").asInt())
                .as("rows waiting")
                .isGreaterThan(10);
        var resumed = requester.postJson("/api/v1/request-batches/" + secondId + "/resume", "");
        assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
        awaitStatus(secondId, "COMPLETED");
        assertThat(get(secondId).path("rowsByState").path("SUCCEEDED").asInt()).isEqualTo(21);
        assertThat(measuredInFlight(secondRows)).isBetween(1, 2);
    }

    private static final List<String> TABLES =
            List.of("vending_request", "request_batch", "request_batch_row", "approval", "idempotency_key");

    private List<Integer> counts() {
        return TABLES.stream()
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Integer.class))
                .toList();
    }

    private ApiClient.Response refused(ApiClient caller, String batchId, String body, int status) {
        var response = caller.postJson(
                "/api/v1/request-batches/" + batchId + "/updates",
                body,
                UUID.randomUUID().toString());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        return response;
    }

    @Test
    void whatMayNotBeAskedOfAFleetIsRefusedAsProblemDetailsAndNothingIsStored() {
        var slug = blueprint();
        var fleet = provisionedFleet(slug, 3, false);
        var fleetId = fleet.path("id").asString();
        addVersion2(slug);
        var before = counts();

        refused(requester, UUID.randomUUID().toString(), "{\"version\": 2, \"justification\": \"x\"}", 404);
        var notRequester =
                refused(ApiClient.as("lead", port), fleetId, "{\"version\": 2, \"justification\": \"mine now\"}", 403);
        assertThat(notRequester.body().path("detail").asString()).contains("Only the fleet's requester");
        var noVersion = refused(requester, fleetId, "{\"version\": 9, \"justification\": \"v9\"}", 400);
        assertThat(noVersion.body().path("detail").asString()).contains("has no version 9 (its versions are 1 to 2)");
        var unknown = refused(
                requester, fleetId, "{\"parameters\": {\"Colour\": \"blue\"}, \"justification\": \"colour\"}", 400);
        assertThat(unknown.body().path("errors").toString()).contains("Colour");
        var nothing = refused(requester, fleetId, "{\"justification\": \"nothing\"}", 400);
        assertThat(nothing.body().path("detail").asString()).contains("Nothing to update");
        var alreadyThere = refused(requester, fleetId, "{\"version\": 1, \"justification\": \"same\"}", 400);
        assertThat(alreadyThere.body().path("detail").asString())
                .contains("Nothing to update")
                .contains("already runs version 1 with these values");
        var badValue = refused(
                requester,
                fleetId,
                "{\"parameters\": {\"SiteName\": \"Not A Site!\"}, \"justification\": \"rename\"}",
                400);
        assertThat(badValue.body()
                        .path("errors")
                        .path("rows[0].parameters.SiteName")
                        .asString())
                .isNotBlank();
        assertThat(badValue.body().path("rows")).hasSize(3);
        refused(requester, fleetId, "{\"version\": 2}", 400);
        assertThat(counts()).as(String.join(", ", TABLES)).isEqualTo(before);

        // A fleet still waiting for its approval is still rolling out; so is an update that was not decided yet.
        var pending = requester.postJson(
                "/api/v1/request-batches",
                """
                {"blueprint": "%s", "justification": "Later", "rows": [{"target": "%s", "parameters": {"SiteName": "later-0"}}]}"""
                        .formatted(slug, TARGET));
        assertThat(pending.status()).isEqualTo(201);
        var rolling = refused(
                requester,
                pending.body().path("id").asString(),
                "{\"version\": 2, \"justification\": \"too early\"}",
                409);
        assertThat(rolling.body().path("detail").asString()).contains("still rolling out (PENDING_APPROVAL)");
        var first = requester.postJson(
                "/api/v1/request-batches/" + fleetId + "/updates", "{\"version\": 2, \"justification\": \"v2\"}");
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        var afterFirst = counts();
        var again = refused(requester, fleetId, "{\"version\": 2, \"justification\": \"v2 again\"}", 409);
        assertThat(again.body().path("detail").asString())
                .contains("Update " + first.body().path("id").asString())
                .contains("still rolling out");
        var ofAnUpdate = refused(
                requester, first.body().path("id").asString(), "{\"version\": 2, \"justification\": \"x\"}", 409);
        assertThat(ofAnUpdate.body().path("detail").asString()).contains("update the fleet");
        assertThat(counts()).isEqualTo(afterFirst);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theRequesterUpdatesTheFleetFromItsPageAndTheApproverDecidesOnTheSummedUpPreviewsThroughTheMailedLink() {
        var slug = blueprint();
        var fleet = provisionedFleet(slug, 3, false);
        var fleetId = fleet.path("id").asString();
        addVersion2(slug);
        aws.changesOnUpdate(LOGS, RENAME);
        String updateUrl;
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            ChromiumPages.logIn(page, url("/login"), "requester");
            page.navigate(url("/request-batches/" + fleetId));
            page.getByTestId("update-fleet").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Update the fleet of 3")))
                    .isVisible();
            page.getByLabel("Blueprint version").selectOption(new SelectOption().setLabel("Version 2"));
            page.getByLabel("SiteName").fill("Not A Site!");
            page.getByLabel("Justification").fill("Logs for every tenant");
            var before = counts();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the update"))
                    .click();

            assertThat(page.locator("#error-summary")).containsText("3 of 3 rows are invalid; nothing was stored");
            assertThat(page.getByTestId("row-problems").locator("tbody tr")).hasCount(3);
            assertThat(counts()).isEqualTo(before);

            page.getByLabel("SiteName").fill("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the update"))
                    .click();
            assertThat(page.getByText("Update filed")).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Update of 3")))
                    .containsText("to version 2");
            assertThat(page.getByTestId("batch-rows").locator("tbody tr")).hasCount(3);
            updateUrl = page.url();
            page.navigate(url("/request-batches/" + fleetId));
            assertThat(page.getByTestId("fleet-updates")).containsText("Version 2");
            assertThat(page.getByTestId("update-fleet")).hasCount(0);
        }
        var updateId = updateUrl.substring(updateUrl.lastIndexOf('/') + 1);
        var rows = requestIds(get(updateId));
        var mail = Mailbox.awaitAbout("approver@vendo.local", "Approval needed", rows.getFirst());
        assertThat(Mailbox.body(mail))
                .contains("An update of a fleet: this approval decides all 3 rows.")
                .contains("3 to add, 3 to modify, 0 to remove, 3 replaced or possibly replaced")
                .contains("Rows that replace resources: 0, 1, 2");

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate(Mailbox.approvalLink(mail));
            ChromiumPages.fillLogIn(page, "approver");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Decide on this request")))
                    .isVisible();
            var previews = page.getByTestId("batch-previews");
            assertThat(previews.getByTestId("previews-summary"))
                    .containsText("Across 3 previewed rows: 3 to add, 3 to modify, 0 to remove; 3 replaced");
            assertThat(previews.getByTestId("previews-replacing")).containsText("row 0, row 1, row 2");
            assertThat(page.getByTestId("batch-rows").getByTestId("row-preview").first())
                    .containsText("1 to add, 1 to modify");
            var confirmation = page.url();
            previews.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("row 2"))
                    .click();
            assertThat(page.getByTestId("change-preview")).containsText("SiteBucket");
            page.navigate(url("/approvals"));
            assertThat(page.locator("[data-testid=waiting] > li")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                    .setHas(page.locator("a[href*='" + rows.getFirst() + "']")))
                            .getByTestId("inbox-batch"))
                    .containsText("Fleet update: decides all 3 rows; across them 3 to add, 3 to modify, 0 to remove");
            page.navigate(confirmation);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.getByText("You approved")).isVisible();

            page.navigate(updateUrl);
            assertThat(page.getByTestId("batch-status"))
                    .hasText("COMPLETED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(page.getByTestId("batch-counts")).hasText("3 SUCCEEDED");
        }
    }
}
