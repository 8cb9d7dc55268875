package io.vendo.promotion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.request.RequestEvent.RequestSucceeded;
import io.vendo.request.RequestKind;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Promotion end to end, through the real SDK against the CloudFormation simulator, real SMTP and real PostgreSQL: a
 * request to staging (account 111122223333, eu-west-1, one approval from any approver) names production (account
 * 444455556666, eu-central-1) as its next step. Production is filed only once staging succeeded, with the same version
 * and values (its NoEcho value too), and waits for production's own policy (a team lead and the platform team), whose
 * approvers decide through the links in their mail; it then runs in its own account and region. A failed staging
 * files nothing more, a success delivered again files nothing more, and a bad promotion is refused with nothing
 * stored.
 */
@VendoIntegrationTest
class PromotionFlowTest {

    static final String STAGING = "promo-staging";
    static final String PRODUCTION = "promo-production";
    private static final String STAGING_ACCOUNT = AwsStub.ACCOUNT;
    private static final String PRODUCTION_ACCOUNT = "444455556666";
    private static final String SECRET = "promoted-secret-1";
    private static final Pattern REGION = Pattern.compile("Credential=[A-Z0-9]+/\\d{8}/([a-z0-9-]+)/cloudformation/");

    static final String TEMPLATE =
            """
            Parameters:
              SiteName: {Type: String, AllowedPattern: "[a-z][a-z0-9-]{2,40}"}
              AdminPassword: {Type: String, NoEcho: true, MinLength: 8}
            Resources:
              SiteBucket: {Type: AWS::S3::Bucket}
            Outputs:
              WebsiteURL: {Value: !GetAtt SiteBucket.WebsiteURL}
            """;

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
    CatalogAdministration catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PromotionAdvance advance;

    @Autowired
    TransactionTemplate transactions;

