package io.vendo.environment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.support.ApiClient;
import io.vendo.support.ApprovedRequests;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.CloudFormationSimulator.ResourceDrift;
import io.vendo.support.LiveAws;
import io.vendo.support.MutableClock;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.List;
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

/**
 * Drift of STACK environments through the real SDK against the CloudFormation simulator: a check on demand (API and
 * page) finds the resources that differ from the template and makes the environment DRIFTED, a later check that finds
 * them in sync makes it ACTIVE again; the schedule checks environments whose last check is too old, found by moving
 * the application's clock; each check calls DetectStackDrift once, then its status, then (when drifted) the drifted
 * resources once.
 */
@VendoIntegrationTest
@Import(MutableClock.Configuration.class)
class EnvironmentDriftFlowTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
        // This class turns the schedule on (every other test runs without it), looking every 15 minutes.
        registry.add("vendo.environment.drift.scheduled", () -> "true");
        registry.add("vendo.environment.drift.first-poll-delay", () -> "200ms");
        registry.add("vendo.environment.drift.max-poll-delay", () -> "1s");
        // An open environment page looks for the check's result every fraction of a second.
        registry.add("vendo.environment.page.refresh", () -> "200ms");
        registry.add("vendo.environment.page.refresh-max", () -> "1s");
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
        if (jdbc.queryForObject("select count(*) from target where slug = 'drift-dev'", Integer.class) == 0) {
            catalog.register(new NewTarget(
                    "drift-dev", "Drift DEV", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, "ext-drift"));
        }
    }

    private UUID provision(String siteName) {
        return new ApprovedRequests(port).provision("drift-dev", siteName, "Needed for the drift tests", clock, jdbc);
    }

    private String stackOf(UUID environment) {
        return jdbc.queryForObject(
                "select handles ->> 'StackId' from environment where id = ?", String.class, environment);
    }

    private String status(UUID environment) {
        return jdbc.queryForObject("select status from environment where id = ?", String.class, environment);
    }

    /** Lets the application's clock go on (a second per look) until the check has ended; returns its state. */
    private String awaitCheck(String checkId) {
        return clock.awaitAdvancing(
                () -> jdbc.queryForObject("select state from drift_check where id = ?::uuid", String.class, checkId),
                state -> !state.equals("REQUESTED") && !state.equals("DETECTING"));
    }

    private int audited(UUID environment, String action) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ? and action = ?",
                Integer.class,
                environment.toString(),
                action);
    }

    private static ResourceDrift bucketVersioningSuspended() {
        return new ResourceDrift(
                "SiteBucket", "AWS::S3::Bucket", "drift-site-bucket", "MODIFIED", List.<String[]>of(new String[] {
                    "/VersioningConfiguration/Status", "Enabled", "Suspended", "NOT_EQUAL"
                }));
    }

    @Test
    void aCheckOnDemandFindsTheDriftedResourcesMakesTheEnvironmentDriftedAndALaterInSyncCheckActiveAgain() {
        var environment = provision("drift-site");
        var stack = stackOf(environment);
        aws.drift(
                stack,
                bucketVersioningSuspended(),
                new ResourceDrift("SitePolicy", "AWS::S3::BucketPolicy", "drift-site-policy", "DELETED", List.of()));
        aws.detectionDuration(Duration.ofMillis(500));
        var owner = ApiClient.as("requester", port);

        var started = owner.postJson("/api/v1/environments/" + environment + "/drift-checks", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        var location = started.location();
        var checkId = started.body().path("id").asString();
        assertThat(location).isEqualTo("/api/v1/environments/" + environment + "/drift-checks/" + checkId);
        assertThat(started.body().path("trigger").asString()).isEqualTo("ON_DEMAND");
        // One check at a time: asking again while it runs answers the same check.
        var again = owner.postJson("/api/v1/environments/" + environment + "/drift-checks", "");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("id").asString()).isEqualTo(checkId);
        // Someone in the owning team sees it, but may not ask.
        assertThat(ApiClient.as("lead", port)
                        .postJson("/api/v1/environments/" + environment + "/drift-checks", "")
                        .status())
                .isEqualTo(403);

        assertThat(awaitCheck(checkId)).isEqualTo("DRIFTED");
        var check = owner.get(location);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("stackDriftStatus").asString()).isEqualTo("DRIFTED");
        var resources = check.body().path("driftedResources");
        assertThat(resources.size()).isEqualTo(2);
        assertThat(resources.get(0).path("logicalId").asString()).isEqualTo("SiteBucket");
        assertThat(resources.get(0).path("status").asString()).isEqualTo("MODIFIED");
        assertThat(resources.get(0).path("differences").get(0).path("expected").asString())
                .isEqualTo("Enabled");
        assertThat(resources.get(0).path("differences").get(0).path("actual").asString())
                .isEqualTo("Suspended");
        assertThat(resources.get(1).path("status").asString()).isEqualTo("DELETED");
        assertThat(status(environment)).isEqualTo("DRIFTED");

        var view = owner.get("/api/v1/environments/" + environment);
        assertThat(view.body().path("status").asString()).isEqualTo("DRIFTED");
        assertThat(view.body().path("statusReason").asString())
                .isEqualTo("2 resources differ from the template (drift check)");
        assertThat(view.body().path("drift").path("id").asString()).isEqualTo(checkId);
        assertThat(view.body()
                        .path("drift")
                        .path("driftedResources")
                        .get(0)
                        .path("type")
                        .asString())
                .isEqualTo("AWS::S3::Bucket");
        var page = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("requester")
                .get("/environments/" + environment)
                .body());
        assertThat(page)
                .contains("DRIFTED")
                .contains("SiteBucket")
                .contains("/VersioningConfiguration/Status")
                .contains("Enabled → Suspended")
                .contains("SitePolicy")
                .contains("Check drift");

        // Each call once: one detection, its status until complete, the drifted resources (MODIFIED and DELETED).
        assertThat(AwsStub.received("DetectStackDrift")).hasSize(1);
        assertThat(AwsStub.form(AwsStub.received("DetectStackDrift").getFirst()))
                .containsEntry("StackName", stack);
        var drifts = AwsStub.received("DescribeStackResourceDrifts");
        assertThat(drifts).hasSize(1);
        assertThat(AwsStub.form(drifts.getFirst()))
                .containsEntry("StackName", stack)
                .containsEntry("StackResourceDriftStatusFilters.member.1", "MODIFIED")
                .containsEntry("StackResourceDriftStatusFilters.member.2", "DELETED");
        assertThat(AwsStub.received("DescribeStackDriftDetectionStatus")).isNotEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> audited(environment, "environment.drift-check-requested") == 1
                        && audited(environment, "environment.drift-checked") == 1);
        assertThat(jdbc.queryForObject(
                        """
                        select details ->> 'status' from audit_event
                        where subject_id = ? and action = 'environment.drift-checked'""",
                        String.class,
                        environment.toString()))
                .isEqualTo("ACTIVE → DRIFTED");

        // Someone put the bucket back as the template says: the next check finds it in sync.
        aws.drift(stack);
        var inSync = owner.postJson("/api/v1/environments/" + environment + "/drift-checks", "");
        assertThat(inSync.status()).isEqualTo(202);
        assertThat(awaitCheck(inSync.body().path("id").asString())).isEqualTo("IN_SYNC");
        assertThat(status(environment)).isEqualTo("ACTIVE");
        assertThat(owner.get("/api/v1/environments/" + environment)
                        .body()
                        .path("drift")
                        .path("state")
                        .asString())
                .isEqualTo("IN_SYNC");
        // In sync: nothing to list, so the drifted resources are not asked for again.
        assertThat(AwsStub.received("DescribeStackResourceDrifts")).hasSize(1);
        assertThat(AwsStub.received("DetectStackDrift")).hasSize(2);
    }

    @Test
    void theScheduleChecksAnEnvironmentWhoseLastCheckIsOlderThanADayOnTheApplicationsClock() {
        var environment = provision("scheduled-site");
        aws.drift(stackOf(environment), bucketVersioningSuspended());
        assertThat(jdbc.queryForObject(
                        "select count(*) from drift_check where environment_id = ?", Integer.class, environment))
                .isZero();

        // A day on, the schedule's next look (every 15 minutes) finds it due.
        clock.advance(Duration.ofHours(24).plusMinutes(20));
        var checkId = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            clock.advance(Duration.ofSeconds(1));
                            return jdbc.queryForList(
                                    "select id::text from drift_check where environment_id = ? and trigger = 'SCHEDULED'",
                                    String.class,
                                    environment);
                        },
                        ids -> !ids.isEmpty())
                .getFirst();
        assertThat(awaitCheck(checkId)).isEqualTo("DRIFTED");
        assertThat(status(environment)).isEqualTo("DRIFTED");
        assertThat(jdbc.queryForObject(
                        "select requested_by from drift_check where id = ?::uuid", String.class, checkId))
                .isEqualTo("vendo");

        // Checked now: the next looks leave it alone until another day has passed.
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from drift_check where environment_id = ?", Integer.class, environment)
                        == 1);
    }

    /**
     * In a real Chromium: the owner presses "Check drift", the page says it runs, and once it ended the page shows the
     * drifted resources and the DRIFTED status by itself, without a reload; at rest it stops looking.
     */
    @Test
    void theCheckDriftButtonInABrowser() {
        var environment = provision("browser-drift");
        aws.drift(stackOf(environment), bucketVersioningSuspended());
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate(url("/login"));
            ChromiumPages.fillLogIn(page, "requester");
            page.navigate(url("/environments/" + environment));
            assertThat(page.getByTestId("drift")).containsText("Not checked yet.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check drift"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Drift check started.");
            assertThat(page.getByTestId("drift-running")).isVisible();
            assertThat(page.locator("#environment-live")).hasAttribute("data-refresh", "0.2,1");
            var checkId = jdbc.queryForObject(
                    "select id::text from drift_check where environment_id = ?", String.class, environment);
            assertThat(awaitCheck(checkId)).isEqualTo("DRIFTED");
            // No reload: the page refreshes its live part while the check runs.
            assertThat(page.getByTestId("environment-status")).hasText("DRIFTED");
            assertThat(page.getByTestId("drift-running")).hasCount(0);
            assertThat(page.locator("#environment-live")).not().hasAttribute("data-refresh", "0.2,1");
            assertThat(page.getByTestId("drifted-resources")).containsText("SiteBucket");
            assertThat(page.getByTestId("drifted-resources")).containsText("Enabled → Suspended");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
