package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.LiveAws;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The demo's three-tier composite travels the whole way through the real SDK against the CloudFormation simulator:
 * network, then database, then app, each its own stack created after the outputs it needs exist and given them as
 * parameters in its CreateChangeSet; a failed database stops the app; the environment is decommissioned in reverse.
 */
@VendoIntegrationTest
class CompositeExecutionFlowTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";
    private static final String PASSWORD = "correct-horse-battery";

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    JdbcTemplate jdbc;

    private CloudFormationSimulator aws;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        aws.stackDuration(Duration.ofMillis(300));
        aws.outputs("tier-app-network-", Map.of("VpcId", "vpc-0net", "PrivateSubnetIds", "subnet-0a,subnet-0b"));
        aws.outputs("tier-app-database-", Map.of("Endpoint", "tiers.db.internal", "Port", "5432"));
        aws.outputs(
                "tier-app-app-",
                Map.of("ServiceArn", "arn:aws:ecs:eu-west-1:111122223333:service/app", "ClusterName", "app-dev"));
        catalog.register(new NewTarget(
                "composite-dev", "Dev (composite)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, "ext-1"));
    }

    @Test
    void networkThenDatabaseThenAppEachGetsTheOutputsItNeedsAndTheEnvironmentIsDecommissionedInReverse() {
        var id = submitAndApprove();
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).as(request.toString()).isEqualTo("SUCCEEDED");
        var network = stack("network", id);
        var database = stack("database", id);
        var app = stack("app", id);
        // In dependency order: each change set was created only after the stack it needs was seen complete.
        assertThat(network.seenCompleteAt).isPositive().isLessThanOrEqualTo(database.startedAt);
        assertThat(database.seenCompleteAt).isPositive().isLessThanOrEqualTo(app.startedAt);
        assertThat(network.parameters).containsEntry("CidrBlock", "10.40.0.0/16");
        assertThat(database.parameters)
                .containsEntry("VpcId", "vpc-0net")
                .containsEntry("SubnetIds", "subnet-0a,subnet-0b")
                .containsEntry("MasterPassword", PASSWORD)
                .containsEntry("AllocatedStorage", "50");
        assertThat(app.parameters)
                .containsEntry("DbEndpoint", "tiers.db.internal")
                .containsEntry("SubnetIds", "subnet-0a,subnet-0b")
                .containsEntry("Stage", "dev")
                .containsEntry("Image", "public.ecr.aws/nginx/nginx:1.27");
        // One stack per component, each with its own tokens.
        assertThat(aws.stackList()).hasSize(3);
        var creates =
                AwsStub.received("CreateChangeSet").stream().map(AwsStub::form).toList();
        assertThat(creates)
                .extracting(form -> form.get("ClientToken"))
                .doesNotHaveDuplicates()
                .hasSize(3);
        assertThat(request.path("outputs").path("network.VpcId").asString()).isEqualTo("vpc-0net");
        assertThat(request.path("outputs").path("app.ServiceArn").asString())
                .isEqualTo("arn:aws:ecs:eu-west-1:111122223333:service/app");

        var events = ApiClient.as("requester", port)
                .get("/api/v1/requests/" + id + "/events")
                .body()
                .toString();
        assertThat(events)
                .contains("execution.component-started", "DbEndpoint=tiers.db.internal", "MasterPassword=****")
                .doesNotContain(PASSWORD);
        var page = HtmlUtils.htmlUnescape(
                new WebSession(port).logIn("requester").get("/requests/" + id).body());
        assertThat(page)
                .contains("data-component=\"network\"", "tiers.db.internal")
                .doesNotContain(PASSWORD);

        var environment =
                jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);
        var handles =
                jdbc.queryForObject("select handles::text from environment where id = ?", String.class, environment);
        assertThat(handles).contains("network.StackId", "database.StackId", "app.StackId");

        var decommission = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/environments/" + environment + "/decommissions",
                        "{\"justification\": \"Tiers no longer needed\"}");
        assertThat(decommission.status()).as(decommission.body().toString()).isEqualTo(201);
        var decommissionId = decommission.body().path("id").asString();
        approve(decommissionId);
        var decommissioned = awaitTerminal(decommissionId);
        assertThat(decommissioned.path("state").asString())
                .as(decommissioned.toString())
                .isEqualTo("SUCCEEDED");
        // In reverse: a stack's deletion started only after the stacks that need it were deleted.
        assertThat(app.deleteStartedAt).isPositive();
        assertThat(app.deleteStartedAt + 300).isLessThanOrEqualTo(database.deleteStartedAt);
        assertThat(database.deleteStartedAt + 300).isLessThanOrEqualTo(network.deleteStartedAt);
        assertThat(AwsStub.received("DeleteStack").stream().map(AwsStub::form).map(form -> form.get("StackName")))
                .containsExactly(app.id, database.id, network.id);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForObject(
                                "select status from environment where id = ?", String.class, environment),
                        "DECOMMISSIONED"::equals);
    }

    @Test
    void aFailedDatabaseStopsTheAppAndTheRequestNamesIt() {
        aws.rollBack("tier-app-database-");
        var id = submitAndApprove();
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .startsWith("Component database failed: ")
                .contains("ROLLBACK_COMPLETE")
                .endsWith("; not started: app");
        assertThat(aws.stackList())
                .extracting(stack -> stack.name)
                .hasSize(2)
                .noneMatch(name -> name.startsWith("vendo-three-tier-app-app-"));
        assertThat(states(id))
                .containsExactly(
                        Map.entry("network", "SUCCEEDED"),
                        Map.entry("database", "FAILED"),
                        Map.entry("app", "NOT_STARTED"));
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/requests/" + id);
            var components = page.getByTestId("component");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(components)
                    .hasCount(3);
            assertThat(shownStates(page)).containsExactly("network SUCCEEDED", "database FAILED", "app NOT_STARTED");
            var network = page.locator("[data-component=network]");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            network.getByTestId("component-outputs"))
                    .containsText("VpcId = vpc-0net");
            var database = page.locator("[data-component=database]");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(database)
                    .containsText("after network");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            database.getByTestId("component-parameters"))
                    .containsText("VpcId = vpc-0net");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            database.getByTestId("component-parameters"))
                    .containsText("MasterPassword = ****");
            database.locator("summary").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            database.locator("details li").first())
                    .containsText("started (attempt 1)");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-component=app]"))
                    .containsText("Not started: database failed");

            // The database's trouble is fixed: retry from the failed component, on the page.
            aws.rollBackNothing();
            assertThat(AwsStub.received("DeleteStack")).isEmpty();
            page.onDialog(dialog -> dialog.accept());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry from the failed component"))
                    .click();
            var retried = awaitTerminal(id);
            assertThat(retried.path("state").asString()).as(retried.toString()).isEqualTo("SUCCEEDED");
            page.reload();
            assertThat(shownStates(page)).containsExactly("network SUCCEEDED", "database SUCCEEDED", "app SUCCEEDED");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.locator("[data-component=database]"))
                    .containsText("attempt 2");
        }
        // The network was not deployed again; the database's rolled-back stack (which cannot be resumed, and whose
        // name CloudFormation keeps until it is deleted) was deleted once, then a new one created once.
        assertThat(aws.stackList().stream().filter(stack -> stack.name.startsWith("vendo-three-tier-app-network-")))
                .singleElement()
                .satisfies(network -> assertThat(network.deleteStartedAt).isZero());
        var databases = aws.stackList().stream()
                .filter(stack -> stack.name.startsWith("vendo-three-tier-app-database-"))
                .sorted(java.util.Comparator.comparingLong(stack -> stack.startedAt))
                .toList();
        assertThat(databases).hasSize(2);
        var rolledBack = databases.getFirst();
        var recreated = databases.getLast();
        var deletes =
                AwsStub.received("DeleteStack").stream().map(AwsStub::form).toList();
        assertThat(deletes).singleElement().satisfies(form -> {
            assertThat(form.get("StackName")).isEqualTo(rolledBack.id);
            assertThat(form.get("ClientRequestToken")).startsWith("vendo-").endsWith("-delete-stack");
        });
        assertThat(rolledBack.deleteStartedAt).isPositive().isLessThanOrEqualTo(recreated.startedAt);
        assertThat(recreated.deleteStartedAt).isZero();
        assertThat(AwsStub.received("CreateChangeSet").stream()
                        .map(AwsStub::form)
                        .filter(form -> form.get("StackName").startsWith("vendo-three-tier-app-database-")))
                .extracting(form -> form.get("StackName"))
                .containsExactly(rolledBack.name, recreated.name);
        assertThat(recreated.parameters).containsEntry("VpcId", "vpc-0net");
        var app = stack("app", id);
        assertThat(recreated.seenCompleteAt).isPositive().isLessThanOrEqualTo(app.startedAt);
        assertThat(app.parameters).containsEntry("DbEndpoint", "tiers.db.internal");
        assertThat(jdbc.queryForObject(
                        "select events::text from composite_component where request_id = ?::uuid and component = ?",
                        String.class,
                        id,
                        "database"))
                .contains("after deleting the failed stack " + rolledBack.id, "DELETE_COMPLETE")
                .contains("deleted the failed stack " + rolledBack.id);
        assertThat(states(id))
                .containsExactly(
                        Map.entry("network", "SUCCEEDED"),
                        Map.entry("database", "SUCCEEDED"),
                        Map.entry("app", "SUCCEEDED"));
        var again = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/retry", "{}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anAbandonedCompositeHasEveryStackItLeftDeletedInReverseOrderOnceAndEndsAbandoned() {
        aws.rollBack("tier-app-database-");
        var id = submitAndApprove();
        assertThat(awaitTerminal(id).path("state").asString()).isEqualTo("FAILED");
        var network = stack("network", id);
        var rolledBack = stack("database", id);
        var deletesBefore = AwsStub.received("DeleteStack").size();

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/requests/" + id);
            page.onDialog(dialog -> dialog.accept());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abandon and delete its stacks"))
                    .click();
            var abandoned = awaitState(id, "ABANDONED");
            assertThat(abandoned.path("failureReason").asString()).startsWith("Component database failed: ");
            page.reload();
            assertThat(shownStates(page)).containsExactly("network DELETED", "database DELETED", "app DELETED");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.locator("[data-component=database]"))
                    .containsText("attempt 2");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByTestId("request-state"))
                    .containsText("ABANDONED");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(
                            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry from the failed component")))
                    .hasCount(0);
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(
                            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abandon and delete its stacks")))
                    .hasCount(0);
        }
        // The database's rolled-back stack first (the app, which needs it, never had one), then the network's: each
        // once, with a token of its own derived from the request, the component and the attempt.
        var deletes = AwsStub.received("DeleteStack").stream()
                .skip(deletesBefore)
                .map(AwsStub::form)
                .toList();
        assertThat(deletes).extracting(form -> form.get("StackName")).containsExactly(rolledBack.id, network.id);
        assertThat(deletes)
                .extracting(form -> form.get("ClientRequestToken"))
                .doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).startsWith("vendo-").endsWith("-delete-stack"));
        assertThat(rolledBack.deleteStartedAt).isPositive();
        assertThat(rolledBack.deleteStartedAt + 300).isLessThanOrEqualTo(network.deleteStartedAt);
        assertThat(aws.stackList()).hasSize(2);
        assertThat(states(id))
                .containsExactly(
                        Map.entry("network", "DELETED"), Map.entry("database", "DELETED"), Map.entry("app", "DELETED"));

        var events = ApiClient.as("requester", port)
                .get("/api/v1/requests/" + id + "/events")
                .body()
                .toString();
        assertThat(events)
                .contains(
                        "request.abandoning",
                        "execution.component-deleting",
                        "execution.component-deleted",
                        "request.abandoned",
                        rolledBack.id,
                        network.id)
                .doesNotContain(PASSWORD);
        var again = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/retry", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(ApiClient.as("requester", port)
                        .postJson("/api/v1/requests/" + id + "/abandon", "{}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anAbandonmentAwsRefusesKeepsWhatTheUndeletedStackNeedsAndAbandoningAgainFinishesWithNewTokens() {
        aws.rollBack("tier-app-app-");
        var id = submitAndApprove();
        assertThat(awaitTerminal(id).path("state").asString()).isEqualTo("FAILED");
        var network = stack("network", id);
        var database = stack("database", id);
        var app = stack("app", id);
        var deletesBefore = AwsStub.received("DeleteStack").size();
        aws.failDeletion("tier-app-database-", "DbSubnetGroup", "has dependent objects");

        var abandoned = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/abandon", "{}");
        assertThat(abandoned.status()).as(abandoned.body().toString()).isEqualTo(200);
        var stopped = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> ApiClient.as("requester", port)
                                .get("/api/v1/requests/" + id)
                                .body(),
                        body -> body.path("state").asString().equals("FAILED")
                                && body.path("failureReason").asString().startsWith("Abandoning stopped"));
        // The app's rolled-back stack went first; the database's could not be deleted, so the network it needs stays.
        assertThat(stopped.path("failureReason").asString())
                .isEqualTo("Abandoning stopped: component database: Could not delete its stack " + database.id
                        + ": DELETE_FAILED: DbSubnetGroup DELETE_FAILED: has dependent objects; kept: network."
                        + " Abandon it again to try again.");
        assertThat(states(id))
                .containsExactly(
                        Map.entry("network", "KEPT"),
                        Map.entry("database", "DELETE_FAILED"),
                        Map.entry("app", "DELETED"));
        assertThat(network.deleteStartedAt).isZero();
        assertThat(ApiClient.as("requester", port)
                        .postJson("/api/v1/requests/" + id + "/retry", "{}")
                        .body()
                        .path("detail")
                        .asString())
                .isEqualTo("Request " + id + " was abandoned: its stacks are deleted");

        // The dependency is gone: abandoning again deletes the database's stack with a new token, then the network's.
        aws.deleteNormally();
        var again = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/abandon", "{}");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        awaitState(id, "ABANDONED");
        var deletes = AwsStub.received("DeleteStack").stream()
                .skip(deletesBefore)
                .map(AwsStub::form)
                .toList();
        assertThat(deletes)
                .extracting(form -> form.get("StackName"))
                .containsExactly(app.id, database.id, database.id, network.id);
        assertThat(deletes).extracting(form -> form.get("ClientRequestToken")).doesNotHaveDuplicates();
        assertThat(states(id))
                .containsExactly(
                        Map.entry("network", "DELETED"), Map.entry("database", "DELETED"), Map.entry("app", "DELETED"));
    }

    @Test
    void abandoningIsRefusedAsProblemDetailsUnlessTheRequesterAbandonsAFailedCompositeAndAKeyReplaysIt() {
        aws.rollBack("tier-app-network-");
        var id = submitAndApprove();
        assertThat(awaitTerminal(id).path("state").asString()).isEqualTo("FAILED");

        // A team mate sees the request but may not abandon it; an unknown request is not found.
        var lead = ApiClient.as("lead", port).postJson("/api/v1/requests/" + id + "/abandon", "{}", "lead-key");
        assertThat(lead.status()).isEqualTo(403);
        assertThat(lead.contentType()).startsWith("application/problem+json");
        assertThat(lead.body().path("title").asString()).isEqualTo("Abandon refused");
        // An approver who took part in deciding it sees it too, and may not either.
        assertThat(ApiClient.as("approver", port)
                        .postJson("/api/v1/requests/" + id + "/abandon", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.as("requester", port)
                        .postJson("/api/v1/requests/" + UUID.randomUUID() + "/abandon", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(states(id)).containsEntry("network", "FAILED");

        var single = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "static-website", "target": "composite-dev",
                         "parameters": {"SiteName": "not-a-composite"}, "justification": "One stack"}
                        """);
        var refused = ApiClient.as("requester", port)
                .postJson("/api/v1/requests/" + single.body().path("id").asString() + "/abandon", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asString()).startsWith("Only a composite PROVISION request");

        var first = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/abandon", "{}", "abandon-1");
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("state").asString()).isEqualTo("ABANDONING");
        var replayed =
                ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/abandon", "{}", "abandon-1");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.body().path("state").asString()).isEqualTo("ABANDONING");
        var withoutKey = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/abandon", "{}");
        assertThat(withoutKey.status()).isEqualTo(409);

        awaitState(id, "ABANDONED");
        // Only the network's rolled-back stack existed: deleted once.
        assertThat(AwsStub.received("DeleteStack").stream().map(AwsStub::form).map(form -> form.get("StackName")))
                .containsOnlyOnce(stack("network", id).id);
    }

    private void logIn(Page page, String user, String then) {
        page.navigate("http://localhost:" + port + then);
        ChromiumPages.fillLogIn(page, user);
        page.waitForURL(address -> address.startsWith("http://localhost:" + port + then));
    }

    /** Each component and its state, as the request page lists them. */
    private static java.util.List<String> shownStates(Page page) {
        return page.getByTestId("component").all().stream()
                .map(item -> item.getAttribute("data-component") + " " + item.getAttribute("data-state"))
                .toList();
    }

    private Map<String, String> states(String id) {
        var states = new java.util.LinkedHashMap<String, String>();
        jdbc.query(
                "select component, state from composite_component where request_id = ?::uuid order by position",
                row -> {
                    states.put(row.getString(1), row.getString(2));
                },
                id);
        return states;
    }

    /** A component's stack; names end in an id derived from the request, the component and the attempt. */
    private CloudFormationSimulator.Stack stack(String component, String id) {
        var name = "vendo-three-tier-app-" + component + "-";
        return aws.stackList().stream()
                .filter(stack -> stack.name.startsWith(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "No stack of " + component + ": " + aws.stacks().keySet()));
    }

    private String submitAndApprove() {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "three-tier-app", "target": "composite-dev",
                         "parameters": {"Stage": "dev", "database.MasterPassword": "%s",
                                        "database.AllocatedStorage": "50",
                                        "app.Image": "public.ecr.aws/nginx/nginx:1.27"},
                         "justification": "Three tiers for the spring campaign"}
                        """
                                .formatted(PASSWORD));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        var id = submitted.body().path("id").asString();
        approve(id);
        return id;
    }

    private void approve(String id) {
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
    }

    private JsonNode awaitState(String id, String state) {
        var requester = ApiClient.as("requester", port);
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> requester.get("/api/v1/requests/" + id).body(),
                        body -> body.path("state").asString().equals(state));
    }

    private JsonNode awaitTerminal(String id) {
        var requester = ApiClient.as("requester", port);
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> requester.get("/api/v1/requests/" + id).body(), body -> List.of(
                                "SUCCEEDED", "FAILED", "DRY_RUN", "ABANDONED")
                        .contains(body.path("state").asString()));
    }
}