    private CloudFormationSimulator aws;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        aws.outputs(Map.of("WebsiteURL", "http://{SiteName}.s3-website.example"));
        registerTargets(catalog, jdbc);
    }

    static void registerTargets(CatalogAdministration catalog, JdbcTemplate jdbc) {
        if (jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, STAGING) == 0) {
            catalog.register(new NewTarget(
                    STAGING,
                    "Staging (promotion)",
                    STAGING_ACCOUNT,
                    "eu-west-1",
                    EnvironmentTier.STAGING,
                    "arn:aws:iam::" + STAGING_ACCOUNT + ":role/VendoExecution",
                    "ext-staging"));
            catalog.register(new NewTarget(
                    PRODUCTION,
                    "Production (promotion)",
                    PRODUCTION_ACCOUNT,
                    "eu-central-1",
                    EnvironmentTier.PROD,
                    "arn:aws:iam::" + PRODUCTION_ACCOUNT + ":role/VendoExecution",
                    "ext-production"));
        }
    }

    /** A blueprint of its own per test, so that stack names and counts are this test's alone. */
    static String blueprint(CatalogAdministration catalog) {
        return blueprint(catalog, null);
    }

    static String blueprint(CatalogAdministration catalog, Integer quotaPerTeam) {
        var slug = "promo-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                BlueprintKind.STACK,
                new BlueprintMetadata(
                        "Promoted site " + slug,
                        "A site to promote",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        quotaPerTeam),
                new NewVersion(TEMPLATE, List.of(), null)));
        return slug;
    }

    @Test
    void stagingSucceedsThenProductionIsFiledWithItsOwnApprovalAndRunsInItsOwnAccountAndRegion() {
        var blueprint = blueprint(catalog);
        var stagingId = submit(blueprint, "promoted-site", List.of(PRODUCTION));

        var planned = promotion(stagingId);
        assertThat(planned.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(steps(planned)).containsExactly(STAGING + "=PENDING_APPROVAL", PRODUCTION + "=WAITING");
        assertThat(planned.path("steps").path(1).path("requestId").isNull()).isTrue();

        var filed = approveAndAwaitSecondStep(stagingId);
        var productionId = filed.path("steps").path(1).path("requestId").asString();
        assertThat(steps(filed)).containsExactly(STAGING + "=SUCCEEDED", PRODUCTION + "=PENDING_APPROVAL");

        var production = request(productionId);
        var staging = request(stagingId);
        assertThat(production.path("kind").asString()).isEqualTo("PROVISION");
        assertThat(production.path("target").asString()).isEqualTo(PRODUCTION);
        assertThat(production.path("requester").asString()).isEqualTo("requester");
        assertThat(production.path("blueprintVersion").asInt())
                .isEqualTo(staging.path("blueprintVersion").asInt());
        assertThat(production.path("parameters").path("SiteName").asString()).isEqualTo("promoted-site");
        assertThat(production.path("parameters").path("AdminPassword").asString())
                .isEqualTo("****");
        // Nothing ran in production yet: it waits for its own approval.
        assertThat(stacksIn(PRODUCTION_ACCOUNT)).isEmpty();
        // The same promotion, asked through the production step.
        assertThat(promotion(productionId).path("id").asString())
                .isEqualTo(filed.path("id").asString());

        // Production's policy: a team lead and the platform team, each through the link in their mail.
        var leadLink = linkFor("lead", blueprint);
        var platformLink = linkFor("approver", blueprint);
        approveThroughLink("lead", leadLink, productionId);
        assertThat(request(productionId).path("state").asString()).isEqualTo("PENDING_APPROVAL");
        approveThroughLink("approver", platformLink, productionId);
        awaitState(productionId, "SUCCEEDED");

        var stagingStack = stackOf(blueprint, stagingId);
        var productionStack = stackOf(blueprint, productionId);
        assertThat(stagingStack.account).isEqualTo(STAGING_ACCOUNT);
        assertThat(productionStack.account).isEqualTo(PRODUCTION_ACCOUNT);
        assertThat(regionOfCreateChangeSet(productionStack.name)).isEqualTo("eu-central-1");
        assertThat(regionOfCreateChangeSet(stagingStack.name)).isEqualTo("eu-west-1");
        assertThat(productionStack.parameters)
                .containsEntry("SiteName", "promoted-site")
                .containsEntry("AdminPassword", SECRET);
        assertThat(stacksIn(PRODUCTION_ACCOUNT)).hasSize(1);

        var done = promotion(stagingId);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(steps(done)).containsExactly(STAGING + "=SUCCEEDED", PRODUCTION + "=SUCCEEDED");
        var page = new WebSession(port)
                .logIn("requester")
                .get("/requests/" + stagingId)
                .body();
        assertThat(page)
                .contains("data-testid=\"promotion\"")
                .contains("data-state=\"SUCCEEDED\" data-target=\"" + PRODUCTION + "\"")
                .contains("href=\"/requests/" + productionId + "\"")
                .doesNotContain(SECRET);
        assertThat(ApiClient.as("requester", port)
                        .get("/api/v1/requests/" + stagingId + "/events")
                        .body()
                        .toString())
                .contains("request.promotion-planned", "promotion.step-filed", productionId)
                .doesNotContain(SECRET);
    }

    /**
     * The registry delivers a success again after a crash that came between filing the next step and marking the
     * delivery done, and two replicas may deliver it at once: the step is filed once, whatever the number of
     * deliveries.
     */
    @Test
    void aSuccessDeliveredAgainOrTwiceAtOnceFilesTheNextStepOnce() throws Exception {
        var blueprint = blueprint(catalog);
        var stagingId = submit(blueprint, "redelivered-site", List.of(PRODUCTION));
        approveByApi(stagingId);
        awaitState(stagingId, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> stepsOf(stagingId) == 2);

        var again = new RequestSucceeded(
                UUID.randomUUID(),
                UUID.fromString(stagingId),
                Instant.now(),
                "system",
                RequestKind.PROVISION,
                null,
                Map.of(),
                Map.of());
        PromotionAdvance listener = AopTestUtils.getTargetObject(advance);
        try (var replicas = Executors.newFixedThreadPool(3)) {
            var deliveries = List.of(
                    replicas.submit(() -> transactions.executeWithoutResult(status -> listener.on(again))),
                    replicas.submit(() -> transactions.executeWithoutResult(status -> listener.on(again))),
                    replicas.submit(() -> transactions.executeWithoutResult(status -> listener.on(again))));
            for (var delivery : deliveries) {
                delivery.get();
            }
        }

        assertThat(stepsOf(stagingId)).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from vending_request where blueprint_slug = ? and target_slug = ?",
                        Integer.class,
                        blueprint,
                        PRODUCTION))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from audit_event where action = 'promotion.step-filed'"
                                        + " and subject_id = ?",
                                Integer.class,
                                stagingId),
                        count -> count == 1);
    }

    @Test
    void aFailedStagingStopsThePromotionAndProductionIsNeverFiled() {
        var blueprint = blueprint(catalog);
        aws.rollBack("vendo-" + blueprint + "-");
        var stagingId = submit(blueprint, "failing-site", List.of(PRODUCTION));
        approveByApi(stagingId);
        awaitState(stagingId, "FAILED");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> stepsOf(stagingId) == 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from vending_request where blueprint_slug = ?", Integer.class, blueprint))
                .isEqualTo(1);
        var stopped = promotion(stagingId);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(steps(stopped)).containsExactly(STAGING + "=FAILED", PRODUCTION + "=NOT_FILED");
        assertThat(stopped.path("steps").path(1).path("note").asString()).isEqualTo("Not filed: step 1 failed");
        assertThat(stacksIn(PRODUCTION_ACCOUNT)).isEmpty();
    }

    @Test
    void aRejectedStagingStopsThePromotion() {
        var blueprint = blueprint(catalog);
        var stagingId = submit(blueprint, "rejected-site", List.of(PRODUCTION));
        var rejected = ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + stagingId + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"Not this quarter\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        var stopped = promotion(stagingId);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(steps(stopped)).containsExactly(STAGING + "=REJECTED", PRODUCTION + "=NOT_FILED");
        assertThat(stopped.path("steps").path(1).path("note").asString()).isEqualTo("Not filed: step 1 was rejected");
    }

    /**
     * A target that stopped taking the blueprint after the promotion was submitted: the step is not filed, the
     * promotion says why and stops there, and the refusal is in the staging request's timeline.
     */
    @Test
    void aStepWhoseTargetNoLongerTakesTheBlueprintIsNotFiledAndSaysWhy() {
        var blueprint = blueprint(catalog);
        var closing = "promo-closing-" + blueprint.substring("promo-".length());
        var open = new NewTarget(
                closing,
                "Closing production",
                PRODUCTION_ACCOUNT,
                "eu-central-1",
                EnvironmentTier.PROD,
                "arn:aws:iam::" + PRODUCTION_ACCOUNT + ":role/VendoExecution",
                "ext-closing");
        catalog.register(open);
        var stagingId = submit(blueprint, "closing-site", List.of(closing));
        catalog.updateTarget(
                closing,
                new NewTarget(
                        open.slug(),
                        open.name(),
                        open.accountId(),
                        open.region(),
                        open.environment(),
                        open.executionRoleArn(),
                        open.externalId(),
                        List.of("static-website"),
                        List.of()));
        approveByApi(stagingId);
        awaitState(stagingId, "SUCCEEDED");

        var stopped = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> promotion(stagingId),
                        body -> body.path("status").asString().equals("STOPPED"));
        assertThat(steps(stopped)).containsExactly(STAGING + "=SUCCEEDED", closing + "=NOT_FILED");
        assertThat(stopped.path("steps").path(1).path("note").asString())
                .isEqualTo("Step 2: its target no longer exists or no longer takes blueprint " + blueprint);
        assertThat(jdbc.queryForObject(
                        "select count(*) from vending_request where blueprint_slug = ?", Integer.class, blueprint))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ApiClient.as("requester", port)
                        .get("/api/v1/requests/" + stagingId + "/events")
                        .body()
                        .toString())
                .contains("promotion.step-refused", "no longer takes blueprint"));
    }

    /** Each refused step is named by its place in the list; nothing is stored, not even the first request. */
    @Test
    void aBadPromotionIsRefusedStepByStepAndNothingIsStored() {
        var blueprint = blueprint(catalog);
        var before = counts();

        var refused = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s",
                         "parameters": {"SiteName": "refused-site", "AdminPassword": "%s"},
                         "justification": "refused", "promotion": ["no-such-target", "%s", "sandbox-eu-west-1", ""]}
                        """
                                .formatted(blueprint, STAGING, SECRET, STAGING));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var errors = refused.body().path("errors");
        assertThat(errors.path("promotion[0]").asString())
                .as(refused.body().toString())
                .isEqualTo("Step 2: there is no target no-such-target");
        assertThat(errors.path("promotion[1]").asString())
                .isEqualTo("Step 3: " + STAGING + " is already step 1; each target appears once in a promotion");
        assertThat(errors.path("promotion[2]").asString())
                .isEqualTo("Step 4: blueprint " + blueprint + " may not be deployed to sandbox-eu-west-1 (SANDBOX)");
        assertThat(errors.path("promotion[3]").asString()).isEqualTo("Step 5: choose a target");
        assertThat(counts()).isEqualTo(before);

        var missing = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": {"SiteName": "null-site",
                         "AdminPassword": "%s"}, "justification": "refused", "promotion": ["%s", null]}
                        """
                                .formatted(blueprint, STAGING, SECRET, PRODUCTION));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").path("promotion[1]").asString())
                .isEqualTo("must not be null");
        assertThat(counts()).isEqualTo(before);

        var account = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "team-account", "target": "org-management", "parameters": {
                           "AccountName": "promoted-account", "AccountEmail": "promoted-account@example.com",
                           "ManagedOrganizationalUnit": "Sandbox", "SSOUserEmail": "owner@example.com",
                           "SSOUserFirstName": "Pat", "SSOUserLastName": "Owner"},
                         "justification": "refused", "promotion": ["%s"]}
                        """
                                .formatted(PRODUCTION));
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.body().path("errors").toString()).contains("An account is vended once");
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * The form offers the further steps after the target; a repeated target is refused beside its field, nothing
     * stored; the review says who approves each step; the request's page then shows the promotion's steps.
     */
    @Test
    void theFormChoosesFurtherStepsInOrderAndTheRequestPageShowsThem() {
        var blueprint = blueprint(catalog);
        var before = counts();
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate("http://localhost:" + port + "/blueprints/" + blueprint + "/request");
            ChromiumPages.fillLogIn(page, "requester");
            page.getByLabel("Target").selectOption(STAGING);
            var step2 = page.getByLabel("Step 2", new Page.GetByLabelOptions().setExact(true));
            step2.selectOption(STAGING);
            page.locator("#param-SiteName").fill("form-site");
            page.locator("#param-AdminPassword").fill(SECRET);
            page.getByLabel("Justification").fill("Staging, then production");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();

            var refusal = "Step 2: " + STAGING + " is already step 1; each target appears once in a promotion";
            assertThat(page.locator("#promotion-0-error")).hasText(refusal);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(refusal)))
                    .hasAttribute("href", "#promotion-0");
            assertThat(counts()).isEqualTo(before);

            page.getByLabel("Step 2", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(PRODUCTION);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();
            assertThat(page.getByTestId("review-promotion-step"))
                    .containsText("Production (promotion): account " + PRODUCTION_ACCOUNT + ", eu-central-1 (PROD)");
            assertThat(page.getByTestId("review-promotion-step")).containsText("team-leads");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();

            var steps = page.getByTestId("promotion-step");
            assertThat(steps).hasCount(2);
            assertThat(steps.nth(0)).hasAttribute("data-state", "PENDING_APPROVAL");
            assertThat(steps.nth(0)).containsText("(this request)");
            assertThat(steps.nth(1)).hasAttribute("data-state", "WAITING");
            assertThat(steps.nth(1)).containsText("Filed once step 1 succeeds");
            var id = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(steps(promotion(id))).containsExactly(STAGING + "=PENDING_APPROVAL", PRODUCTION + "=WAITING");
        }
    }

    /**
     * Every step of a promotion leaves an environment, so the quota is checked for all of them at submission: a
     * promotion that could not finish within it is refused before anything runs, with nothing stored. An admitted
     * promotion's steps still to be filed hold their places, so another submission cannot take them meanwhile and the
     * step is filed when its turn comes; a step that stops the promotion frees the places after it.
     */
    @Test
    void aPromotionBeyondTheQuotaIsRefusedAtSubmissionAndItsStepsToFileHoldTheirPlaces() {
        var blueprint = blueprint(catalog, 2);
        var third = thirdTarget(blueprint);
        var before = counts();

        var tooMany = ApiClient.as("requester", port)
                .postJson("/api/v1/requests", body(blueprint, "quota-site", List.of(PRODUCTION, third)));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.body().path("title").asString()).isEqualTo("Quota reached");
        assertThat(tooMany.body().path("detail").asString())
                .isEqualTo("A promotion of 3 steps leaves an environment at every step: team web-team holds 0 of"
                        + " blueprint " + blueprint + " (environments, requests on their way and promotion steps still"
                        + " to be filed), and its quota is 2. Name fewer further targets, or decommission or cancel 1"
                        + " first");
        assertThat(counts()).isEqualTo(before);

        var stagingId = submit(blueprint, "quota-site", List.of(PRODUCTION));
        // Staging on its way and production still to be filed: the quota is taken.
        var single =
                ApiClient.as("requester", port).postJson("/api/v1/requests", body(blueprint, "quota-other", List.of()));
        assertThat(single.status()).as(single.toString()).isEqualTo(409);
        assertThat(single.body().path("detail").asString()).contains("already has 2 environment(s)");

        var filed = approveAndAwaitSecondStep(stagingId);
        assertThat(steps(filed)).containsExactly(STAGING + "=SUCCEEDED", PRODUCTION + "=PENDING_APPROVAL");
        assertThat(ApiClient.as("requester", port)
                        .postJson("/api/v1/requests", body(blueprint, "quota-other", List.of()))
                        .status())
                .isEqualTo(409);

        var productionId = filed.path("steps").path(1).path("requestId").asString();
        var rejected = ApiClient.as("lead", port)
                .postJson(
                        "/api/v1/requests/" + productionId + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"Not yet\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        // Staging's environment stands; production's place is free again.
        var accepted =
                ApiClient.as("requester", port).postJson("/api/v1/requests", body(blueprint, "quota-other", List.of()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    /**
     * The first step's page, left open in a real Chromium, follows the whole promotion after its own request ended:
     * the production step appears filed with a link to it, then approved, running and done, without a reload. Before
     * that, the waiting step says who will have to approve it there.
     */
    @Test
    void aStepsPageFollowsThePromotionLiveAfterItsOwnRequestEnded() {
        var blueprint = blueprint(catalog);
        var stagingId = submit(blueprint, "live-site", List.of(PRODUCTION));
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate("http://localhost:" + port + "/requests/" + stagingId);
            ChromiumPages.fillLogIn(page, "requester");
            var steps = page.getByTestId("promotion-step");
            assertThat(steps.nth(1)).hasAttribute("data-state", "WAITING");
            assertThat(steps.nth(1).getByTestId("promotion-step-approvers"))
                    .containsText("1 from team-leads and 1 from platform-team");
            assertThat(page.getByTestId("promotion-next")).containsText("Next: step 2, Production (promotion)");
            // Set on this very document: a reload would lose it.
            page.evaluate("() => { window.notReloaded = true; }");

            approveByApi(stagingId);
            var aWhile = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
            assertThat(page.getByTestId("request-state"))
                    .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(steps.nth(1)).hasAttribute("data-state", "PENDING_APPROVAL", aWhile);
            var productionId =
                    promotion(stagingId).path("steps").path(1).path("requestId").asString();
            var next = page.getByTestId("promotion-next");
            assertThat(next).hasAttribute("data-state", "PENDING_APPROVAL");
            assertThat(next.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open step 2's request")))
                    .hasAttribute("href", "/requests/" + productionId);
            assertThat(steps.nth(1).getByTestId("promotion-step-approvers")).hasCount(0);

            for (var approver : List.of("lead", "approver")) {
                var decided = ApiClient.as(approver, port)
                        .postJson(
                                "/api/v1/requests/" + productionId + "/decisions",
                                "{\"decision\": \"APPROVE\", \"comment\": \"Production, yes\"}");
                assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
            }
            assertThat(steps.nth(1)).hasAttribute("data-state", "SUCCEEDED", aWhile);
            assertThat(page.getByTestId("promotion")).hasAttribute("data-status", "COMPLETED");
            assertThat(page.getByTestId("promotion-status")).hasText("Completed: every step succeeded");
            assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
            // Nothing will change any more: the page stops listening.
            assertThat(page.locator("#request-live")).not().hasAttribute("data-stream", Pattern.compile(".*"));
        }
    }

    /**
     * "Request again" on a step's page copies the promotion's further targets with the values, and checks them again
     * at once: a target that no longer takes the blueprint is named beside its step.
     */
    @Test
    void requestAgainCopiesThePromotionAndChecksItsTargetsAgain() {
        var blueprint = blueprint(catalog);
        var third = thirdTarget(blueprint);
        var stagingId = submit(blueprint, "again-site", List.of(PRODUCTION, third));
        closeTo(third);
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate("http://localhost:" + port + "/requests/" + stagingId);
            ChromiumPages.fillLogIn(page, "requester");
            page.getByTestId("request-again").click();

            assertThat(page.getByLabel("Target")).hasValue(STAGING);
            assertThat(page.locator("#param-SiteName")).hasValue("again-site");
            assertThat(page.locator("#param-AdminPassword")).hasValue("");
            assertThat(page.getByLabel("Step 2", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue(PRODUCTION);
            var refusal = "Step 3: blueprint " + blueprint + " may not be deployed to " + third + " (PROD)";
            assertThat(page.locator("#promotion-1-error")).hasText(refusal);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(refusal)))
                    .hasAttribute("href", "#promotion-1");

            // Submitted from the copy, with the closed step left out: the new promotion goes to production again.
            page.locator("#param-AdminPassword").fill(SECRET);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();
            assertThat(page.getByTestId("review-promotion-step")).hasCount(1);
            assertThat(page.getByTestId("review-promotion-step")).containsText("team-leads");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();
            assertThat(page.getByTestId("promotion-step")).hasCount(2);
            var copy = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(copy).isNotEqualTo(stagingId);
            assertThat(steps(promotion(copy))).containsExactly(STAGING + "=PENDING_APPROVAL", PRODUCTION + "=WAITING");
        }
    }

    /** A third PROD target of this test's own. */
    private String thirdTarget(String blueprint) {
        var slug = "promo-third-" + blueprint.substring("promo-".length());
        catalog.register(third(slug, List.of()));
        return slug;
    }

    /** The target takes only another blueprint from now on. */
    private void closeTo(String slug) {
        catalog.updateTarget(slug, third(slug, List.of("static-website")));
    }

    private static NewTarget third(String slug, List<String> allowedBlueprints) {
        return new NewTarget(
                slug,
                "Disaster recovery",
                PRODUCTION_ACCOUNT,
                "eu-north-1",
                EnvironmentTier.PROD,
                "arn:aws:iam::" + PRODUCTION_ACCOUNT + ":role/VendoExecution",
                "ext-third",
                allowedBlueprints,
                List.of());
    }

    private List<Integer> counts() {
        return jdbc.queryForObject(
                "select (select count(*) from vending_request), (select count(*) from promotion),"
                        + " (select count(*) from promotion_step), (select count(*) from approval)",
                (row, index) -> List.of(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)));
    }

    private String submit(String blueprint, String siteName, List<String> promotion) {
        var submitted =
                ApiClient.as("requester", port).postJson("/api/v1/requests", body(blueprint, siteName, promotion));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.body().path("id").asString();
    }

    private static String body(String blueprint, String siteName, List<String> promotion) {
        return """
                {"blueprint": "%s", "target": "%s",
                 "parameters": {"SiteName": "%s", "AdminPassword": "%s"},
                 "justification": "Staging first, then production", "promotion": [%s]}
                """
                .formatted(
                        blueprint,
                        STAGING,
                        siteName,
                        SECRET,
                        String.join(
                                ",",
                                promotion.stream()
                                        .map(slug -> "\"" + slug + "\"")
                                        .toList()));
    }

    /** Approves the first step, and waits until it succeeded and the second step was filed. */
    private JsonNode approveAndAwaitSecondStep(String stagingId) {
        approveByApi(stagingId);
        awaitState(stagingId, "SUCCEEDED");
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> promotion(stagingId),
                        body -> !body.path("steps").path(1).path("requestId").isNull());
    }

    private void approveByApi(String id) {
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    /** The invitation to decide on the production step (staging's invited every approver too). */
    private String linkFor(String approver, String blueprint) {
        return Mailbox.approvalLink(Mailbox.awaitAbout(
                approver + "@vendo.local",
                "Approval needed: Promoted site " + blueprint + " on Production (promotion)",
                "SiteName = promoted-site"));
    }

    private void approveThroughLink(String approver, String link, String id) {
        var session = new WebSession(port).logIn(approver);
        assertThat(session.get(link).body()).contains("Decide on this request");
        var decided = session.post(link, Map.of("decision", "APPROVE", "comment", "Production, yes"));
        assertThat(decided.status()).isEqualTo(302);
        assertThat(decided.location()).endsWith("/requests/" + id);
    }

    private JsonNode request(String id) {
        return ApiClient.as("requester", port).get("/api/v1/requests/" + id).body();
    }

    private JsonNode promotion(String id) {
        var response = ApiClient.as("requester", port).get("/api/v1/requests/" + id + "/promotion");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> steps(JsonNode promotion) {
        var steps = new java.util.ArrayList<String>();
        promotion
                .path("steps")
                .forEach(step -> steps.add(step.path("targetSlug").asString() + "="
                        + step.path("state").asString()));
        return steps;
    }

    /** The steps of the request's promotion that were filed. */
    private int stepsOf(String id) {
        return jdbc.queryForObject(
                "select count(*) from promotion_step where request_id is not null and promotion_id ="
                        + " (select promotion_id from promotion_step where request_id = ?::uuid)",
                Integer.class,
                id);
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> request(id).path("state").asString(), state::equals);
    }

    private CloudFormationSimulator.Stack stackOf(String blueprint, String requestId) {
        return aws.stacks().get("vendo-" + blueprint + "-" + requestId);
    }

    private List<CloudFormationSimulator.Stack> stacksIn(String account) {
        return aws.stackList().stream()
                .filter(stack -> stack.account.equals(account))
                .toList();
    }

    private static String regionOfCreateChangeSet(String stackName) {
        var call = AwsStub.received("CreateChangeSet").stream()
                .filter(request -> stackName.equals(AwsStub.form(request).get("StackName")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No CreateChangeSet for " + stackName));
        var matcher = REGION.matcher(call.getHeader("Authorization"));
        assertThat(matcher.find()).as(call.getHeader("Authorization")).isTrue();
        return matcher.group(1);
    }
}
