package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.vendo.catalog.StackSetCallAs;
import io.vendo.catalog.StackSetPermissionModel;
import io.vendo.support.ApiClient;
import io.vendo.support.ApprovedRequests;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * StackSets with service-managed permissions end to end, through the real SDK against the CloudFormation simulator and
 * Organizations in its JSON wire format: a request chooses its OUs (among its target's, checked with the organization)
 * and regions (among its blueprint's), and exactly those are deployed; what it may not choose is refused with nothing
 * stored, on the API and on the form in a real Chromium. A StackSet administered by a delegated administrator (the
 * target's account, through its role) sends CallAs=DELEGATED_ADMIN in every call, which the simulator, as AWS, requires
 * of that account.
 */
@VendoIntegrationTest
class StackSetOrganizationFlowTest {

    static final String OU = "ou-ab12-workloads";
    static final String SANDBOX_OU = "ou-ab12-sandboxes";
    static final String GONE_OU = "ou-ab12-formerunit";
    static final String ORGANIZATIONS = "AWSOrganizationsV20161128.";
    static final String DELEGATED_TARGET = "org-delegated";
    static final String DELEGATED_ACCOUNT = "222233334444";

    static final String TEMPLATE =
            """
            Parameters:
              InstanceType: {Type: String, AllowedValues: [t3.micro, t3.small]}
            Resources:
              Guardrail: {Type: AWS::CloudFormation::WaitConditionHandle}
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

    CloudFormationSimulator aws;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        aws = AwsStub.simulate();
        aws.organizationalUnit(OU, "210987654321", "123456789012");
        if (jdbc.queryForObject("select count(*) from target where slug = ?", Integer.class, DELEGATED_TARGET) == 0) {
            catalog.register(new NewTarget(
                    DELEGATED_TARGET,
                    "Organization StackSets (delegated administrator)",
                    DELEGATED_ACCOUNT,
                    "eu-west-1",
                    EnvironmentTier.DEV,
                    "arn:aws:iam::" + DELEGATED_ACCOUNT + ":role/VendoStackSets",
                    null,
                    List.of(),
                    List.of(OU, SANDBOX_OU, GONE_OU)));
        }
        aws.organizationalUnit(SANDBOX_OU, "333344445555");
        organizationalUnit(
                OU, 200, "{\"OrganizationalUnit\": {\"Id\": \"%s\", \"Name\": \"Workloads\"}}".formatted(OU));
        organizationalUnit(
                SANDBOX_OU,
                200,
                "{\"OrganizationalUnit\": {\"Id\": \"%s\", \"Name\": \"Sandboxes\"}}".formatted(SANDBOX_OU));
        organizationalUnit(
                GONE_OU,
                400,
                AwsStub.jsonError(
                        "OrganizationalUnitNotFoundException",
                        "We can't find an organizational unit (OU) with the OrganizationalUnitId that you specified."));
    }

    /** Organizations' DescribeOrganizationalUnit answers for this OU. */
    private static void organizationalUnit(String unit, int status, String body) {
        AwsStub.stubJson(
                ORGANIZATIONS + "DescribeOrganizationalUnit",
                "{\"OrganizationalUnitId\": \"%s\"}".formatted(unit),
                status,
                body);
    }

    private int stored(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    /** A STACK_SET blueprint for the OU in two regions; @return its slug */
    String organizationBlueprint(StackSetCallAs callAs) {
        return organizationBlueprint(OU, callAs);
    }

    /** A STACK_SET blueprint whose own OU is this one, in two regions; @return its slug */
    String organizationBlueprint(String unit, StackSetCallAs callAs) {
        var slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                BlueprintKind.STACK_SET,
                new BlueprintMetadata(
                        "Guardrails " + slug,
                        "Org-wide guardrails",
                        "security-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null),
                new NewVersion(
                        TEMPLATE,
                        List.of(),
                        new Delivery.StackSet(
                                slug,
                                List.of("eu-west-1", "eu-central-1"),
                                0,
                                0,
                                2,
                                1,
                                null,
                                StackSetPermissionModel.SERVICE_MANAGED,
                                List.of(unit),
                                true,
                                null,
                                callAs))));
        return slug;
    }

    String submit(String slug, String target, String extra) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": {"InstanceType": "t3.micro"},
                         "justification": "org-wide guardrails"%s}"""
                                .formatted(slug, target, extra));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.body().path("id").asString();
    }

    @Test
    void aDelegatedAdministratorsStackSetIsCalledAsDelegatedAdminFromTheTargetsAccountInEveryCall() {
        aws.delegatedAdministrator(DELEGATED_ACCOUNT);
        var slug = organizationBlueprint(StackSetCallAs.DELEGATED_ADMIN);
        var requests = new ApprovedRequests(port);
        var id = submit(slug, DELEGATED_TARGET, "");

        requests.approve(id);
        requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60));

        var calls =
                List.of("UpdateStackSet", "CreateStackInstances", "DescribeStackSetOperation", "ListStackInstances");
        for (var call : calls) {
            var received = AwsStub.received(call);
            assertThat(received).as(call).isNotEmpty();
            assertThat(received).as(call).allSatisfy(request -> {
                assertThat(AwsStub.form(request)).containsEntry("CallAs", "DELEGATED_ADMIN");
                // Signed with the session credentials of the target's role, not the portal's own.
                assertThat(request.getHeader("Authorization")).contains("ASIA" + DELEGATED_ACCOUNT);
            });
        }
        assertThat(AwsStub.received("AssumeRole").stream().map(AwsStub::form)).anyMatch(form -> form.get("RoleArn")
                .equals("arn:aws:iam::" + DELEGATED_ACCOUNT + ":role/VendoStackSets"));
        assertThat(requests.get(id).path("outputs").toString())
                .contains("Instance 210987654321 eu-west-1")
                .contains("Instance 123456789012 eu-central-1");
    }

    /** The management account (the portal's own credentials, CallAs left to AWS's SELF) is refused by nothing. */
    @Test
    void theManagementAccountSendsNoCallAs() {
        var slug = organizationBlueprint(null);
        var requests = new ApprovedRequests(port);
        var id = submit(slug, DELEGATED_TARGET, "");

        requests.approve(id);
        requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60));

        assertThat(AwsStub.received("CreateStackInstances")).singleElement().satisfies(request -> {
            assertThat(AwsStub.form(request)).doesNotContainKey("CallAs");
            assertThat(request.getHeader("Authorization")).doesNotContain("ASIA");
        });
    }

    /** CallAs DELEGATED_ADMIN is CloudFormation's for service-managed StackSets only: the blueprint is refused. */
    @Test
    void delegatedAdminOnASelfManagedStackSetIsRefusedAndNothingIsStored() throws Exception {
        var refused = ApiClient.as("admin", port)
                .postJson(
                        "/api/v1/blueprints",
                        """
                        {"slug": "self-delegated", "kind": "STACK_SET", "name": "Self delegated",
                         "owner": "security-team", "template": %s,
                         "delivery": {"type": "StackSet", "stackSetName": "self-delegated", "regions": ["eu-west-1"],
                                      "maxConcurrentPercentage": 100, "callAs": "DELEGATED_ADMIN"}}"""
                                .formatted(JsonMapper.builder().build().writeValueAsString(TEMPLATE)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").path("delivery.callAs").asString())
                .contains("SERVICE_MANAGED");
        assertThat(jdbc.queryForObject("select count(*) from blueprint where slug = 'self-delegated'", Integer.class))
                .isZero();
    }

    /**
     * The request chooses one OU of the target's and one region of the blueprint's: the organization is asked whether
     * the OU exists (as the target's role), and the StackSet's parameters, its instances and the environment are that
     * OU's in that region only.
     */
    @Test
    void aRequestDeploysToTheOrganizationalUnitsAndRegionsItChose() {
        var slug = organizationBlueprint(null);
        var requests = new ApprovedRequests(port);
        var id = submit(
                slug,
                DELEGATED_TARGET,
                ", \"organizationalUnits\": [\"%s\"], \"regions\": [\"eu-central-1\"]".formatted(SANDBOX_OU));

        assertThat(AwsStub.receivedJson(ORGANIZATIONS + "DescribeOrganizationalUnit"))
                .singleElement()
                .satisfies(call -> assertThat(
                                AwsStub.body(call).path("OrganizationalUnitId").asString())
                        .isEqualTo(SANDBOX_OU));
        var submitted = requests.get(id);
        assertThat(submitted.path("stackSet").path("organizationalUnits").toString())
                .isEqualTo("[\"" + SANDBOX_OU + "\"]");
        assertThat(submitted.path("stackSet").path("regions").toString()).isEqualTo("[\"eu-central-1\"]");
        var events = ApiClient.as("requester", port)
                .get("/api/v1/requests/" + id + "/events")
                .body();
        assertThat(events.findValues("action").stream().map(action -> action.asString()))
                .contains("request.stack-set-targets-chosen");
        assertThat(events.toString()).contains("\"organizationalUnits\":\"" + SANDBOX_OU + "\"");
        requests.approve(id);
        requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60));

        for (var call : List.of("UpdateStackSet", "CreateStackInstances")) {
            assertThat(AwsStub.received(call)).as(call).singleElement().satisfies(request -> assertThat(
                            AwsStub.form(request))
                    .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", SANDBOX_OU)
                    .doesNotContainKey("DeploymentTargets.OrganizationalUnitIds.member.2")
                    .containsEntry("Regions.member.1", "eu-central-1")
                    .doesNotContainKey("Regions.member.2")
                    .containsEntry("OperationPreferences.RegionOrder.member.1", "eu-central-1"));
        }
        assertThat(requests.get(id).path("outputs").toString())
                .contains("Instance 333344445555 eu-central-1")
                .doesNotContain("eu-west-1")
                .doesNotContain("210987654321");
        assertThat(jdbc.queryForObject(
                        "select handles::text from environment where provisioned_by = ?::uuid", String.class, id))
                .contains("\"StackSetOrganizationalUnits\": \"" + SANDBOX_OU + "\"")
                .contains("\"StackSetRegions\": \"eu-central-1\"");
        var page =
                new WebSession(port).logIn("requester").get("/requests/" + id).body();
        assertThat(page).contains("data-testid=\"stackset-choice\"").contains(SANDBOX_OU);
    }

    /**
     * What a request may not choose is refused as problem+json, keyed by field, and nothing is stored: an OU the
     * organization does not have (Organizations: OrganizationalUnitNotFoundException), an OU the target does not list, a
     * region that is not the blueprint's, OUs for a blueprint that is no StackSet.
     */
    @Test
    void organizationalUnitsAndRegionsARequestMayNotChooseAreRefusedAndNothingIsStored() {
        var slug = organizationBlueprint(null);
        var requester = ApiClient.as("requester", port);
        var before = stored("vending_request");
        var choicesBefore = stored("request_stack_set_choice");
        var cases = Map.of(
                ", \"organizationalUnits\": [\"%s\"]".formatted(GONE_OU),
                Map.entry("organizationalUnits", "The organization has no organizational unit " + GONE_OU),
                ", \"organizationalUnits\": [\"ou-ab12-notlisted1\"]",
                Map.entry("organizationalUnits", "Target " + DELEGATED_TARGET + " allows StackSets in"),
                ", \"organizationalUnits\": [\"Workloads\"]",
                Map.entry("organizationalUnits", "'Workloads' is not an OU id"),
                ", \"regions\": [\"us-east-1\"]",
                Map.entry("regions", "deploys to eu-west-1, eu-central-1 only, not to us-east-1"));
        cases.forEach((extra, refusal) -> {
            var refused = requester.postJson(
                    "/api/v1/requests",
                    """
                    {"blueprint": "%s", "target": "%s", "parameters": {"InstanceType": "t3.micro"},
                     "justification": "org-wide guardrails"%s}"""
                            .formatted(slug, DELEGATED_TARGET, extra));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("errors").path(refusal.getKey()).asString())
                    .as(extra)
                    .contains(refusal.getValue());
        });
        var notAStackSet = requester.postJson(
                "/api/v1/requests",
                """
                {"blueprint": "static-website", "target": "sandbox-eu-west-1", "parameters": {"SiteName": "ou-site"},
                 "justification": "a site", "organizationalUnits": ["%s"]}"""
                        .formatted(OU));
        assertThat(notAStackSet.status()).as(notAStackSet.toString()).isEqualTo(400);
        assertThat(notAStackSet
                        .body()
                        .path("errors")
                        .path("organizationalUnits")
                        .asString())
                .isEqualTo("Only StackSet blueprints deploy to organizational units");

        assertThat(stored("vending_request")).isEqualTo(before);
        assertThat(stored("request_stack_set_choice")).isEqualTo(choicesBefore);
    }

    /**
     * On the form in a real Chromium: the target's OUs and the blueprint's regions are check boxes; none left checked is
     * refused beside the field, an OU the organization does not have after review, and the chosen ones are reviewed,
     * submitted and shown on the request's page.
     */
    @Test
    void theFormOffersTheTargetsOrganizationalUnitsAndTheBlueprintsRegions() {
        var slug = organizationBlueprint(null);
        try (var context = chromium.newContext()) {
            var page = context.newPage();
            ChromiumPages.logIn(page, "http://localhost:" + port + "/login", "requester");
            page.navigate("http://localhost:" + port + "/blueprints/" + slug + "/request?target=" + DELEGATED_TARGET);
            var units = page.getByTestId("organizational-units");
            assertThat(units.locator("input[type=checkbox]").count()).isEqualTo(3);
            assertThat(page.getByLabel(OU).isChecked())
                    .as("the blueprint's OU, checked at first")
                    .isTrue();
            page.getByLabel(OU).uncheck();
            page.getByLabel("eu-west-1").uncheck();
            page.getByLabel("eu-central-1").uncheck();
            page.locator("#param-InstanceType").selectOption("t3.small");
            page.getByLabel("Justification").fill("Guardrails for the sandboxes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();

            assertThat(page.locator("#organizationalUnits-error").textContent())
                    .isEqualTo("Choose at least one organizational unit");
            assertThat(page.locator("#regions-error").textContent()).isEqualTo("Choose at least one region");

            page.getByLabel(GONE_OU).check();
            page.getByLabel("eu-central-1").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();
            assertThat(page.locator("#organizationalUnits-error").textContent())
                    .isEqualTo("The organization has no organizational unit " + GONE_OU);

            page.getByLabel(GONE_OU).uncheck();
            page.getByLabel(SANDBOX_OU).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();
            assertThat(page.getByTestId("review-units").textContent()).startsWith(SANDBOX_OU + ":");
            assertThat(page.getByTestId("review-regions").textContent()).isEqualTo("eu-central-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();

            page.getByTestId("stackset-choice").waitFor();
            assertThat(page.getByTestId("chosen-units").textContent()).isEqualTo(SANDBOX_OU);
            assertThat(page.getByTestId("chosen-regions").textContent()).isEqualTo("eu-central-1");
            var id = page.url().substring(page.url().lastIndexOf('/') + 1);
            assertThat(jdbc.queryForObject(
                            "select array_to_string(organizational_units, ',') || ' / ' || array_to_string(regions, ',')"
                                    + " from request_stack_set_choice where request_id = ?::uuid",
                            String.class,
                            id))
                    .isEqualTo(SANDBOX_OU + " / eu-central-1");
        }
    }

    /**
     * An UPDATE acts on the OUs and regions the environment was created for, even where the target does not list the
     * blueprint's own OU (its request had to choose): the UPDATE is filed, shows them, and UpdateStackSet names them.
     */
    @Test
    void anUpdateKeepsTheOrganizationalUnitsAndRegionsItsEnvironmentWasCreatedFor() {
        var slug = organizationBlueprint("ou-ab12-notlisted1", null);
        var requests = new ApprovedRequests(port);
        var refused = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": {"InstanceType": "t3.micro"},
                         "justification": "the blueprint's own OU"}"""
                                .formatted(slug, DELEGATED_TARGET));
        assertThat(refused.status())
                .as("the blueprint's own OU is not the target's")
                .isEqualTo(400);
        var id = submit(
                slug,
                DELEGATED_TARGET,
                ", \"organizationalUnits\": [\"%s\"], \"regions\": [\"eu-west-1\"]".formatted(SANDBOX_OU));
        requests.approve(id);
        requests.awaitState(id, "SUCCEEDED", Duration.ofSeconds(60));
        var environment =
                jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);

        var filed = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/environments/" + environment + "/updates",
                        "{\"parameters\": {\"InstanceType\": \"t3.small\"}, \"justification\": \"bigger\"}",
                        UUID.randomUUID().toString());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        var update = filed.body().path("id").asString();
        assertThat(requests.get(update)
                        .path("stackSet")
                        .path("organizationalUnits")
                        .toString())
                .isEqualTo("[\"" + SANDBOX_OU + "\"]");
        // Approved on the round the approver was shown: the values that change and, above them, these OUs.
        var round = requests.get(update).path("preview").path("round").asInt();
        var decided = ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + update + "/decisions",
                        "{\"decision\": \"APPROVE\", \"round\": %d}".formatted(round));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        requests.awaitState(update, "SUCCEEDED", Duration.ofSeconds(60));

        assertThat(AwsStub.received("UpdateStackSet").stream()
                        .map(AwsStub::form)
                        .filter(form -> form.get("OperationId").equals("vendo-" + update + "-update-stack-set")))
                .singleElement()
                .satisfies(form -> assertThat(form)
                        .containsEntry("Parameters.member.1.ParameterValue", "t3.small")
                        .containsEntry("DeploymentTargets.OrganizationalUnitIds.member.1", SANDBOX_OU)
                        .doesNotContainKey("DeploymentTargets.OrganizationalUnitIds.member.2")
                        .containsEntry("Regions.member.1", "eu-west-1")
                        .doesNotContainKey("Regions.member.2"));
    }
}
