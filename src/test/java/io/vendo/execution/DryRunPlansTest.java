package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Without AWS, every kind's executor renders the exact calls it would make, secrets masked, and the request ends in
 * DRY_RUN; the request page shows the calls.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class DryRunPlansTest {

    private static final String TEMPLATE =
            """
            Parameters:
              InstanceType: {Type: String, AllowedValues: [t3.micro, t3.small]}
              Environment: {Type: String, AllowedValues: [dev, test]}
            Resources:
              Product: {Type: AWS::CloudFormation::WaitConditionHandle}
            """;
    private static final String ACCOUNT_TEMPLATE =
            """
            Parameters:
              AccountName: {Type: String}
              AccountEmail: {Type: String}
              ManagedOrganizationalUnit: {Type: String}
              SSOUserEmail: {Type: String}
              SSOUserFirstName: {Type: String}
              SSOUserLastName: {Type: String}
            Resources:
              Account: {Type: AWS::CloudFormation::WaitConditionHandle}
            """;
    private static final String PRODUCT_PARAMETERS = "{\"InstanceType\": \"t3.small\", \"Environment\": \"test\"}";
    private static final String ACCOUNT_PARAMETERS =
            """
            {"AccountName": "Team Rocket", "AccountEmail": "team-rocket@example.com",
             "ManagedOrganizationalUnit": "Workloads", "SSOUserEmail": "jessie@example.com",
             "SSOUserFirstName": "Jessie", "SSOUserLastName": "Rocket"}""";

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void target() {
        catalog.register(new NewTarget(
                "dry-run-dev", "Dry run (dev)", "111122223333", "eu-west-1", EnvironmentTier.DEV, null, null));
    }

    @Test
    void serviceCatalogProductPlanShowsProvisionProductWithItsTokenAndMasksSecrets() {
        var slug = blueprint(
                BlueprintKind.SERVICE_CATALOG_PRODUCT,
                TEMPLATE,
                new Delivery.ServiceCatalogProduct("prod-web4abc", "pa-web4v2", null));
        var id = submitAndApprove(slug, PRODUCT_PARAMETERS);

        assertThat(awaitPlan(id))
                .startsWith("In account 111122223333, region eu-west-1:")
                .contains("Service Catalog ProvisionProduct\n  ProductId: prod-web4abc")
                .contains("ProvisionedProductName: vendo-" + slug + "-" + id)
                .contains("ProvisionToken: vendo-" + id + "-provision-product")
                .contains("Parameter InstanceType: t3.small")
                .contains("Parameter Environment: test")
                .contains("Service Catalog DescribeRecord");
        var page = new WebSession(port).logIn("requester").get("/requests/" + id);
        assertThat(page.body()).contains("data-testid=\"dry-run-plan\"", "ProvisionProduct");
    }

    @Test
    void accountFactoryPlanShowsTheAccountFactoryProductAndTheAccountId() {
        var slug = blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.AccountFactory("prod-ctaccount", "pa-ctaccount1", List.of("Workloads")));
        var id = submitAndApprove(slug, ACCOUNT_PARAMETERS.replace("team-rocket@", slug + "@"));

        assertThat(awaitPlan(id))
                .contains("Service Catalog ProvisionProduct\n  ProductId: prod-ctaccount")
                .contains("Parameter ManagedOrganizationalUnit: Workloads")
                .contains("the new account's id is the record's AccountId output");
    }

    @Test
    void organizationsPlanShowsCreateAccountTheLookupAndTheMove() {
        var slug = blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of("ou-ab12-22222222"), "AWSControlTowerExecution"));
        var id = submitAndApprove(
                slug,
                ACCOUNT_PARAMETERS
                        .replace("team-rocket@", slug + "@")
                        .replace("\"Workloads\"", "\"ou-ab12-22222222\""));

        assertThat(awaitPlan(id))
                .contains("Organizations CreateAccount\n  Email: " + slug + "@example.com")
                .contains("AccountName: Team Rocket")
                .contains("RoleName: AWSControlTowerExecution")
                .contains("Organizations ListAccounts")
                .contains("Organizations MoveAccount\n  DestinationParentId: ou-ab12-22222222");
    }

    @Test
    void stackSetPlanShowsTheOperationIdAndPreferences() {
        var slug = blueprint(
                BlueprintKind.STACK_SET,
                TEMPLATE,
                new Delivery.StackSet("org-guardrails", List.of("eu-west-1", "us-east-1"), 50, 10));
        var id = submitAndApprove(slug, PRODUCT_PARAMETERS);

        assertThat(awaitPlan(id))
                .contains("CloudFormation CreateStackInstances\n  StackSetName: org-guardrails")
                .contains("Accounts: 111122223333")
                .contains("Regions: eu-west-1, us-east-1")
                .contains("OperationId: vendo-" + id + "-create-stack-instances")
                .contains("OperationPreferences.RegionOrder: eu-west-1, us-east-1")
                .contains("OperationPreferences.MaxConcurrentPercentage: 50")
                .contains("OperationPreferences.FailureTolerancePercentage: 10")
                .contains("ParameterOverride Environment: test");
    }

    /**
     * A StackSet for OUs: UpdateStackSet makes the values its parameters (service-managed, auto-deployment, the OUs
     * as deployment targets, counts instead of percentages), then CreateStackInstances for the OUs without overrides.
     */
    @Test
    void organizationalUnitStackSetPlanSetsTheStackSetsParametersThenCreatesTheOusInstances() {
        catalog.register(new NewTarget(
                "dry-run-org",
                "Dry run (organization)",
                "111122223333",
                "eu-west-1",
                EnvironmentTier.DEV,
                null,
                null,
                List.of(),
                List.of("ou-ab12-workloads")));
        var slug = blueprint(
                BlueprintKind.STACK_SET,
                TEMPLATE,
                new Delivery.StackSet(
                        "org-guardrails",
                        List.of("eu-west-1", "us-east-1"),
                        0,
                        0,
                        3,
                        2,
                        "PARALLEL",
                        StackSetPermissionModel.SERVICE_MANAGED,
                        List.of("ou-ab12-workloads"),
                        true,
                        true,
                        null));
        var id = submitAndApprove(slug, "dry-run-org", PRODUCT_PARAMETERS);

        var plan = awaitPlan(id);
        assertThat(plan)
                .contains("CloudFormation UpdateStackSet\n  StackSetName: org-guardrails\n  UsePreviousTemplate: true")
                .contains("PermissionModel: SERVICE_MANAGED")
                .contains("DeploymentTargets.OrganizationalUnitIds: ou-ab12-workloads")
                .contains("OperationId: vendo-" + id + "-update-stack-set")
                .contains("OperationPreferences.RegionConcurrencyType: PARALLEL")
                .contains("OperationPreferences.MaxConcurrentCount: 3")
                .contains("OperationPreferences.FailureToleranceCount: 2")
                .contains("AutoDeployment.Enabled: true")
                .contains("AutoDeployment.RetainStacksOnAccountRemoval: true")
                .contains("Parameter Environment: test")
                .contains("CloudFormation CreateStackInstances\n  StackSetName: org-guardrails")
                .contains("OperationId: vendo-" + id + "-create-stack-instances")
                .doesNotContain("ParameterOverride")
                .doesNotContain("MaxConcurrentPercentage")
                .doesNotContain("Accounts:");
        assertThat(plan.indexOf("UpdateStackSet")).isLessThan(plan.indexOf("CreateStackInstances"));
    }

    /** The dry run never decrypts: each kind's plan shows a NoEcho value as ****, and the database never holds it. */
    @ParameterizedTest
    @ValueSource(
            strings = {"STACK", "SERVICE_CATALOG_PRODUCT", "ACCOUNT_FACTORY", "ORGANIZATIONS_ACCOUNT", "STACK_SET"})
    void everyKindsPlanMasksNoEchoValues(String kind) {
        var secret = "Sw0rdfish-" + UUID.randomUUID().toString().substring(0, 8);
        var secretTemplate = TEMPLATE.replace(
                "Environment: {Type: String, AllowedValues: [dev, test]}",
                "Environment: {Type: String, AllowedValues: [dev, test]}\n  DbPassword: {Type: String, NoEcho: true}");
        var productParameters = PRODUCT_PARAMETERS.replace("}", ", \"DbPassword\": \"" + secret + "\"}");
        String slug;
        String parameters;
        String masked;
        switch (kind) {
            case "STACK" -> {
                slug = blueprint(BlueprintKind.STACK, secretTemplate, null);
                parameters = productParameters;
                masked = "Parameter DbPassword: ****";
            }
            case "SERVICE_CATALOG_PRODUCT" -> {
                slug = blueprint(
                        BlueprintKind.SERVICE_CATALOG_PRODUCT,
                        secretTemplate,
                        new Delivery.ServiceCatalogProduct("prod-web4abc", "pa-web4v2", null));
                parameters = productParameters;
                masked = "Parameter DbPassword: ****";
            }
            case "ACCOUNT_FACTORY" -> {
                slug = blueprint(
                        BlueprintKind.ACCOUNT,
                        ACCOUNT_TEMPLATE.replace(
                                "SSOUserLastName: {Type: String}", "SSOUserLastName: {Type: String, NoEcho: true}"),
                        new Delivery.AccountFactory("prod-ctaccount", "pa-ctaccount1", List.of("Workloads")));
                parameters = ACCOUNT_PARAMETERS
                        .replace("team-rocket@", slug + "@")
                        .replace("\"Rocket\"", "\"" + secret + "\"");
                masked = "Parameter SSOUserLastName: ****";
            }
            case "ORGANIZATIONS_ACCOUNT" -> {
                slug = blueprint(
                        BlueprintKind.ACCOUNT,
                        ACCOUNT_TEMPLATE.replace(
                                "AccountName: {Type: String}", "AccountName: {Type: String, NoEcho: true}"),
                        new Delivery.OrganizationsAccount(List.of("ou-ab12-22222222"), "AWSControlTowerExecution"));
                parameters = ACCOUNT_PARAMETERS
                        .replace("team-rocket@", slug + "@")
                        .replace("\"Workloads\"", "\"ou-ab12-22222222\"")
                        .replace("\"Team Rocket\"", "\"" + secret + "\"");
                masked = "AccountName: ****";
            }
            default -> {
                slug = blueprint(
                        BlueprintKind.STACK_SET,
                        secretTemplate,
                        new Delivery.StackSet("org-guardrails", List.of("eu-west-1"), 100, 0));
                parameters = productParameters;
                masked = "ParameterOverride DbPassword: ****";
            }
        }
        var id = submitAndApprove(slug, parameters);

        assertThat(awaitPlan(id)).contains(masked).doesNotContain(secret);
        assertThat(new WebSession(port).logIn("admin").get("/requests/" + id).body())
                .contains(masked)
                .doesNotContain(secret);
        assertThat(jdbc.queryForList(
                        "select table_name from information_schema.tables where table_schema = 'public'"
                                + " and table_type = 'BASE TABLE'",
                        String.class))
                .contains("vending_request", "execution", "audit_event")
                .allSatisfy(table -> assertThat(jdbc.queryForObject(
                                "select count(*) from \"%s\" t where t::text like ?".formatted(table),
                                Integer.class,
                                "%" + secret + "%"))
                        .as(table)
                        .isZero());
    }

    private String blueprint(BlueprintKind kind, String template, @Nullable Delivery delivery) {
        var slug = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.create(new NewBlueprint(
                slug,
                kind,
                new BlueprintMetadata(
                        "Dry " + slug,
                        "A " + kind + " in dry run",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null),
                new NewVersion(template, List.of(), delivery)));
        return slug;
    }

    private String submitAndApprove(String slug, String parameters) {
        return submitAndApprove(slug, "dry-run-dev", parameters);
    }

    private String submitAndApprove(String slug, String target, String parameters) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": %s,
                         "justification": "Dry run of every kind"}"""
                                .formatted(slug, target, parameters));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        var id = submitted.body().path("id").asString();
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(decided.status()).isEqualTo(200);
        return id;
    }

    private String awaitPlan(String id) {
        var requester = ApiClient.as("requester", port);
        var request = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> requester.get("/api/v1/requests/" + id).body(),
                        body -> body.path("state").asString().equals("DRY_RUN"));
        assertThat(request.path("outputs").isEmpty()).isTrue();
        return request.path("dryRunPlan").asString();
    }
}
