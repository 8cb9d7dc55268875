package io.vendo.environment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.support.ApiClient;
import io.vendo.support.ApprovedRequests;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.MutableClock;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * An environment's life on the application clock: a STACK request provisioned through the real SDK against the
 * CloudFormation simulator becomes an environment with its outputs, stack id and lease; its owner is reminded 7 days
 * and 1 day before the lease ends, once each; an extension goes through the approval policy for its kind and moves the
 * lease; and what may not be asked is refused with nothing stored.
 */
@VendoIntegrationTest
@Import(MutableClock.Configuration.class)
class EnvironmentLeaseFlowTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";
    private static final String SC = "AWS242ServiceCatalogService.";

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

    @Autowired
    Catalog catalogView;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        AwsStub.simulate();
        for (var tier : EnvironmentTier.values()) {
            var slug = "lease-" + tier.name().toLowerCase();
            if (jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, slug) == 0) {
                catalog.register(
                        new NewTarget(slug, "Lease " + tier, AwsStub.ACCOUNT, "eu-west-1", tier, ROLE, "ext-lease"));
            }
        }
    }

    /** Approves over the API and lets time pass while the executor polls (the clock stands still otherwise). */
    private UUID provision(String target, String siteName) {
        return new ApprovedRequests(port).provision(target, siteName, "Needed for the lease tests", clock, jdbc);
    }

    private void awaitState(String requestId, String state) {
        ApprovedRequests.awaitState(requestId, state, clock, jdbc);
    }

    private Instant expiry(UUID environment) {
        return jdbc.queryForObject("select expires_at from environment where id = ?", Timestamp.class, environment)
                .toInstant();
    }

    private int audited(UUID environment, String action) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ? and action = ?",
                Integer.class,
                environment.toString(),
                action);
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    @Test
    void aSucceededProvisionBecomesAnEnvironmentWithOutputsHandlesAndTheBlueprintsLease() {
        var submittedBefore = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var environment = provision("lease-dev", "env-site");

        var row = jdbc.queryForMap("select * from environment where id = ?", environment);
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("owner")).isEqualTo("requester");
        assertThat(row.get("team")).isEqualTo("web-team");
        assertThat(row.get("tier")).isEqualTo("DEV");
        assertThat(row.get("handles").toString()).contains("StackId").contains("arn:aws:cloudformation:eu-west-1:");
        // The blueprint's maximum lifetime (P365D) from submission, as the vendo:expires-on tag says.
        assertThat(expiry(environment))
                .isBetween(
                        submittedBefore.plus(Duration.ofDays(365)),
                        submittedBefore.plus(Duration.ofDays(365)).plusSeconds(60));

        var page = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("requester")
                .get("/environments/" + environment)
                .body());
        assertThat(page)
                .contains("Static website")
                .contains("ACTIVE")
                .contains("StackId")
                .contains("console.aws.amazon.com/cloudformation/home?region=eu-west-1")
                .contains("env-site")
                .contains("Extend the lease");
        var list = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("lead")
                .get("/environments?mine=false&tier=DEV")
                .body());
        assertThat(list).contains("/environments/" + environment);
        // Someone outside the owning team does not learn that it exists.
        assertThat(new WebSession(port)
                        .logIn("approver")
                        .get("/environments/" + environment)
                        .status())
                .isEqualTo(404);
        assertThat(audited(environment, "environment.created")).isEqualTo(1);
    }

    @Test
    void anExtensionGoesThroughApprovalMovesTheLeaseAndWhatMayNotBeAskedIsRefusedWithNothingStored() {
        var environment = provision("lease-dev", "extend-site");
        var expiry = expiry(environment);
        var owner = new WebSession(port).logIn("requester");
        var requestsBefore = jdbc.queryForObject("select count(*) from vending_request", Integer.class);

        // Past the maximum lifetime: at most P365D from now.
        var tooLate = owner.post(
                "/environments/" + environment + "/extensions",
                Map.of("expiresOn", date(expiry.plus(Duration.ofDays(30))), "justification", "longer"));
        assertThat(HtmlUtils.htmlUnescape(owner.get(tooLate.location()).body()))
                .contains("past the blueprint's maximum lifetime");
        // Not the owner: lead is in the owning team and sees it, but may not act on it.
        var lead = new WebSession(port).logIn("lead");
        var notOwner = lead.post(
                "/environments/" + environment + "/extensions",
                Map.of("expiresOn", date(expiry.minus(Duration.ofDays(1))), "justification", "mine now"));
        assertThat(HtmlUtils.htmlUnescape(lead.get(notOwner.location()).body()))
                .contains("Only the environment's owner (requester) or an admin may act on environment");
        // Not later than the current expiry.
        var earlier = owner.post(
                "/environments/" + environment + "/extensions",
                Map.of("expiresOn", date(expiry.minus(Duration.ofDays(10))), "justification", "shorter"));
        assertThat(HtmlUtils.htmlUnescape(owner.get(earlier.location()).body()))
                .contains("must be later than the current one");
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(requestsBefore);

        // 200 days on, the lease may go up to 365 days from then.
        clock.advance(Duration.ofDays(200));
        var newExpiry = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(300);
        var filed = owner.post(
                "/environments/" + environment + "/extensions",
                Map.of("expiresOn", newExpiry.toString(), "justification", "The project runs on"));
        assertThat(filed.location()).contains("/requests/");
        var requestId = filed.location().substring(filed.location().lastIndexOf('/') + 1);
        var request = jdbc.queryForMap("select * from vending_request where id = ?::uuid", requestId);
        assertThat(request.get("kind")).isEqualTo("EXTEND");
        assertThat(request.get("state")).isEqualTo("PENDING_APPROVAL");
        assertThat(request.get("environment_id")).isEqualTo(environment);

        // Busy: one day-2 request at a time.
        var second = owner.post(
                "/environments/" + environment + "/extensions",
                Map.of("expiresOn", newExpiry.plusDays(1).toString(), "justification", "again"));
        assertThat(HtmlUtils.htmlUnescape(owner.get(second.location()).body()))
                .contains("is busy with request " + requestId);

        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + requestId + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(decided.status()).isEqualTo(200);
        awaitState(requestId, "SUCCEEDED");
        assertThat(expiry(environment))
                .isEqualTo(newExpiry.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(jdbc.queryForObject("select busy_with from environment where id = ?", UUID.class, environment))
                .isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment, "environment.lease-extended") == 1);
        assertThat(AwsStub.received("CreateChangeSet")).hasSize(1);
        var requestPage =
                HtmlUtils.htmlUnescape(owner.get("/requests/" + requestId).body());
        assertThat(requestPage).contains("EXTEND").contains("/environments/" + environment);
    }

    @Test
    void inASandboxAnExtensionApprovesItselfUnderThePolicyForItsKind() {
        var environment = provision("lease-sandbox", "sandbox-site");
        clock.advance(Duration.ofDays(10));
        var newExpiry = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(365);
        var filed = new WebSession(port)
                .logIn("requester")
                .post(
                        "/environments/" + environment + "/extensions",
                        Map.of("expiresOn", newExpiry.toString(), "justification", "still testing"));
        var requestId = filed.location().substring(filed.location().lastIndexOf('/') + 1);

        awaitState(requestId, "SUCCEEDED");
        assertThat(expiry(environment))
                .isEqualTo(newExpiry.atStartOfDay(ZoneOffset.UTC).toInstant());
        var approved = jdbc.queryForObject(
                "select actor from audit_event where subject_id = ? and action = 'request.approved'",
                String.class,
                requestId);
        assertThat(approved).isEqualTo("policy:sandbox-extensions");
    }

    @Test
    void theOwnerIsRemindedSevenDaysAndOneDayBeforeTheLeaseEndsOnceEachAndAdminsPauseExpiry() {
        var environment = provision("lease-staging", "reminded-site");
        var expiry = expiry(environment);

        clock.advance(Duration.between(clock.instant(), expiry.minus(Duration.ofDays(7)))
                .plusMinutes(20));
        var first = awaitMail("expires in 7 days", environment.toString());
        assertThat(Mailbox.body(first)).contains("/environments/" + environment + "#extend");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment, "environment.lease-reminded") == 1);

        clock.advance(Duration.ofDays(6).plusMinutes(20));
        awaitMail("expires in 1 day", environment.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment, "environment.lease-reminded") == 2);
        // Later looks send nothing again.
        clock.advance(Duration.ofMinutes(30));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> audited(environment, "environment.lease-reminded") == 2);

        var admin = new WebSession(port).logIn("admin");
        var paused = admin.post("/environments/" + environment + "/expiry", Map.of("paused", "true"));
        assertThat(HtmlUtils.htmlUnescape(admin.get(paused.location()).body()))
                .contains("Expiry paused.")
                .contains("expiry paused by an admin");
        assertThat(jdbc.queryForObject(
                        "select expiry_paused from environment where id = ?", Boolean.class, environment))
                .isTrue();
        // Audited after the pause commits, on a thread of its own.
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment, "environment.expiry-paused") == 1);
        var owner = new WebSession(port).logIn("requester");
        assertThat(owner.post("/environments/" + environment + "/expiry", Map.of("paused", "false"))
                        .status())
                .isEqualTo(403);
    }

    private String decommissionAs(String user, UUID environment, String why) {
        var session = new WebSession(port).logIn(user);
        var filed = session.post("/environments/" + environment + "/decommissions", Map.of("justification", why));
        assertThat(filed.location()).as("refused: " + filed).contains("/requests/");
        return filed.location().substring(filed.location().lastIndexOf('/') + 1);
    }

    private void approve(String approver, String requestId) {
        var decided = ApiClient.as(approver, port)
                .postJson("/api/v1/requests/" + requestId + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    private String status(UUID environment) {
        return jdbc.queryForObject("select status from environment where id = ?", String.class, environment);
    }

    /**
     * The owner decommissions: DeleteStack once, with the request's token, on the stack the environment knows; the
     * resource the template retains is listed; the environment is DECOMMISSIONED and takes no other request; and the
     * team's quota is free again.
     */
    @Test
    void decommissioningDeletesTheStackOnceListsWhatWasRetainedAndFreesTheQuota() {
        var aws = AwsStub.simulate();
        aws.retainOnDelete("SiteBucket", "AWS::S3::Bucket");
        var metadata = catalogView.blueprint("static-website").metadata();
        var blueprintId = catalogView.blueprint("static-website").id();
        catalog.describe(blueprintId, withQuota(metadata, 1));
        try {
            // approver's team (platform-team) holds one: the quota of one is reached.
            var id = ApiClient.as("approver", port).submit("lease-dev", "quota-site", "first");
            approve("lead", id);
            awaitState(id, "SUCCEEDED");
            var environment =
                    jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);
            var refused = ApiClient.as("approver", port).postJson("/api/v1/requests", submission("quota-two"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().path("title").asString()).isEqualTo("Quota reached");

            var decommission = decommissionAs("approver", environment, "Done with it");
            assertThat(jdbc.queryForObject(
                            "select kind from vending_request where id = ?::uuid", String.class, decommission))
                    .isEqualTo("DECOMMISSION");
            approve("lead", decommission);
            awaitState(decommission, "SUCCEEDED");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> status(environment).equals("DECOMMISSIONED"));

            var deletes = AwsStub.received("DeleteStack");
            assertThat(deletes).hasSize(1);
            assertThat(deletes.getFirst().getBodyAsString())
                    .contains("ClientRequestToken=vendo-" + decommission + "-delete-stack")
                    .contains("StackName=arn%3Aaws%3Acloudformation");
            assertThat(jdbc.queryForObject(
                            "select status_reason from environment where id = ?", String.class, environment))
                    .contains("SiteBucket (AWS::S3::Bucket");
            await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment, "environment.decommissioned") == 1);
            var page = HtmlUtils.htmlUnescape(new WebSession(port)
                    .logIn("approver")
                    .get("/environments/" + environment)
                    .body());
            assertThat(page).contains("DECOMMISSIONED").doesNotContain("Request decommissioning");

            // Decommissioned: nothing more to do, and the quota is free again.
            var again = new WebSession(port)
                    .logIn("approver")
                    .post("/environments/" + environment + "/decommissions", Map.of("justification", "again"));
            assertThat(again.location()).endsWith("#decommission");
            var accepted = ApiClient.as("approver", port).postJson("/api/v1/requests", submission("quota-three"));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        } finally {
            catalog.describe(blueprintId, metadata);
        }
    }

    /**
     * At the end of the lease Vendo files the DECOMMISSION request itself; the policy for decommissions decides who
     * approves (here the default one: any approver); once approved the stack is deleted.
     */
    @Test
    void atTheEndOfTheLeaseVendoFilesTheDecommissioningItselfAndTheStackIsDeletedOnceApproved() {
        var environment = provision("lease-staging", "lease-ended-site");
        var expiry = expiry(environment);

        clock.advance(Duration.between(clock.instant(), expiry).plusMinutes(20));
        var filed = awaitDecommissionFiled(environment);
        var request = jdbc.queryForMap("select * from vending_request where id = ?::uuid", filed);
        assertThat(request.get("requester")).isEqualTo("vendo");
        assertThat(request.get("team")).isEqualTo("web-team");
        assertThat(request.get("state")).isEqualTo("PENDING_APPROVAL");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited(environment, "environment.lease-expired") == 1);
        var told = Mailbox.awaitAbout("requester@vendo.local", "expired: decommissioning requested", filed);
        assertThat(Mailbox.body(told)).contains("/environments/" + environment);
        // Looking again files nothing more: the environment is busy with the request.
        clock.advance(Duration.ofMinutes(20));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from vending_request where environment_id = ? and kind = 'DECOMMISSION'",
                                Integer.class,
                                environment)
                        == 1);

        approve("approver", filed);
        awaitState(filed, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(environment).equals("DECOMMISSIONED"));
        assertThat(AwsStub.received("DeleteStack")).hasSize(1);
    }

    private static final String ORG = "AWSOrganizationsV20161128.";

    /** An Organizations account blueprint with a lease of 30 days, retired as {@code retirement} says (or not at all). */
    private String accountBlueprint(io.vendo.catalog.@org.jspecify.annotations.Nullable AccountRetirement retirement) {
        var slug = "lease-account-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                BlueprintKind.ACCOUNT,
                new BlueprintMetadata(
                        "Leased account",
                        "An account for 30 days",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        Duration.ofDays(30),
                        null),
                new NewVersion(
                        """
                        Parameters:
                          AccountName: {Type: String}
                          AccountEmail: {Type: String}
                          ManagedOrganizationalUnit: {Type: String}
                          SSOUserEmail: {Type: String}
                          SSOUserFirstName: {Type: String}
                          SSOUserLastName: {Type: String}
                        """,
                        List.of(),
                        new Delivery.OrganizationsAccount(
                                List.of("ou-ab12-22222222"), "OrganizationAccountAccessRole", retirement, null))));
        return slug;
    }

    /** The account is created and moved (Organizations in its JSON 1.1 protocol); returns its environment. */
    private UUID provisionAccount(String slug, String accountId) {
        AwsStub.stubJson(ORG + "ListAccounts", 200, "{\"Accounts\": []}");
        AwsStub.stubJson(
                ORG + "CreateAccount",
                200,
                "{\"CreateAccountStatus\": {\"Id\": \"car-%s\", \"State\": \"IN_PROGRESS\"}}".formatted(accountId));
        AwsStub.stubJson(
                ORG + "DescribeCreateAccountStatus",
                200,
                "{\"CreateAccountStatus\": {\"Id\": \"car-%1$s\", \"State\": \"SUCCEEDED\", \"AccountId\": \"%1$s\"}}"
                        .formatted(accountId));
        AwsStub.stubJson(ORG + "ListParents", 200, "{\"Parents\": [{\"Id\": \"r-ab12\", \"Type\": \"ROOT\"}]}");
        AwsStub.stubJson(ORG + "MoveAccount", 200, "{}");
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "lease-dev", "justification": "a leased account",
                         "parameters": {"AccountName": "Leased %s", "AccountEmail": "leased-%s@example.com",
                           "ManagedOrganizationalUnit": "ou-ab12-22222222", "SSOUserEmail": "owner@example.com",
                           "SSOUserFirstName": "Pat", "SSOUserLastName": "Lee"}}"""
                                .formatted(slug, slug, slug));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        var id = submitted.body().path("id").asString();
        AwsStub.stubJson(
                ORG + "ListTagsForResource",
                200,
                "{\"Tags\": [{\"Key\": \"vendo:request-id\", \"Value\": \"%s\"}]}".formatted(id));
        approve("approver", id);
        awaitState(id, "SUCCEEDED");
        return jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);
    }

    /**
     * An account's lease ends like any other: Vendo files the DECOMMISSION request, and once approved the account is
     * closed as its blueprint says (CloseAccount once, DescribeAccount until its closure is pending). An account whose
     * blueprint says nothing about retirement gets no request: people decide.
     */
    @Test
    void atTheEndOfItsLeaseAnAccountIsClosedAsItsBlueprintSaysAndOneWhoseBlueprintSaysNothingIsLeftToPeople() {
        var closed =
                provisionAccount(accountBlueprint(io.vendo.catalog.AccountRetirement.CLOSE_ACCOUNT), "210000000001");
        var unsaid = provisionAccount(accountBlueprint(null), "210000000002");
        AwsStub.stubJson(ORG + "CloseAccount", 200, "{}");
        AwsStub.stubJson(
                ORG + "DescribeAccount",
                200,
                """
                {"Account": {"Id": "210000000001", "Name": "Leased", "Email": "leased@example.com",
                  "Status": "PENDING_CLOSURE", "State": "PENDING_CLOSURE", "JoinedMethod": "CREATED"}}""");

        clock.advance(Duration.between(clock.instant(), expiry(closed)).plusMinutes(20));
        var filed = awaitDecommissionFiled(closed);
        assertThat(jdbc.queryForObject("select requester from vending_request where id = ?::uuid", String.class, filed))
                .isEqualTo("vendo");
        approve("approver", filed);
        awaitState(filed, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(closed).equals("DECOMMISSIONED"));
        var closes = AwsStub.receivedJson(ORG + "CloseAccount");
        assertThat(closes).hasSize(1);
        assertThat(AwsStub.body(closes.getFirst()).path("AccountId").asString()).isEqualTo("210000000001");

        // Its lease ended as well, but its blueprint does not say how it is retired: no request, still ACTIVE.
        assertThat(jdbc.queryForObject(
                        "select count(*) from vending_request where environment_id = ?", Integer.class, unsaid))
                .isZero();
        assertThat(status(unsaid)).isEqualTo("ACTIVE");
    }

    private static final String PRODUCT_TEMPLATE =
            """
            Parameters:
              InstanceType: {Type: String, AllowedValues: [t3.micro, t3.small]}
            Resources:
              Product: {Type: AWS::CloudFormation::WaitConditionHandle}
            """;

    private String kindBlueprint(BlueprintKind kind, Delivery delivery) {
        var slug = "day2-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                kind,
                new BlueprintMetadata(
                        "Day-2 "
                                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        "A " + kind + " to decommission",
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
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "lease-dev", "parameters": {"InstanceType": "t3.micro"},
                         "justification": "day-2"}"""
                                .formatted(slug));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        var id = submitted.body().path("id").asString();
        approve("approver", id);
        awaitState(id, "SUCCEEDED");
        return jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);
    }

    /** A Service Catalog product is terminated once, with the request's TerminateToken, and its record awaited. */
    @Test
    void decommissioningAProductTerminatesItsProvisionedProductOnceWithItsToken() {
        var slug = kindBlueprint(
                BlueprintKind.SERVICE_CATALOG_PRODUCT,
                new Delivery.ServiceCatalogProduct("prod-day2", "pa-day2", null));
        AwsStub.stubJson(SC + "ProvisionProduct", 200, record("rec-p", "CREATED", "PROVISION_PRODUCT"));
        AwsStub.stubJson(
                SC + "DescribeRecord", "{\"Id\": \"rec-p\"}", 200, record("rec-p", "SUCCEEDED", "PROVISION_PRODUCT"));
        AwsStub.stubJson(
                SC + "TerminateProvisionedProduct", 200, record("rec-t", "CREATED", "TERMINATE_PROVISIONED_PRODUCT"));
        AwsStub.stubJson(
                SC + "DescribeRecord",
                "{\"Id\": \"rec-t\"}",
                200,
                record("rec-t", "SUCCEEDED", "TERMINATE_PROVISIONED_PRODUCT"));
        var environment = provisionKind(slug);
        assertThat(jdbc.queryForObject(
                        "select handles ->> 'ProvisionedProductId' from environment where id = ?",
                        String.class,
                        environment))
                .isEqualTo("pp-rec-p");

        var decommission = decommissionAs("requester", environment, "Product no longer needed");
        approve("approver", decommission);
        awaitState(decommission, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(environment).equals("DECOMMISSIONED"));

        var terminations = AwsStub.receivedJson(SC + "TerminateProvisionedProduct");
        assertThat(terminations).hasSize(1);
        var terminate = AwsStub.body(terminations.getFirst());
        assertThat(terminate.path("ProvisionedProductId").asString()).isEqualTo("pp-rec-p");
        assertThat(terminate.path("TerminateToken").asString())
                .isEqualTo("vendo-" + decommission + "-terminate-product");
    }

    /** A StackSet's instances in the environment's account and regions are deleted by one operation with its id. */
    @Test
    void decommissioningAStackSetEnvironmentDeletesItsInstancesWithOneOperation() {
        var slug = kindBlueprint(
                BlueprintKind.STACK_SET,
                new Delivery.StackSet("day2-guardrails", List.of("eu-west-1", "eu-central-1"), 50, 0));
        var environment = provisionKind(slug);
        assertThat(jdbc.queryForObject(
                        "select handles ->> 'StackSetRegions' from environment where id = ?",
                        String.class,
                        environment))
                .isEqualTo("eu-west-1,eu-central-1");

        var decommission = decommissionAs("requester", environment, "Guardrails move elsewhere");
        approve("approver", decommission);
        awaitState(decommission, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(environment).equals("DECOMMISSIONED"));

        var deletes = AwsStub.received("DeleteStackInstances");
        assertThat(deletes).hasSize(1);
        assertThat(AwsStub.form(deletes.getFirst()))
                .containsEntry("StackSetName", "day2-guardrails")
                .containsEntry("OperationId", "vendo-" + decommission + "-delete-stack-instances")
                .containsEntry("Accounts.member.1", AwsStub.ACCOUNT)
                .containsEntry("Regions.member.1", "eu-west-1")
                .containsEntry("Regions.member.2", "eu-central-1")
                .containsEntry("RetainStacks", "false");
        assertThat(AwsStub.simulate()
                        .stackSetOperations()
                        .get("day2-guardrails")
                        .values())
                .extracting(io.vendo.support.StackSetSimulator.Operation::action)
                .containsExactlyInAnyOrder("CREATE", "DELETE");
    }

    private static String record(String recordId, String status, String type) {
        return """
                {"RecordDetail": {"RecordId": "%s", "Status": "%s", "ProvisionedProductId": "pp-rec-p",
                  "RecordType": "%s", "RecordErrors": [], "RecordTags": []}}"""
                .formatted(recordId, status, type);
    }

    /**
     * The API: list (cursor pages, filters) and read environments, extend with an Idempotency-Key (a retry replays the
     * first answer, another body is refused), decommission; refusals are problem details and store nothing.
     */
    @Test
    void theApiListsReadsExtendsAndDecommissionsEnvironmentsOncePerIdempotencyKey() {
        var first = provision("lease-dev", "api-one");
        var second = provision("lease-dev", "api-two");
        var requester = ApiClient.as("requester", port);

        var page = requester.get("/api/v1/environments?limit=1&tier=DEV&status=ACTIVE");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items").size()).isEqualTo(1);
        assertThat(page.body().path("items").get(0).path("id").asString()).isEqualTo(second.toString());
        var next = requester.get("/api/v1/environments?limit=1&tier=DEV&status=ACTIVE&cursor="
                + page.body().path("nextCursor").asString());
        assertThat(next.body().path("items").get(0).path("id").asString()).isEqualTo(first.toString());
        var one = requester.get("/api/v1/environments/" + first);
        assertThat(one.body().path("owner").asString()).isEqualTo("requester");
        assertThat(one.body().path("handles").path("StackId").asString()).startsWith("arn:aws:cloudformation:");
        assertThat(one.body().path("history").get(0).path("kind").asString()).isEqualTo("PROVISION");
        assertThat(ApiClient.as("approver", port)
                        .get("/api/v1/environments/" + first)
                        .status())
                .isEqualTo(404);
        assertThat(requester.get("/api/v1/environments?cursor=nonsense").status())
                .isEqualTo(400);

        var requestsBefore = jdbc.queryForObject("select count(*) from vending_request", Integer.class);
        var tooLate = requester.postJson(
                "/api/v1/environments/" + first + "/extensions",
                "{\"expiresAt\": \"%s\", \"justification\": \"longer\"}"
                        .formatted(expiry(first).plus(Duration.ofDays(30))));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.body().path("title").asString()).isEqualTo("Past the maximum lifetime");
        var notOwner = ApiClient.as("lead", port)
                .postJson("/api/v1/environments/" + first + "/decommissions", "{\"justification\": \"mine\"}");
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(requestsBefore);

        clock.advance(Duration.ofDays(30));
        var body = "{\"expiresAt\": \"%s\", \"justification\": \"a month more\"}"
                .formatted(expiry(first).plus(Duration.ofDays(20)));
        var key = UUID.randomUUID().toString();
        var extended = requester.postJson("/api/v1/environments/" + first + "/extensions", body, key);
        assertThat(extended.status()).as(extended.toString()).isEqualTo(201);
        assertThat(extended.body().path("kind").asString()).isEqualTo("EXTEND");
        var replayed = requester.postJson("/api/v1/environments/" + first + "/extensions", body, key);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body().path("id").asString())
                .isEqualTo(extended.body().path("id").asString());
        assertThat(replayed.replayed()).isTrue();
        var otherBody = requester.postJson(
                "/api/v1/environments/" + first + "/extensions", body.replace("a month more", "other"), key);
        assertThat(otherBody.status()).isEqualTo(422);
        var busy =
                requester.postJson("/api/v1/environments/" + first + "/decommissions", "{\"justification\": \"now\"}");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.body().path("title").asString()).isEqualTo("Environment busy");
        assertThat(jdbc.queryForObject(
                        "select count(*) from vending_request where environment_id = ?", Integer.class, first))
                .isEqualTo(1);

        var decommission = requester.postJson(
                "/api/v1/environments/" + second + "/decommissions",
                "{\"justification\": \"done\"}",
                UUID.randomUUID().toString());
        assertThat(decommission.status()).isEqualTo(201);
        assertThat(decommission.body().path("kind").asString()).isEqualTo("DECOMMISSION");
        assertThat(decommission.body().path("environmentId").asString()).isEqualTo(second.toString());
    }

    /**
     * In a real Chromium: the owner finds the environment under Environments, extends its lease from its page (the
     * sandbox's policy approves extensions itself), an admin pauses its expiry, and the owner decommissions it.
     */
    @Test
    void theEnvironmentPageActionsInABrowser() {
        var environment = provision("lease-sandbox", "browser-env");
        clock.advance(Duration.ofDays(5));
        var newExpiry = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(362);
        String decommission;
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Environments"))
                    .click();
            page.locator("a[href='/environments/" + environment + "']").click();
            assertThat(page.getByTestId("environment-status")).hasText("ACTIVE");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("open in the AWS console")))
                    .hasAttribute(
                            "href", java.util.regex.Pattern.compile("console\\.aws\\.amazon\\.com/cloudformation"));

            page.getByLabel("New expiry (UTC date)").fill(newExpiry.toString());
            page.locator("#justification").fill("The demo runs longer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request extension"))
                    .click();
            assertThat(page.getByTestId("day-two")).containsText("EXTEND");
            assertThat(page.getByTestId("request-state")).hasText("SUCCEEDED");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("its environment"))
                    .click();
            assertThat(page.getByTestId("lease")).containsText(newExpiry.toString());
        }
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "admin");
            page.navigate(url("/environments/" + environment));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause expiry"))
                    .click();
            assertThat(page.getByTestId("lease")).containsText("expiry paused by an admin");
        }
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.navigate(url("/environments/" + environment));
            page.getByLabel("Justification").last().fill("The demo is over");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request decommissioning"))
                    .click();
            assertThat(page.getByTestId("day-two")).containsText("DECOMMISSION");
            decommission = page.url().substring(page.url().lastIndexOf('/') + 1);
        }
        approve("approver", decommission);
        awaitState(decommission, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(environment).equals("DECOMMISSIONED"));
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.navigate(url("/environments/" + environment));
            assertThat(page.getByTestId("environment-status")).hasText("DECOMMISSIONED");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request decommissioning")))
                    .hasCount(0);
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

    /**
     * The DECOMMISSION request Vendo files at the end of the environment's lease; the lease's clock looks every 15
     * minutes of the application's clock, so time goes on (a minute per look) while the test waits.
     *
     * @return its id
     */
    private String awaitDecommissionFiled(UUID environment) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            clock.advance(Duration.ofMinutes(1));
                            return jdbc.queryForList(
                                    "select id from vending_request where environment_id = ? and kind = 'DECOMMISSION'",
                                    UUID.class,
                                    environment);
                        },
                        found -> !found.isEmpty())
                .getFirst()
                .toString();
    }

    /**
     * The owner's mail about the environment; the lease's clock looks every 15 minutes of the application's clock, so
     * time goes on (a minute per look) while the test waits.
     */
    private jakarta.mail.internet.MimeMessage awaitMail(String subject, String about) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            clock.advance(Duration.ofMinutes(1));
                            return Mailbox.to("requester@vendo.local").stream()
                                    .filter(message -> Mailbox.subject(message).contains(subject))
                                    .filter(message -> Mailbox.body(message).contains(about))
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String submission(String siteName) {
        return """
                {"blueprint": "static-website", "target": "lease-dev",
                 "parameters": {"SiteName": "%s"}, "justification": "quota"}
                """
                .formatted(siteName);
    }

    private static BlueprintMetadata withQuota(BlueprintMetadata metadata, Integer quota) {
        return new BlueprintMetadata(
                metadata.name(),
                metadata.description(),
                metadata.owner(),
                metadata.tags(),
                metadata.allowedEnvironments(),
                metadata.approvalPolicy(),
                metadata.maxLifetime(),
                quota);
    }
}
