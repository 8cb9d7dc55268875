package io.vendo.environment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.catalog.StackSetPermissionModel;
import io.vendo.support.ApiClient;
import io.vendo.support.ApprovedRequests;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.CloudFormationSimulator.SimulatedChange;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.MutableClock;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * UPDATE of stack environments end to end, through the real SDK against the CloudFormation simulator: the change set
 * is computed before approvers are asked, shown to them (mail, confirmation page behind the mail's link, inbox), and
 * on approval exactly that change set runs once with the request's token; the environment then shows its new version,
 * parameters and outputs. A change set gone stale is never executed: a new one is computed and asked for again. A
 * rollback fails the request and the environment with AWS's reason; what may not be asked is refused and stores
 * nothing; and the environment page's Update action works in a real Chromium.
 */
@VendoIntegrationTest
@Import(MutableClock.Configuration.class)
class EnvironmentUpdateFlowTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";
    private static final String TARGET = "update-dev";

    private static final String V1 =
            """
            Parameters:
              SiteName: {Type: String, AllowedPattern: "[a-z][a-z0-9-]{2,40}", Description: The site}
              IndexDocument: {Type: String, Default: index.html}
              AdminPassword: {Type: String, NoEcho: true, MinLength: 8}
            Resources:
              SiteBucket: {Type: AWS::S3::Bucket}
            Outputs:
              WebsiteURL: {Value: !GetAtt SiteBucket.WebsiteURL}
            """;

    private static final String V2 = V1.replace(
                    "Resources:",
                    "  Logging: {Type: String, Default: Enabled, AllowedValues: [Enabled, Disabled]}\nResources:")
            .replace("Resources:\n", "Resources:\n  SiteLogs: {Type: AWS::S3::Bucket}\n");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
        Mailbox.register(registry);
    }

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogAdministration catalog;

    private CloudFormationSimulator aws;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        aws.outputs(Map.of("WebsiteURL", "http://{SiteName}.s3-website.example", "Index", "{IndexDocument}"));
        if (jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, TARGET) == 0) {
            catalog.register(new NewTarget(
                    TARGET, "Update dev", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, "ext-update"));
        }
    }

    private String blueprint() {
        var slug = "upd-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                BlueprintKind.STACK,
                new BlueprintMetadata(
                        "Updatable site " + slug,
                        "A site to update",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null),
                new NewVersion(V1, List.of(), null)));
        return slug;
    }

    private UUID provision(String blueprint, String siteName) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s",
                         "parameters": {"SiteName": "%s", "AdminPassword": "first-secret-1"},
                         "justification": "a site to update"}"""
                                .formatted(blueprint, TARGET, siteName));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return new ApprovedRequests(port)
                .provisioned(submitted.body().path("id").asString(), clock, jdbc);
    }

    private void approve(String requestId) {
        approve("approver", requestId);
    }

    /** Approves the round the API shows now, as a client that read the request's preview first. */
    private void approve(String approver, String requestId) {
        var decided = ApiClient.as(approver, port)
                .postJson(
                        "/api/v1/requests/" + requestId + "/decisions",
                        "{\"decision\": \"APPROVE\"%s}".formatted(shownRound(approver, requestId)));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    private String shownRound(String reader, String requestId) {
        var preview = ApiClient.as(reader, port)
                .get("/api/v1/requests/" + requestId)
                .body()
                .path("preview");
        return preview.isMissingNode() || preview.isNull()
                ? ""
                : ", \"round\": " + preview.path("round").asInt();
    }

    private void awaitState(String requestId, String state) {
        ApprovedRequests.awaitState(requestId, state, clock, jdbc);
    }

    /** Until the request's preview is stored (and its approvers invited); @return the change set's name */
    private String awaitPreview(String requestId, int round) {
        return clock.awaitAdvancing(
                        () -> jdbc.queryForList(
                                """
                                select preview ->> 'name' from vending_request
                                where id = ?::uuid and not preview_pending and (preview ->> 'round')::int = ?""",
                                String.class,
                                requestId,
                                round),
                        found -> !found.isEmpty())
                .getFirst();
    }

    private String fileUpdate(UUID environment, String body) {
        var filed = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/environments/" + environment + "/updates",
                        body,
                        UUID.randomUUID().toString());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.body().path("kind").asString()).isEqualTo("UPDATE");
        return filed.body().path("id").asString();
    }

    /** The parameters of a CreateChangeSet call, by key. */
    private static Map<String, String> parameters(Map<String, String> form) {
        var parameters = new java.util.HashMap<String, String>();
        for (int i = 1; form.containsKey("Parameters.member." + i + ".ParameterKey"); i++) {
            parameters.put(
                    form.get("Parameters.member." + i + ".ParameterKey"),
                    form.get("Parameters.member." + i + ".ParameterValue"));
        }
        return parameters;
    }

    private String stackId(UUID environment) {
        return jdbc.queryForObject(
                "select handles ->> 'StackId' from environment where id = ?", String.class, environment);
    }

    private int audited(String subject, String action) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ? and action = ?", Integer.class, subject, action);
    }

    private Map<String, Object> environmentRow(UUID environment) {
        return jdbc.queryForMap("select * from environment where id = ?", environment);
    }

    private static final SimulatedChange RENAME = new SimulatedChange(
            "Modify", "SiteBucket", "AWS::S3::Bucket", "old-site-bucket", "True", "BucketName", "Always", "SiteName");
    private static final SimulatedChange LOGS =
            new SimulatedChange("Add", "SiteLogs", "AWS::S3::Bucket", null, null, null, null, null);

    /**
     * Provision, then update to a newer version with a new site name (the NoEcho password kept): the change set is
     * computed first, approvers are mailed its diff and see it behind the mail's link, and approving runs exactly that
     * change set, once, with the request's token; the environment shows version 2, the new values and outputs.
     */
    @Test
    void anUpdateIsPreviewedShownToTheApproverAndItsChangeSetRunsOnceOnApproval() {
        var blueprint = blueprint();
        var environment = provision(blueprint, "old-site");
        catalog.addVersion(
                jdbc.queryForObject("select id from blueprint where slug = ?", UUID.class, blueprint),
                new NewVersion(V2, List.of(), null));
        aws.changesOnUpdate(RENAME, LOGS);

        var body =
                """
                {"version": 2, "parameters": {"SiteName": "new-site", "AdminPassword": ""},
                 "justification": "A new name and the logs bucket"}""";
        var key = UUID.randomUUID().toString();
        var requester = ApiClient.as("requester", port);
        var filed = requester.postJson("/api/v1/environments/" + environment + "/updates", body, key);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        var requestId = filed.body().path("id").asString();
        var replayed = requester.postJson("/api/v1/environments/" + environment + "/updates", body, key);
        assertThat(replayed.body().path("id").asString()).isEqualTo(requestId);
        assertThat(replayed.replayed()).isTrue();

        var changeSet = awaitPreview(requestId, 1);
        assertThat(changeSet).isEqualTo("vendo-" + requestId);
        // Computed, not executed: the stack is as it was.
        var creates = AwsStub.received("CreateChangeSet").stream()
                .map(AwsStub::form)
                .filter(form -> "UPDATE".equals(form.get("ChangeSetType")))
                .toList();
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst())
                .containsEntry("StackName", stackId(environment))
                .containsEntry("ChangeSetName", changeSet)
                .containsEntry("ClientToken", "vendo-" + requestId + "-create-change-set")
                .doesNotContainKey("Tags.member.1");
        // The NoEcho value was kept without anyone typing it again; the new version's parameter has its default.
        assertThat(parameters(creates.getFirst()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "SiteName", "new-site",
                        "IndexDocument", "index.html",
                        "AdminPassword", "first-secret-1",
                        "Logging", "Enabled"));
        assertThat(AwsStub.received("ExecuteChangeSet")).hasSize(1);

        // The mail shows the diff; the page behind its link too.
        var mail = Mailbox.awaitAbout("approver@vendo.local", "Approval needed: update of", requestId);
        assertThat(Mailbox.body(mail))
                .contains("1 to add, 1 to modify, 0 to remove (1 replaced or possibly replaced)")
                .contains("Modify SiteBucket (AWS::S3::Bucket), replacement: True")
                .contains("Properties.BucketName (requires recreation: Always; caused by parameter SiteName)")
                .contains("Add SiteLogs (AWS::S3::Bucket), replacement: -")
                .doesNotContain("first-secret-1");
        var approver = new WebSession(port).logIn("approver");
        var confirmation = approver.get(Mailbox.approvalLink(mail));
        assertThat(confirmation.status()).isEqualTo(200);
        var page = HtmlUtils.htmlUnescape(confirmation.body());
        assertThat(page).contains("What will change").contains(changeSet);
        var rows = page.split("data-testid=\"preview-row\"");
        assertThat(rows).hasSize(3);
        assertThat(rows[1])
                .contains("~ Modify")
                .contains("SiteBucket")
                .contains("Yes: replaced")
                .contains("Properties.BucketName (requires recreation: Always; caused by parameter SiteName)");
        assertThat(rows[2]).contains("+ Add").contains("SiteLogs");
        assertThat(HtmlUtils.htmlUnescape(approver.get("/approvals").body()))
                .contains("Update:")
                .contains("Modify SiteBucket (AWS::S3::Bucket), replacement: True");
        assertThat(HtmlUtils.htmlUnescape(approver.get("/requests/" + requestId).body()))
                .contains("What it will change")
                .contains("1 to add, 1 to modify");

        approve(requestId);
        awaitState(requestId, "SUCCEEDED");
        var executes = AwsStub.received("ExecuteChangeSet").stream()
                .map(AwsStub::form)
                .filter(form -> form.get("ChangeSetName").contains(changeSet))
                .toList();
        assertThat(executes).hasSize(1);
        assertThat(executes.getFirst())
                .containsEntry("ClientRequestToken", "vendo-" + requestId + "-execute-change-set");
        assertThat(AwsStub.received("ExecuteChangeSet")).hasSize(2);

        clock.awaitAdvancing(() -> environmentRow(environment).get("status"), "ACTIVE"::equals);
        clock.awaitAdvancing(() -> environmentRow(environment).get("busy_with") == null, Boolean::booleanValue);
        var row = environmentRow(environment);
        assertThat(row.get("blueprint_version")).isEqualTo(2);
        assertThat(row.get("parameters").toString())
                .contains("\"SiteName\": \"new-site\"")
                .contains("\"AdminPassword\": \"****\"")
                .contains("\"Logging\": \"Enabled\"");
        assertThat(row.get("outputs").toString()).contains("http://new-site.s3-website.example");
        assertThat(row.get("parameters_from").toString()).isEqualTo(requestId);
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment.toString(), "environment.updated") == 1);
        assertThat(audited(requestId, "request.previewed")).isEqualTo(1);
        assertThat(audited(requestId, "approval.opened")).isEqualTo(1);

        // A second update keeps the values of the first, the NoEcho one included.
        var second = fileUpdate(
                environment, "{\"parameters\": {\"IndexDocument\": \"home.html\"}, \"justification\": \"home\"}");
        awaitPreview(second, 1);
        var secondCreate = AwsStub.received("CreateChangeSet").stream()
                .map(AwsStub::form)
                .filter(form -> form.get("ChangeSetName").equals("vendo-" + second))
                .findFirst()
                .orElseThrow();
        assertThat(parameters(secondCreate))
                .containsEntry("SiteName", "new-site")
                .containsEntry("AdminPassword", "first-secret-1")
                .containsEntry("IndexDocument", "home.html");
    }

    /**
     * The stack changed after the preview (someone updated it by hand): the approved change set is OBSOLETE, so it is
     * never executed; a new one is computed, the approvers are asked again with it, and only that one runs.
     */
    @Test
    void aChangeSetGoneStaleIsComputedAgainAndApprovedAgainNeverExecutedBlindly() {
        var environment = provision(blueprint(), "stale-site");
        aws.changesOnUpdate(RENAME);
        var requestId = fileUpdate(
                environment, "{\"parameters\": {\"SiteName\": \"fresh-site\"}, \"justification\": \"rename\"}");
        var first = awaitPreview(requestId, 1);

        aws.changeOutOfBand(stackId(environment));
        approve(requestId);
        var second = awaitPreview(requestId, 2);
        assertThat(second).isEqualTo("vendo-" + requestId + "-2");
        assertThat(jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, requestId))
                .isEqualTo("PENDING_APPROVAL");
        assertThat(jdbc.queryForObject(
                        "select preview ->> 'note' from vending_request where id = ?::uuid", String.class, requestId))
                .contains("Recreated")
                .contains("OBSOLETE");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(requestId, "request.returned-for-approval") == 1);
        assertThat(audited(requestId, "approval.reopened")).isEqualTo(1);
        assertThat(audited(requestId, "execution.change-set-stale")).isEqualTo(1);
        var again = Mailbox.awaitAbout("approver@vendo.local", "Approval needed: update of", second);
        assertThat(Mailbox.body(again)).contains("approval again").contains("Recreated");
        var page = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("approver")
                .get("/requests/" + requestId)
                .body());
        assertThat(page)
                .contains("Recreated")
                .contains("data-testid=\"approval-round\"")
                .contains("Asked again (round");
        assertThat(aws.changeSets(stackId(environment)).get(first).executedAt).isZero();

        // The same approver decides again: a new round.
        approve(requestId);
        awaitState(requestId, "SUCCEEDED");
        var executed = AwsStub.received("ExecuteChangeSet").stream()
                .map(AwsStub::form)
                .filter(form -> form.get("ClientRequestToken").equals("vendo-" + requestId + "-execute-change-set"))
                .toList();
        assertThat(executed).hasSize(1);
        assertThat(executed.getFirst().get("ChangeSetName")).contains(second);
        assertThat(aws.changeSets(stackId(environment)).get(first).executedAt).isZero();
        clock.awaitAdvancing(
                () -> environmentRow(environment).get("outputs").toString(), outputs -> outputs.contains("fresh-site"));
    }

    private int decisionsBy(String approver, String requestId) {
        return jdbc.queryForObject(
                "select count(*) from approval_decision where request_id = ?::uuid and approver = ?",
                Integer.class,
                requestId,
                approver);
    }

    /** The ExecuteChangeSet calls of one request (its execute token), by change set name. */
    private List<String> executedChangeSets(String requestId) {
        return AwsStub.received("ExecuteChangeSet").stream()
                .map(AwsStub::form)
                .filter(form -> form.get("ClientRequestToken").equals("vendo-" + requestId + "-execute-change-set"))
                .map(form -> form.get("ChangeSetName"))
                .toList();
    }

    /**
     * The change set goes stale while an API client holds round 1's preview: another approver's approval finds it
     * OBSOLETE, so AWS computes round 2. A decision naming round 1 is refused with a 409 naming the current round and
     * its change set, one naming none is refused too, and nothing is recorded for either; on the request page a
     * round-1 form is refused with the reason above the new preview. Deciding on round 2 runs round 2's change set,
     * exactly once, and round 1's never.
     */
    @Test
    void aDecisionOnASupersededRoundIsRefusedThroughTheApiAndTheRequestPage() {
        var environment = provision(blueprint(), "api-round-site");
        aws.changesOnUpdate(RENAME);
        var requestId = fileUpdate(
                environment, "{\"parameters\": {\"SiteName\": \"api-round-two\"}, \"justification\": \"rename\"}");
        var first = awaitPreview(requestId, 1);
        var approver = ApiClient.as("approver", port);
        assertThat(approver.get("/api/v1/requests/" + requestId)
                        .body()
                        .path("preview")
                        .path("round")
                        .asInt())
                .isEqualTo(1);
        var page = new WebSession(port).logIn("approver");
        assertThat(page.get("/requests/" + requestId).body()).contains("name=\"round\" value=\"1\"");
        // The inbox shows round 1's diff, and its link to the request names that round.
        assertThat(page.get("/approvals").body()).contains("/requests/" + requestId + "?round=1");

        aws.changeOutOfBand(stackId(environment));
        approve("lead", requestId);
        var second = awaitPreview(requestId, 2);

        var stale = approver.postJson(
                "/api/v1/requests/" + requestId + "/decisions", "{\"decision\": \"APPROVE\", \"round\": 1}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().path("title").asString()).isEqualTo("Decision on a superseded preview");
        assertThat(stale.body().path("currentRound").asInt()).isEqualTo(2);
        assertThat(stale.body().path("decidedRound").asInt()).isEqualTo(1);
        assertThat(stale.body().path("currentPreview").asString()).isEqualTo(second);
        assertThat(stale.body().path("detail").asString())
                .contains("Nothing was recorded")
                .contains(second);
        var unnamed = approver.postJson("/api/v1/requests/" + requestId + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(400);
        assertThat(unnamed.body().path("detail").asString())
                .contains("name the round")
                .contains("round 2");
        var toCome = approver.postJson(
                "/api/v1/requests/" + requestId + "/decisions", "{\"decision\": \"APPROVE\", \"round\": 3}");
        assertThat(toCome.status()).as(toCome.toString()).isEqualTo(400);

        assertThat(HtmlUtils.htmlUnescape(
                        page.get("/requests/" + requestId + "?round=1").body()))
                .contains("data-testid=\"shown-round-superseded\"")
                .contains("What the inbox showed (round <span>1</span>) went stale since")
                .contains(second);
        assertThat(page.get("/requests/" + requestId + "?round=2").body()).doesNotContain("shown-round-superseded");
        var fromPage = page.post("/requests/" + requestId + "/decisions", Map.of("decision", "APPROVE", "round", "1"));
        assertThat(fromPage.location()).endsWith("/requests/" + requestId);
        var shown = HtmlUtils.htmlUnescape(page.get(fromPage.location()).body());
        assertThat(shown)
                .contains("Nothing was recorded: you decided on round 1")
                .contains(second)
                .contains("name=\"round\" value=\"2\"");
        assertThat(decisionsBy("approver", requestId)).isZero();
        assertThat(jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, requestId))
                .isEqualTo("PENDING_APPROVAL");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(requestId, "approval.refused") == 4);

        var decided = approver.postJson(
                "/api/v1/requests/" + requestId + "/decisions", "{\"decision\": \"APPROVE\", \"round\": 2}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        awaitState(requestId, "SUCCEEDED");
        assertThat(executedChangeSets(requestId)).hasSize(1).allSatisfy(name -> assertThat(name)
                .contains(second));
        assertThat(aws.changeSets(stackId(environment)).get(first).executedAt).isZero();
    }

    /**
     * In a real Chromium, the approver opens the mail's link and reads round 1's change set; before they confirm, it
     * goes stale (another approver's approval finds it OBSOLETE and AWS computes round 2). Their confirmation is
     * refused with the reason, nothing is decided, and the page now shows round 2's change set; confirming that one
     * runs exactly it.
     */
    @Test
    void theLinksConfirmationRefusesASupersededRoundAndShowsTheNewPreviewInABrowser() {
        var environment = provision(blueprint(), "link-round-site");
        aws.changesOnUpdate(RENAME);
        var requestId = fileUpdate(
                environment, "{\"parameters\": {\"SiteName\": \"link-round-two\"}, \"justification\": \"rename\"}");
        var first = awaitPreview(requestId, 1);
        var mail = Mailbox.awaitAbout("approver@vendo.local", "Approval needed: update of", requestId);
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "approver");
            page.navigate(Mailbox.approvalLink(mail) + "?decision=APPROVE&round=1");
            assertThat(page.getByTestId("preview-name")).hasText(first);
            assertThat(page.getByTestId("mailed-round-superseded")).hasCount(0);

            aws.changeOutOfBand(stackId(environment));
            approve("lead", requestId);
            var second = awaitPreview(requestId, 2);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.getByTestId("superseded")).isVisible();
            assertThat(page.getByTestId("superseded"))
                    .containsText("Nothing was decided: what you were shown went stale");
            assertThat(page.getByTestId("superseded")).containsText("you decided on round 1");
            assertThat(page.getByTestId("preview-name")).hasText(second);
            assertThat(page.getByTestId("preview-note")).containsText("Recreated");
            assertThat(decisionsBy("approver", requestId)).isZero();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.getByTestId("request-state")).isVisible();
            assertThat(page.getByText("You approved this request.")).isVisible();
        }
        awaitState(requestId, "SUCCEEDED");
        assertThat(decisionsBy("approver", requestId)).isEqualTo(1);
        assertThat(executedChangeSets(requestId)).hasSize(1).allSatisfy(name -> assertThat(name)
                .contains("vendo-" + requestId + "-2"));
        assertThat(aws.changeSets(stackId(environment)).get(first).executedAt).isZero();
    }

    /** A rollback fails the request and the environment with CloudFormation's reason for the first failed resource. */
    @Test
    void anUpdateThatRollsBackFailsWithAwssReason() {
        var environment = provision(blueprint(), "doomed-site");
        aws.changesOnUpdate(RENAME);
        aws.stackDuration(Duration.ofMillis(1500));
        aws.failNextUpdate("SiteBucket", "doomed-two already exists");
        var requestId = fileUpdate(
                environment, "{\"parameters\": {\"SiteName\": \"doomed-two\"}, \"justification\": \"rename\"}");
        awaitPreview(requestId, 1);
        approve(requestId);
        awaitState(requestId, "FAILED");
        assertThat(jdbc.queryForObject(
                        "select failure_reason from vending_request where id = ?::uuid", String.class, requestId))
                .isEqualTo("UPDATE_ROLLBACK_COMPLETE: SiteBucket UPDATE_FAILED: doomed-two already exists");
        clock.awaitAdvancing(() -> environmentRow(environment).get("status"), "FAILED"::equals);
        assertThat(environmentRow(environment).get("status_reason").toString()).contains("doomed-two already exists");
        assertThat(environmentRow(environment).get("parameters").toString()).contains("doomed-site");
    }

    private static final String SC = "AWS242ServiceCatalogService.";

    private static final String PRODUCT_TEMPLATE =
            """
            Parameters:
              InstanceType: {Type: String, AllowedValues: [t3.micro, t3.small]}
            Resources:
              Product: {Type: AWS::CloudFormation::WaitConditionHandle}
            """;

    private String kindBlueprint(BlueprintKind kind, Delivery delivery) {
        var slug = "upd-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                kind,
                new BlueprintMetadata(
                        "Updatable " + kind,
                        "A " + kind + " to update",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null),
                new NewVersion(PRODUCT_TEMPLATE, List.of(), delivery)));
        return slug;
    }

    private UUID provisionKind(String slug) {
        return provisionOn(slug, TARGET);
    }

    /** Provisions the blueprint (InstanceType t3.micro) on the target; @return its environment */
    private UUID provisionOn(String slug, String target) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": {"InstanceType": "t3.micro"},
                         "justification": "day-2"}"""
                                .formatted(slug, target));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return new ApprovedRequests(port)
                .provisioned(submitted.body().path("id").asString(), clock, jdbc);
    }

    private static String record(String recordId, String status, String type, String outputs) {
        return """
                {"RecordDetail": {"RecordId": "%s", "Status": "%s", "ProvisionedProductId": "pp-upd",
                  "RecordType": "%s", "RecordErrors": [], "RecordTags": []}, "RecordOutputs": [%s]}"""
                .formatted(recordId, status, type, outputs);
    }

    private static String provisionedProduct(String lastChange) {
        return """
                {"ProvisionedProductDetail": {"Name": "vendo-upd-product", "Arn": "arn:aws:servicecatalog:eu-west-1:%s:stack/vendo-upd-product/pp-upd",
                  "Type": "CFN_STACK", "Id": "pp-upd", "Status": "AVAILABLE", "CreatedTime": 1.7E9,
                  "IdempotencyToken": "vendo-provision", "LastRecordId": "%s", "LastProvisioningRecordId": "%s",
                  "LastSuccessfulProvisioningRecordId": "%s", "ProductId": "prod-upd", "ProvisioningArtifactId": "pa-upd1"},
                 "CloudWatchDashboards": []}"""
                .formatted(AwsStub.ACCOUNT, lastChange, lastChange, lastChange);
    }

    private static String planCreated(String planId, String planName) {
        return """
                {"PlanName": "%s", "PlanId": "%s", "ProvisionProductId": "pp-upd",
                 "ProvisionedProductName": "vendo-upd-product", "ProvisioningArtifactId": "pa-upd2"}"""
                .formatted(planName, planId);
    }

    /** DescribeProvisionedProductPlan's answer: a computed plan and its resource changes, in Service Catalog's words. */
    private static String planDescribed(String planId, String resourceChanges) {
        return """
                {"ProvisionedProductPlanDetails": {"CreatedTime": 1.7E9, "PathId": "lpv2-upd", "ProductId": "prod-upd",
                  "PlanName": "vendo-plan", "PlanId": "%s", "ProvisionProductId": "pp-upd",
                  "ProvisionProductName": "vendo-upd-product", "PlanType": "CLOUDFORMATION",
                  "ProvisioningArtifactId": "pa-upd2", "Status": "CREATE_SUCCESS", "UpdatedTime": 1.7E9,
                  "NotificationArns": [], "ProvisioningParameters": [{"Key": "InstanceType", "Value": "t3.small"}],
                  "Tags": [], "StatusMessage": ""},
                 "ResourceChanges": [%s]}"""
                .formatted(planId, resourceChanges);
    }

    private static final String RESIZE =
            """
            {"Action": "MODIFY", "LogicalResourceId": "Instance", "PhysicalResourceId": "i-0abc", "ResourceType": "AWS::EC2::Instance",
             "Replacement": "TRUE", "Scope": ["PROPERTIES"],
             "Details": [{"Target": {"Attribute": "PROPERTIES", "Name": "InstanceType", "RequiresRecreation": "ALWAYS"},
                          "Evaluation": "STATIC", "CausingEntity": "InstanceType"}]}""";

    private static final String VOLUME =
            """
            {"Action": "ADD", "LogicalResourceId": "DataVolume", "ResourceType": "AWS::EC2::Volume", "Scope": [], "Details": []}""";

    private static List<JsonNode> calls(String operation) {
        return AwsStub.receivedJson(SC + operation).stream().map(AwsStub::body).toList();
    }

    /**
     * A Service Catalog product's update is previewed like a stack's: a provisioned product plan (CLOUDFORMATION, the
     * new version's artifact, the request's IdempotencyToken) is computed before approvers are asked and its resource
     * changes are their diff. The product is then changed by someone else: the approved plan is stale, so it is never
     * executed but deleted, a new plan is computed and asked for again, and approving that one executes it, once,
     * with the request's token; UpdateProvisionedProduct is never called. The environment shows the version, the value
     * and the record's outputs.
     */
    @Test
    void aProductsUpdateIsPreviewedAsAPlanAndOnlyTheApprovedPlanIsExecuted() {
        var slug = kindBlueprint(
                BlueprintKind.SERVICE_CATALOG_PRODUCT, new Delivery.ServiceCatalogProduct("prod-upd", "pa-upd1", null));
        AwsStub.stubJson(SC + "ProvisionProduct", 200, record("rec-p", "CREATED", "PROVISION_PRODUCT", ""));
        AwsStub.stubJson(
                SC + "DescribeRecord",
                "{\"Id\": \"rec-p\"}",
                200,
                record(
                        "rec-p",
                        "SUCCEEDED",
                        "PROVISION_PRODUCT",
                        "{\"OutputKey\": \"Size\", \"OutputValue\": \"micro\"}"));
        AwsStub.stubJson(SC + "DescribeProvisionedProduct", "{\"Id\": \"pp-upd\"}", 200, provisionedProduct("rec-p"));
        AwsStub.stubJson(SC + "CreateProvisionedProductPlan", 200, planCreated("plan-1", "vendo-plan"));
        AwsStub.stubJson(
                SC + "DescribeProvisionedProductPlan",
                "{\"PlanId\": \"plan-1\"}",
                200,
                planDescribed("plan-1", RESIZE));
        AwsStub.stubJson(SC + "DeleteProvisionedProductPlan", 200, "{}");
        AwsStub.stubJson(
                SC + "ExecuteProvisionedProductPlan",
                200,
                record("rec-u", "CREATED", "UPDATE_PROVISIONED_PRODUCT", ""));
        AwsStub.stubJson(
                SC + "DescribeRecord",
                "{\"Id\": \"rec-u\"}",
                200,
                record(
                        "rec-u",
                        "SUCCEEDED",
                        "UPDATE_PROVISIONED_PRODUCT",
                        "{\"OutputKey\": \"Size\", \"OutputValue\": \"small\"}"));
        var environment = provisionKind(slug);
        catalog.addVersion(
                jdbc.queryForObject("select id from blueprint where slug = ?", UUID.class, slug),
                new NewVersion(
                        PRODUCT_TEMPLATE, List.of(), new Delivery.ServiceCatalogProduct("prod-upd", "pa-upd2", null)));

        var requestId = fileUpdate(
                environment,
                "{\"version\": 2, \"parameters\": {\"InstanceType\": \"t3.small\"}, \"justification\": \"bigger\"}");
        var first = awaitPreview(requestId, 1);
        assertThat(first).isEqualTo("vendo-" + requestId);
        var created = calls("CreateProvisionedProductPlan");
        assertThat(created).hasSize(1);
        var plan = created.getFirst();
        assertThat(plan.path("PlanName").asString()).isEqualTo(first);
        assertThat(plan.path("PlanType").asString()).isEqualTo("CLOUDFORMATION");
        assertThat(plan.path("ProductId").asString()).isEqualTo("prod-upd");
        assertThat(plan.path("ProvisionedProductName").asString()).isEqualTo("vendo-upd-product");
        assertThat(plan.path("ProvisioningArtifactId").asString()).isEqualTo("pa-upd2");
        assertThat(plan.path("IdempotencyToken").asString()).isEqualTo("vendo-" + requestId + "-create-plan");
        assertThat(plan.path("ProvisioningParameters").get(0).path("Key").asString())
                .isEqualTo("InstanceType");
        assertThat(plan.path("ProvisioningParameters").get(0).path("Value").asString())
                .isEqualTo("t3.small");
        assertThat(calls("ExecuteProvisionedProductPlan")).isEmpty();
        var shown = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("approver")
                .get("/requests/" + requestId)
                .body());
        assertThat(shown)
                .contains("0 to add, 1 to modify, 0 to remove (1 replaced or possibly replaced)")
                .contains("~ Modify")
                .contains("Yes: replaced")
                .contains("Properties.InstanceType (requires recreation: Always; caused by InstanceType)")
                .contains("name=\"round\" value=\"1\"");

        // Someone changes the product in Service Catalog: the plan no longer shows what executing it would do.
        AwsStub.stubJson(SC + "DescribeProvisionedProduct", "{\"Id\": \"pp-upd\"}", 200, provisionedProduct("rec-oob"));
        AwsStub.stubJson(
                SC + "CreateProvisionedProductPlan",
                "{\"PlanName\": \"vendo-%s-2\"}".formatted(requestId),
                200,
                planCreated("plan-2", "vendo-" + requestId + "-2"));
        AwsStub.stubJson(
                SC + "DescribeProvisionedProductPlan",
                "{\"PlanId\": \"plan-2\"}",
                200,
                planDescribed("plan-2", RESIZE + ", " + VOLUME));
        approve("lead", requestId);
        var second = awaitPreview(requestId, 2);
        assertThat(second).isEqualTo("vendo-" + requestId + "-2");
        assertThat(jdbc.queryForObject(
                        "select preview ->> 'note' from vending_request where id = ?::uuid", String.class, requestId))
                .contains("Recreated")
                .contains("was changed by record rec-oob");
        assertThat(calls("DeleteProvisionedProductPlan")).singleElement().satisfies(deleted -> assertThat(
                        deleted.path("PlanId").asString())
                .isEqualTo("plan-1"));
        assertThat(calls("CreateProvisionedProductPlan")).hasSize(2);
        assertThat(calls("CreateProvisionedProductPlan")
                        .get(1)
                        .path("IdempotencyToken")
                        .asString())
                .isEqualTo("vendo-" + requestId + "-create-plan-2");
        assertThat(calls("ExecuteProvisionedProductPlan")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(requestId, "execution.product-plan-stale") == 1);

        approve(requestId);
        awaitState(requestId, "SUCCEEDED");
        assertThat(calls("ExecuteProvisionedProductPlan")).singleElement().satisfies(executed -> {
            assertThat(executed.path("PlanId").asString()).isEqualTo("plan-2");
            assertThat(executed.path("IdempotencyToken").asString()).isEqualTo("vendo-" + requestId + "-execute-plan");
        });
        assertThat(AwsStub.receivedJson(SC + "UpdateProvisionedProduct")).isEmpty();
        clock.awaitAdvancing(() -> environmentRow(environment).get("blueprint_version"), version -> Integer.valueOf(2)
                .equals(version));
        var row = environmentRow(environment);
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("parameters").toString()).contains("t3.small");
        assertThat(row.get("outputs").toString()).contains("small");
    }

    /** A StackSet's instances in the environment's account and regions are updated by one operation, with overrides. */
    @Test
    void aStackSetsInstancesAreUpdatedByOneOperationWithTheNewValuesAsOverrides() {
        var slug = kindBlueprint(
                BlueprintKind.STACK_SET,
                new Delivery.StackSet("upd-guardrails", List.of("eu-west-1", "eu-central-1"), 50, 0));
        var environment = provisionKind(slug);
        var requestId = fileUpdate(
                environment, "{\"parameters\": {\"InstanceType\": \"t3.small\"}, \"justification\": \"bigger\"}");
        approve(requestId);
        awaitState(requestId, "SUCCEEDED");

        var updates = AwsStub.received("UpdateStackInstances");
        assertThat(updates).hasSize(1);
        assertThat(AwsStub.form(updates.getFirst()))
                .containsEntry("StackSetName", "upd-guardrails")
                .containsEntry("OperationId", "vendo-" + requestId + "-update-stack-instances")
                .containsEntry("Accounts.member.1", AwsStub.ACCOUNT)
                .containsEntry("Regions.member.1", "eu-west-1")
                .containsEntry("Regions.member.2", "eu-central-1")
                .containsEntry("ParameterOverrides.member.1.ParameterKey", "InstanceType")
                .containsEntry("ParameterOverrides.member.1.ParameterValue", "t3.small");
        assertThat(aws.stackSetOperations().get("upd-guardrails").values())
                .extracting(io.vendo.support.StackSetSimulator.Operation::action)
                .containsExactlyInAnyOrder("CREATE", "UPDATE");
        clock.awaitAdvancing(
                () -> environmentRow(environment).get("parameters").toString(),
                parameters -> parameters.contains("t3.small"));
        assertThat(environmentRow(environment).get("status")).isEqualTo("ACTIVE");
    }

    /** Refusals are problem details, and nothing is stored for any of them. */
    @Test
    void whatMayNotBeAskedIsRefusedAndStoresNothing() {
        var blueprint = blueprint();
        var environment = provision(blueprint, "refused-site");
        var requester = ApiClient.as("requester", port);
        var before = jdbc.queryForObject("select count(*) from vending_request", Integer.class);
        var path = "/api/v1/environments/" + environment + "/updates";

        var notOwner = ApiClient.as("lead", port)
                .postJson(path, "{\"parameters\": {\"SiteName\": \"mine-now\"}, \"justification\": \"mine\"}");
        assertThat(notOwner.status()).isEqualTo(403);
        var invalid = requester.postJson(
                path,
                "{\"parameters\": {\"SiteName\": \"Not Valid\", \"AdminPassword\": \"short\"}, \"justification\": \"x\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().path("errors").path("SiteName").asString()).isNotEmpty();
        assertThat(invalid.body().path("errors").path("AdminPassword").asString())
                .isNotEmpty();
        var unknownParameter =
                requester.postJson(path, "{\"parameters\": {\"Nonsense\": \"1\"}, \"justification\": \"x\"}");
        assertThat(unknownParameter.status()).isEqualTo(400);
        var noSuchVersion = requester.postJson(path, "{\"version\": 7, \"justification\": \"x\"}");
        assertThat(noSuchVersion.status()).isEqualTo(400);
        assertThat(noSuchVersion.body().path("title").asString()).isEqualTo("No such version");
        var nothing = requester.postJson(
                path, "{\"parameters\": {\"SiteName\": \"refused-site\"}, \"justification\": \"same\"}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body().path("title").asString()).isEqualTo("Nothing to change");
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(before);

        var filed =
                fileUpdate(environment, "{\"parameters\": {\"SiteName\": \"busy-site\"}, \"justification\": \"one\"}");
        var busy = requester.postJson(
                path, "{\"parameters\": {\"SiteName\": \"other-site\"}, \"justification\": \"two\"}");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.body().path("title").asString()).isEqualTo("Environment busy");
        var cancelled = requester.postJson("/api/v1/requests/" + filed + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitState(filed, "CANCELLED");
        clock.awaitAdvancing(() -> environmentRow(environment).get("busy_with") == null, Boolean::booleanValue);

        catalog.retire(jdbc.queryForObject("select id from blueprint where slug = ?", UUID.class, blueprint));
        var retired = requester.postJson(
                path, "{\"parameters\": {\"SiteName\": \"late-site\"}, \"justification\": \"late\"}");
        assertThat(retired.status()).isEqualTo(409);
        assertThat(retired.body().path("title").asString()).isEqualTo("Blueprint retired");
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(before + 1);
    }

    /**
     * In a real Chromium: the owner opens the environment's Update action, sees the form of its version prefilled (the
     * NoEcho field empty, kept unless typed), a refused value beside its field, then files the update and follows it
     * to the request page, which shows the change set's diff once AWS computed it.
     */
    @Test
    void theEnvironmentPagesUpdateActionInABrowser() {
        var environment = provision(blueprint(), "browser-site");
        aws.changesOnUpdate(RENAME);
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.navigate(url("/environments/" + environment));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Update…"))
                    .click();
            assertThat(page.getByLabel("SiteName")).hasValue("browser-site");
            assertThat(page.getByLabel("IndexDocument")).hasValue("index.html");
            assertThat(page.getByLabel("AdminPassword")).hasValue("");
            assertThat(page.getByTestId("secret-kept")).isVisible();

            page.getByLabel("SiteName").fill("Bad Name");
            page.getByLabel("Justification").fill("Rename the site");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request update"))
                    .click();
            assertThat(page.getByTestId("error-summary")).isVisible();
            assertThat(page.locator(".field-error")).hasCount(1);

            page.getByLabel("SiteName").fill("browser-two");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request update"))
                    .click();
            assertThat(page.getByTestId("day-two")).containsText("UPDATE");
            var requestId = page.url().substring(page.url().lastIndexOf('/') + 1);
            awaitPreview(requestId, 1);
            page.reload();
            assertThat(page.getByTestId("preview-row")).hasCount(1);
            assertThat(page.getByTestId("preview-row")).containsText("SiteBucket");
        }
    }

    private void logIn(Page page, String user) {
        page.navigate(url("/login"));
        ChromiumPages.fillLogIn(page, user);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Catalog").setExact(true)))
                .isVisible();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static final String ORG_TARGET = "update-org";
    private static final String OU = "ou-ab12-workloads";

    /** A STACK_SET blueprint for the OU, two accounts at a time, one failure tolerated, regions in parallel. */
    private String organizationBlueprint(String unit) {
        if (jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, ORG_TARGET) == 0) {
            catalog.register(new NewTarget(
                    ORG_TARGET,
                    "Organization StackSets",
                    AwsStub.ACCOUNT,
                    "eu-west-1",
                    EnvironmentTier.DEV,
                    null,
                    null,
                    List.of(),
                    List.of(OU)));
        }
        return kindBlueprint(
                BlueprintKind.STACK_SET,
                new Delivery.StackSet(
                        "upd-org-" + UUID.randomUUID().toString().substring(0, 8),
                        List.of("eu-west-1", "eu-central-1"),
                        0,
                        0,
                        2,
                        1,
                        "PARALLEL",
                        StackSetPermissionModel.SERVICE_MANAGED,
                        List.of(unit),
                        true,
                        false,
                        null));
    }

    /**
     * A StackSet for an OU: provisioning makes the request's values the StackSet's parameters (UpdateStackSet, service-
     * managed, auto-deployment) and then creates the OU's instances without overrides; an UPDATE shows approvers the old
     * and new values, then changes the StackSet's parameters with UpdateStackSet — the blueprint's preferences, the
     * request's OperationId — and the request page lists every account's and region's instance.
     */
    @Test
    void anOrganizationsStackSetIsUpdatedByUpdateStackSetWithItsPreferencesAfterApproversSawOldAndNewValues() {
        aws.organizationalUnit(OU, "210987654321", "123456789012");
        var slug = organizationBlueprint(OU);
        var environment = provisionOn(slug, ORG_TARGET);
        var stackSet = environmentRow(environment).get("handles").toString();
        assertThat(stackSet).contains("\"StackSetOrganizationalUnits\": \"" + OU + "\"");
        var provisioning = AwsStub.received("UpdateStackSet");
        assertThat(provisioning).hasSize(1);
        assertThat(AwsStub.form(provisioning.getFirst()))
                .containsEntry("PermissionModel", "SERVICE_MANAGED")
                .containsEntry("AutoDeployment.Enabled", "true")
                .containsEntry("AutoDeployment.RetainStacksOnAccountRemoval", "false")
                .containsEntry("UsePreviousTemplate", "true")
                .containsEntry("Parameters.member.1.ParameterKey", "InstanceType")
                .containsEntry("Parameters.member.1.ParameterValue", "t3.micro");
        var created = AwsStub.received("CreateStackInstances");
        assertThat(created).hasSize(1);
        assertThat(AwsStub.form(created.getFirst()))
                .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", OU)
                .doesNotContainKey("Accounts.member.1")
                .doesNotContainKey("ParameterOverrides.member.1.ParameterKey");
        assertThat(jdbc.queryForObject(
                        "select outputs::text from vending_request where id = (select provisioned_by from environment"
                                + " where id = ?)",
                        String.class,
                        environment))
                .contains("Instance 210987654321 eu-west-1")
                .contains("Instance 123456789012 eu-central-1");

        var requestId = fileUpdate(
                environment, "{\"parameters\": {\"InstanceType\": \"t3.small\"}, \"justification\": \"tighter\"}");
        // Before anyone decides: the old and the new value, and the call that carries them.
        var mail =
                Mailbox.awaitAbout("approver@vendo.local", "Approval needed: update of", "(by UpdateStackSet upd-org-");
        assertThat(Mailbox.body(mail)).contains("InstanceType t3.micro → t3.small");
        var approver = new WebSession(port).logIn("approver");
        var confirmation =
                HtmlUtils.htmlUnescape(approver.get(Mailbox.approvalLink(mail)).body());
        var rows = confirmation.split("data-testid=\"preview-parameter\"");
        assertThat(rows).hasSize(2);
        assertThat(rows[1]).contains("InstanceType").contains("t3.micro").contains("t3.small");
        assertThat(confirmation).contains("The StackSet's parameters change for every stack instance in " + OU);
        assertThat(AwsStub.received("UpdateStackSet")).hasSize(1);

        approve(requestId);
        awaitState(requestId, "SUCCEEDED");

        var updates = AwsStub.received("UpdateStackSet").stream()
                .map(AwsStub::form)
                .filter(form -> form.get("OperationId").equals("vendo-" + requestId + "-update-stack-set"))
                .toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst())
                .containsEntry("Parameters.member.1.ParameterValue", "t3.small")
                .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", OU)
                .containsEntry("Regions.member.1", "eu-west-1")
                .containsEntry("Regions.member.2", "eu-central-1")
                .containsEntry("OperationPreferences.MaxConcurrentCount", "2")
                .containsEntry("OperationPreferences.FailureToleranceCount", "1")
                .containsEntry("OperationPreferences.RegionConcurrencyType", "PARALLEL")
                .containsEntry("OperationPreferences.RegionOrder.member.1", "eu-west-1")
                .containsEntry("OperationPreferences.RegionOrder.member.2", "eu-central-1")
                .doesNotContainKey("OperationPreferences.MaxConcurrentPercentage")
                .doesNotContainKey("OperationPreferences.FailureTolerancePercentage");
        assertThat(AwsStub.received("UpdateStackInstances")).isEmpty();
        assertThat(AwsStub.received("DescribeStackSetOperation").stream().map(AwsStub::form))
                .anyMatch(form -> form.get("OperationId").equals("vendo-" + requestId + "-update-stack-set"));
        clock.awaitAdvancing(
                () -> environmentRow(environment).get("parameters").toString(),
                parameters -> parameters.contains("t3.small"));

        // The request page: every account's and region's instance, as ListStackInstances reports it.
        var page = HtmlUtils.htmlUnescape(approver.get("/requests/" + requestId).body());
        var instances = page.split("data-testid=\"stackset-instance\"");
        assertThat(instances).hasSize(5);
        assertThat(page)
                .contains("210987654321")
                .contains("123456789012")
                .contains("CURRENT · SUCCEEDED")
                .contains("NOT_CHECKED")
                .contains("OUs " + OU + " in eu-west-1, eu-central-1");
        // The environment's page leads there from its StackSet's handles.
        var environmentPage = new WebSession(port).logIn("requester").get("/environments/" + environment);
        assertThat(environmentPage.body())
                .contains("data-testid=\"stackset-instances-link\"")
                .contains("href=\"/requests/" + requestId + "\"");
    }

    /** OU targets: malformed OU ids refuse the blueprint, OUs the target does not list refuse the request. */
    @Test
    void organizationalUnitsThatAreMalformedOrNotAllowedAreRefusedAndNothingIsStored() {
        var admin = ApiClient.as("admin", port);
        var malformed = admin.postJson(
                "/api/v1/blueprints",
                """
                {"slug": "upd-bad-ou", "kind": "STACK_SET", "name": "Bad OU", "owner": "security-team",
                 "template": %s,
                 "delivery": {"type": "StackSet", "stackSetName": "bad-ou", "regions": ["eu-west-1"],
                              "permissionModel": "SERVICE_MANAGED", "organizationalUnits": ["Workloads"],
                              "maxConcurrentCount": 1, "failureToleranceCount": 0}}"""
                        .formatted(tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(PRODUCT_TEMPLATE)));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed
                        .body()
                        .path("errors")
                        .path("delivery.organizationalUnits")
                        .asString())
                .isEqualTo("'Workloads' is not an OU id such as ou-ab12-cd34ef56 or a root id such as r-ab12");
        assertThat(jdbc.queryForObject("select count(*) from blueprint where slug = 'upd-bad-ou'", Integer.class))
                .isZero();

        var elsewhere = organizationBlueprint("ou-ab12-elsewhere1");
        var before = jdbc.queryForObject("select count(*) from vending_request", Integer.class);
        var requester = ApiClient.as("requester", port);
        var body = "{\"blueprint\": \"%s\", \"target\": \"%s\", \"parameters\": {\"InstanceType\": \"t3.micro\"},"
                + " \"justification\": \"elsewhere\"}";
        var notListed = requester.postJson("/api/v1/requests", body.formatted(elsewhere, ORG_TARGET));
        assertThat(notListed.status()).as(notListed.toString()).isEqualTo(400);
        assertThat(notListed.contentType()).startsWith("application/problem+json");
        assertThat(notListed.body().path("errors").path("target").asString())
                .isEqualTo("Target update-org allows StackSets in " + OU + " only, not in ou-ab12-elsewhere1");
        var noneListed = requester.postJson("/api/v1/requests", body.formatted(elsewhere, TARGET));
        assertThat(noneListed.status()).as(noneListed.toString()).isEqualTo(400);
        assertThat(noneListed.body().path("errors").path("target").asString())
                .startsWith("Target update-dev allows no organizational units");
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(before);
        assertThat(AwsStub.received("UpdateStackSet")).isEmpty();
    }
}
