package io.vendo.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The catalog with AWS configured, through the real SDK clients against WireMock speaking CloudFormation's query/XML
 * and Service Catalog's JSON 1.1 protocols. A STACK or STACK_SET version is checked by CloudFormation
 * (ValidateTemplate, GetTemplateSummary): AWS's model is compared with Vendo's, differences are shown to the admin, a
 * refused template is not stored. A product's version (SERVICE_CATALOG_PRODUCT, Account Factory) is compared with the
 * parameters Service Catalog provisions it with (DescribeProvisioningParameters), and a portfolio import builds forms
 * from them with no template copied by hand. The demo catalog loads with all four blueprints accepted and requestable.
 * The start-up sync is off, so that each test loads what it stubbed.
 */
@VendoIntegrationTest
@TestPropertySource(
        properties = {
            "vendo.catalog.sync-on-start=false",
            "vendo.catalog.service-catalog-region=eu-west-1",
            "vendo.catalog.service-catalog-portfolios=port-platform1",
            "vendo.aws.organization-accounts-ttl=0s"
        })
class LiveAwsCatalogTest {

    private static final String TEMPLATE =
            """
            Parameters:
              RoleName:
                Type: String
                Default: app-role
              Stage:
                Type: String
                AllowedValues: [dev, prod]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: !Ref RoleName
                  AssumeRolePolicyDocument: {}
            """;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    private static final String SC = "AWS242ServiceCatalogService.";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    CatalogAdministration catalogAdministration;

    @Autowired
    CatalogSync directorySync;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
    }

    @Test
    void differencesBetweenAwsAndVendoAreStoredWithTheVersionAndShownToTheAdmin() {
        AwsStub.stubValidateTemplate(
                "CAPABILITY_NAMED_IAM", "The following resource(s) require capabilities: [AWS::IAM::Role]");
        AwsStub.stubGetTemplateSummary(
                """
                <member><ParameterKey>RoleName</ParameterKey><ParameterType>String</ParameterType>
                  <DefaultValue>app-role</DefaultValue><NoEcho>false</NoEcho></member>
                <member><ParameterKey>Stage</ParameterKey><ParameterType>String</ParameterType><NoEcho>false</NoEcho>
                  <ParameterConstraints><AllowedValues><member>dev</member><member>staging</member><member>prod</member></AllowedValues></ParameterConstraints></member>
                <member><ParameterKey>Region</ParameterKey><ParameterType>String</ParameterType><NoEcho>false</NoEcho></member>
                """);

        var created = ApiClient.as("admin", port).postJson("/api/v1/blueprints", blueprint("aws-checked-role"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var aws = created.body().path("versions").get(0).path("aws");
        assertThat(aws.path("outcome").asString()).isEqualTo("CHECKED");
        assertThat(strings(aws.path("differences")))
                .containsExactlyInAnyOrder(
                        "Parameter Stage: AllowedValues is [dev, prod] in Vendo's model, [dev, staging, prod] for AWS",
                        "Parameter Region: AWS reports it, Vendo's model does not have it",
                        "Capabilities: AWS requires CAPABILITY_NAMED_IAM (The following resource(s) require "
                                + "capabilities: [AWS::IAM::Role]); the version declares none");
        var validate = AwsStub.form(AwsStub.received("ValidateTemplate").getFirst());
        assertThat(validate.get("TemplateBody")).isEqualTo(TEMPLATE);
        assertThat(AwsStub.received("GetTemplateSummary")).hasSize(1);

        var page = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("admin")
                .get("/admin/blueprints/aws-checked-role")
                .body());
        assertThat(page).contains("AWS requires CAPABILITY_NAMED_IAM");
    }

    @Test
    void aTemplateCloudFormationRefusesIsNotStored() {
        AwsStub.stubValidateTemplateError(
                "Template format error: Unresolved resource dependencies [Missing] in the Resources block");

        var refused = ApiClient.as("admin", port).postJson("/api/v1/blueprints", blueprint("aws-refused-role"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("template").asString())
                .isEqualTo("CloudFormation refuses the template: Template format error: Unresolved resource "
                        + "dependencies [Missing] in the Resources block");
        assertThat(ApiClient.as("admin", port)
                        .get("/api/v1/blueprints/aws-refused-role")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPortfolioImportBuildsEachProductsFormFromDescribeProvisioningParameters() {
        stubPlatformPortfolio(false);

        var imported =
                admin().postJson("/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"port-platform1\"}");

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(entries(imported.body()))
                .containsExactly(
                        "prod-ctaf01 aws-control-tower-account-factory ADDED Added as ACCOUNT from provisioning"
                                + " artifact AWS Control Tower Account Factory (pa-ctaf1)",
                        "prod-queue01 Retired queue REFUSED No active provisioning artifact that is not deprecated",
                        "prod-postgres01 team-postgresql ADDED Added as SERVICE_CATALOG_PRODUCT from provisioning"
                                + " artifact v2 (pa-pg2)");

        // The newest active artifact that is not deprecated, through the portfolio's own launch path.
        var postgres = catalog.version("team-postgresql", 1);
        assertThat(postgres.kind()).isEqualTo(BlueprintKind.SERVICE_CATALOG_PRODUCT);
        assertThat(postgres.delivery())
                .isEqualTo(new Delivery.ServiceCatalogProduct("prod-postgres01", "pa-pg2", "lpv3-platform"));
        assertThat(AwsStub.receivedJson(SC + "DescribeProvisioningParameters"))
                .extracting(request -> AwsStub.body(request).toString())
                .contains("{\"ProductId\":\"prod-postgres01\",\"ProvisioningArtifactId\":\"pa-pg2\","
                        + "\"PathId\":\"lpv3-platform\"}");
        assertThat(AwsStub.body(AwsStub.receivedJson(SC + "SearchProductsAsAdmin")
                                .getFirst())
                        .path("PortfolioId")
                        .asString())
                .isEqualTo("port-platform1");
        assertThat(AwsStub.receivedJson(SC + "SearchProductsAsAdmin")).hasSize(2);

        // The form is Service Catalog's model: constraints, allowed values, NoEcho, defaults, descriptions.
        var schema = ApiClient.as("requester", port)
                .get("/api/v1/blueprints/team-postgresql/versions/1")
                .body();
        var properties = schema.path("properties");
        assertThat(strings(schema.path("required"))).containsExactly("MasterPassword");
        assertThat(properties.path("DbName").path("pattern").asString()).isEqualTo("^(?:[a-z][a-z0-9_]{0,30})$");
        assertThat(properties.path("DbName").path("maxLength").asInt()).isEqualTo(31);
        assertThat(properties.path("DbName").path("default").asString()).isEqualTo("app");
        assertThat(properties.path("DbName").path("description").asString()).isEqualTo("The database's name");
        assertThat(properties.path("DbName").path("x-constraint-description").asString())
                .isEqualTo("lower-case letters, digits and underscores");
        assertThat(strings(properties.path("InstanceClass").path("enum")))
                .containsExactly("db.t3.micro", "db.t3.small");
        assertThat(properties.path("StorageGb").path("type").asString()).isEqualTo("number");
        assertThat(properties.path("StorageGb").path("minimum").asInt()).isEqualTo(20);
        assertThat(properties.path("StorageGb").path("maximum").asInt()).isEqualTo(1000);
        assertThat(properties.path("MasterPassword").path("writeOnly").asBoolean())
                .isTrue();
        assertThat(properties.path("MasterPassword").path("minLength").asInt()).isEqualTo(12);
        var aws = admin().get("/api/v1/blueprints/team-postgresql")
                .body()
                .path("versions")
                .get(0)
                .path("aws");
        assertThat(aws.path("outcome").asString()).isEqualTo("CHECKED");
        assertThat(aws.path("differences").isEmpty()).isTrue();
        assertThat(postgres.templateBody()).contains("Vendo::ServiceCatalog:").doesNotContain("Resources");

        // Control Tower's Account Factory is such a product: an ACCOUNT blueprint, OUs from its allowed values.
        var account = catalog.version("aws-control-tower-account-factory", 1);
        assertThat(account.kind()).isEqualTo(BlueprintKind.ACCOUNT);
        assertThat(account.delivery())
                .isEqualTo(new Delivery.AccountFactory("prod-ctaf01", "pa-ctaf1", List.of("Sandbox", "Workloads")));

        // Requestable: a requester submits against the imported form, which refuses what Service Catalog would.
        var refused = submit("team-postgresql", "{\"DbName\": \"App-1\", \"MasterPassword\": \"short\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(strings(refused.body().path("errors").propertyNames())).contains("DbName", "MasterPassword");
        var submitted =
                submit("team-postgresql", "{\"DbName\": \"orders\", \"MasterPassword\": \"correct-horse-battery\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.body().path("parameters").path("MasterPassword").asString())
                .isEqualTo("****");
        var form = new WebSession(port)
                .logIn("requester")
                .get("/blueprints/team-postgresql/request")
                .body();
        assertThat(form).contains("id=\"param-DbName\"", "type=\"password\"", "db.t3.small");

        // Again: nothing changed. A newer artifact with another parameter: a new version.
        assertThat(entries(admin().postJson(
                                "/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"port-platform1\"}")
                        .body()))
                .contains(
                        "prod-postgres01 team-postgresql UNCHANGED Unchanged at version 1",
                        "prod-ctaf01 aws-control-tower-account-factory UNCHANGED Unchanged at version 1");
        stubPlatformPortfolio(true);
        assertThat(entries(admin().postJson(
                                "/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"port-platform1\"}")
                        .body()))
                .contains(
                        "prod-postgres01 team-postgresql CHANGED New version 2 from provisioning artifact v4 (pa-pg4)");
        assertThat(catalog.version("team-postgresql", 2).parameters())
                .extracting(ParameterDefinition::name)
                .containsExactly("DbName", "InstanceClass", "StorageGb", "MasterPassword", "BackupRetentionDays");
    }

    @Test
    void aPortfolioImportIsRefusedForABadOrUnknownPortfolioAndOnTheAdminPage() {
        AwsStub.stubJson(
                SC + "DescribePortfolio",
                400,
                AwsStub.jsonError("ResourceNotFoundException", "Portfolio port-nowhere1 not found."));

        var malformed = admin().postJson("/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"platform\"}");
        var unknown =
                admin().postJson("/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"port-nowhere1\"}");
        var requester = ApiClient.as("requester", port)
                .postJson("/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"port-platform1\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").path("portfolioId").asString())
                .isEqualTo("Give a Service Catalog portfolio id such as port-abc123");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("errors").path("portfolioId").asString())
                .isEqualTo("Service Catalog knows no portfolio port-nowhere1 for the portal: Portfolio port-nowhere1"
                        + " not found.");
        assertThat(requester.status()).isEqualTo(403);

        stubPlatformPortfolio(false);
        var page = new WebSession(port).logIn("admin");
        assertThat(page.get("/admin/blueprints").body())
                .contains("Import from Service Catalog", "name=\"portfolioId\"");
        var refused = HtmlUtils.htmlUnescape(
                page.post("/admin/catalog/service-catalog-import", Map.of("portfolioId", "port-nowhere1"))
                        .body());
        assertThat(refused).contains("Service Catalog knows no portfolio port-nowhere1 for the portal");
        var report = HtmlUtils.htmlUnescape(
                page.post("/admin/catalog/service-catalog-import", Map.of("portfolioId", "port-platform1"))
                        .body());
        assertThat(report)
                .contains(
                        "data-testid=\"sync-report\"",
                        "prod-postgres01 · team-postgresql",
                        "prod-queue01 · Retired queue")
                .contains("No active provisioning artifact that is not deprecated");
    }

    /**
     * A hand-written form stays possible: its template needs no Resources, and each version is compared with Service
     * Catalog's model, differences stored and shown as for stacks. A product Service Catalog does not know is refused.
     */
    @Test
    void aHandWrittenProductFormIsComparedWithServiceCatalogsModelAndAnUnknownProductIsRefused() {
        AwsStub.stubJson(
                SC + "DescribeProvisioningParameters",
                "{\"ProductId\": \"prod-handmade01\", \"ProvisioningArtifactId\": \"pa-hm1\"}",
                200,
                """
                {"ProvisioningArtifactParameters": [
                  {"ParameterKey": "BucketName", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": [], "MaxLength": "63"}},
                  {"ParameterKey": "ApiKey", "ParameterType": "String", "IsNoEcho": true,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "Tier", "ParameterType": "String", "DefaultValue": "standard", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": ["standard", "premium"]}}],
                 "ConstraintSummaries": [], "UsageInstructions": [], "TagOptions": []}""");
        AwsStub.stubJson(
                SC + "DescribeProvisioningParameters",
                "{\"ProductId\": \"prod-missing01\"}",
                400,
                AwsStub.jsonError("ResourceNotFoundException", "Product prod-missing01 not found."));
        var form =
                """
                Parameters:
                  BucketName: {Type: String, MaxLength: 63}
                  ApiKey: {Type: String}
                  Tier: {Type: String, Default: standard, AllowedValues: [standard, gold]}
                  Owner: {Type: String}
                """;

        var created = admin().postJson("/api/v1/blueprints", product("handmade-bucket", form, "prod-handmade01"));
        var unknown = admin().postJson("/api/v1/blueprints", product("handmade-missing", form, "prod-missing01"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var aws = created.body().path("versions").get(0).path("aws");
        assertThat(aws.path("outcome").asString()).isEqualTo("CHECKED");
        assertThat(strings(aws.path("differences")))
                .containsExactlyInAnyOrder(
                        "Parameter ApiKey: NoEcho is false in Vendo's model, true for AWS",
                        "Parameter Tier: AllowedValues is [standard, gold] in Vendo's model, [standard, premium] for"
                                + " AWS",
                        "Parameter Owner: in Vendo's form, Service Catalog does not provision with it");
        assertThat(AwsStub.received("ValidateTemplate"))
                .as("CloudFormation never sees a product's form")
                .isEmpty();
        assertThat(HtmlUtils.htmlUnescape(new WebSession(port)
                        .logIn("admin")
                        .get("/admin/blueprints/handmade-bucket")
                        .body()))
                .contains("AWS's model differs from Vendo's", "Parameter ApiKey: NoEcho is false");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").path("delivery").asString())
                .isEqualTo("Service Catalog knows no product prod-missing01, provisioning artifact pa-hm1 for the"
                        + " portal: Product prod-missing01 not found.");
    }

    /**
     * With AWS configured the demo catalog loads as it does at start-up: every blueprint accepted (the stacks, the
     * composite's templates and the StackSet checked by CloudFormation, the VPC product and Account Factory compared with Service Catalog), with the
     * configured portfolio imported in the same sync, and each is requestable.
     */
    @Test
    void theDemoCatalogLoadsWithEveryBlueprintAcceptedAndRequestable() {
        stubDemoCatalogChecks();
        stubPlatformPortfolio(false);
        AwsStub.stubJson("AWSOrganizationsV20161128.ListAccounts", 200, "{\"Accounts\": []}");

        var sync = admin().post("/api/v1/catalog/sync", "application/json", "");

        assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
        assertThat(entries(sync.body()))
                .contains(
                        "security-baseline/blueprint.yaml security-baseline ADDED Added as version 1",
                        "shared-vpc/blueprint.yaml shared-vpc ADDED Added as version 1",
                        "static-website/blueprint.yaml static-website ADDED Added as version 1",
                        "team-account/blueprint.yaml team-account ADDED Added as version 1",
                        "app-service/blueprint.yaml app-service ADDED Added as version 1",
                        "three-tier-app/blueprint.yaml three-tier-app ADDED Added as version 1",
                        "org-guardrails/blueprint.yaml org-guardrails ADDED Added as version 1")
                // The configured portfolio, imported in the same sync (added, or unchanged when another test did).
                .anyMatch(entry -> entry.startsWith("prod-postgres01 team-postgresql "))
                .noneMatch(entry -> entry.contains("REFUSED") && !entry.startsWith("prod-queue01"));
        assertThat(AwsStub.received("ValidateTemplate"))
                .as("CloudFormation checks what it deploys: the stacks, the two StackSets and the composite's own two"
                        + " templates, not the products' forms")
                .hasSize(6);
        for (var slug : List.of("static-website", "security-baseline", "shared-vpc")) {
            var aws = admin().get("/api/v1/blueprints/" + slug)
                    .body()
                    .path("versions")
                    .get(0)
                    .path("aws");
            assertThat(aws.path("outcome").asString()).as(slug).isEqualTo("CHECKED");
            assertThat(aws.path("differences").isEmpty()).as(slug + ": " + aws).isTrue();
        }
        var account = admin().get("/api/v1/blueprints/team-account")
                .body()
                .path("versions")
                .get(0)
                .path("aws");
        assertThat(account.path("outcome").asString()).isEqualTo("CHECKED");
        assertThat(strings(account.path("differences")))
                .contains("Parameter AccountName: AllowedPattern is [ -~]+ in Vendo's model, (none) for AWS");

        assertThat(submit("static-website", "sandbox-eu-west-1", "{\"SiteName\": \"demo-live\"}")
                        .status())
                .isEqualTo(201);
        assertThat(submit("security-baseline", "sandbox-eu-west-1", "{}").status())
                .isEqualTo(201);
        assertThat(submit("shared-vpc", "prod-eu-west-1", "{\"AvailabilityZones\": \"3\"}")
                        .status())
                .isEqualTo(201);
        var account1 = ApiClient.as("lead", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "team-account", "target": "org-management", "justification": "Demo",
                         "parameters": {"AccountName": "Demo", "AccountEmail": "demo-live@example.com",
                          "ManagedOrganizationalUnit": "Workloads", "SSOUserEmail": "lead@example.com",
                          "SSOUserFirstName": "Lee", "SSOUserLastName": "Lead"}}""");
        assertThat(account1.status()).as(account1.toString()).isEqualTo(201);
    }

    /** A product blueprint whose descriptor names no template gets its form from Service Catalog at every sync. */
    @Test
    void aDirectoryProductWithoutATemplateGetsItsFormFromServiceCatalog(@TempDir Path directory) throws Exception {
        var folder = Files.createDirectories(directory.resolve("team-queue"));
        Files.writeString(
                folder.resolve("blueprint.yaml"),
                """
                name: Team queue
                kind: SERVICE_CATALOG_PRODUCT
                description: A queue from the messaging portfolio
                owner: messaging-team
                delivery:
                  productId: prod-queue02
                  provisioningArtifactId: pa-q2
                """);
        AwsStub.stubJson(
                SC + "DescribeProvisioningParameters",
                "{\"ProductId\": \"prod-queue02\", \"ProvisioningArtifactId\": \"pa-q2\"}",
                200,
                """
                {"ProvisioningArtifactParameters": [
                  {"ParameterKey": "QueueName", "ParameterType": "String", "IsNoEcho": false,
                   "Description": "The queue's name", "ParameterConstraints": {"AllowedValues": [], "MaxLength": "80"}},
                  {"ParameterKey": "Fifo", "ParameterType": "String", "DefaultValue": "false", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": ["true", "false"]}}]}""");

        var report = directorySync.synchronize("file:" + directory);

        assertThat(report.entries())
                .extracting(entry -> entry.subject() + " " + entry.outcome())
                .containsExactly("team-queue ADDED");
        var version = catalog.version("team-queue", 1);
        assertThat(version.parameters())
                .extracting(
                        ParameterDefinition::name, ParameterDefinition::maxLength, ParameterDefinition::allowedValues)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("QueueName", 80, List.of()),
                        org.assertj.core.groups.Tuple.tuple("Fifo", null, List.of("true", "false")));
        assertThat(directorySync.synchronize("file:" + directory).entries())
                .extracting(entry -> entry.detail())
                .containsExactly("Unchanged at version 1");
    }

    private void stubPlatformPortfolio(boolean newerArtifact) {
        AwsStub.stubJson(
                SC + "DescribePortfolio",
                "{\"Id\": \"port-platform1\"}",
                200,
                """
                {"PortfolioDetail": {"Id": "port-platform1",
                  "ARN": "arn:aws:catalog:eu-west-1:111122223333:portfolio/port-platform1",
                  "DisplayName": "Platform products", "Description": "What the platform team offers",
                  "CreatedTime": 1.7000000E9, "ProviderName": "Platform team"},
                 "Tags": [], "TagOptions": [], "Budgets": []}""");
        // Two pages, as SearchProductsAsAdmin pages through a portfolio.
        AwsStub.stubJson(
                SC + "SearchProductsAsAdmin",
                "{\"PortfolioId\": \"port-platform1\"}",
                200,
                """
                {"ProductViewDetails": [
                  %s,
                  %s],
                 "NextPageToken": "page-2"}"""
                        .formatted(
                                productView(
                                        "prod-postgres01",
                                        "Team PostgreSQL",
                                        "data-team",
                                        "An RDS PostgreSQL database"),
                                productView("prod-queue01", "Retired queue", "messaging-team", "")));
        AwsStub.stubJson(
                SC + "SearchProductsAsAdmin",
                "{\"PortfolioId\": \"port-platform1\", \"PageToken\": \"page-2\"}",
                200,
                "{\"ProductViewDetails\": [%s]}"
                        .formatted(productView(
                                "prod-ctaf01", "AWS Control Tower Account Factory", "AWS Control Tower", "")));
        AwsStub.stubJson(
                SC + "ListProvisioningArtifacts",
                "{\"ProductId\": \"prod-postgres01\"}",
                200,
                """
                {"ProvisioningArtifactDetails": [
                  {"Id": "pa-pg1", "Name": "v1", "Description": "First", "Type": "CLOUD_FORMATION_TEMPLATE",
                   "CreatedTime": 1.7000000E9, "Active": true, "Guidance": "DEFAULT"},
                  {"Id": "pa-pg2", "Name": "v2", "Description": "Encrypted storage", "Type": "CLOUD_FORMATION_TEMPLATE",
                   "CreatedTime": 1.7100000E9, "Active": true, "Guidance": "DEFAULT"},
                  {"Id": "pa-pg3", "Name": "v3-beta", "Type": "CLOUD_FORMATION_TEMPLATE",
                   "CreatedTime": 1.7200000E9, "Active": true, "Guidance": "DEPRECATED"}%s]}"""
                        .formatted(
                                newerArtifact
                                        ? """
                                        ,
                                          {"Id": "pa-pg4", "Name": "v4", "Type": "CLOUD_FORMATION_TEMPLATE",
                                           "CreatedTime": 1.7300000E9, "Active": true, "Guidance": "DEFAULT"}"""
                                        : ""));
        AwsStub.stubJson(
                SC + "ListProvisioningArtifacts",
                "{\"ProductId\": \"prod-queue01\"}",
                200,
                """
                {"ProvisioningArtifactDetails": [
                  {"Id": "pa-q1", "Name": "v1", "Type": "CLOUD_FORMATION_TEMPLATE", "CreatedTime": 1.7E9,
                   "Active": false, "Guidance": "DEFAULT"}]}""");
        AwsStub.stubJson(
                SC + "ListProvisioningArtifacts",
                "{\"ProductId\": \"prod-ctaf01\"}",
                200,
                """
                {"ProvisioningArtifactDetails": [
                  {"Id": "pa-ctaf1", "Name": "AWS Control Tower Account Factory", "Type": "CLOUD_FORMATION_TEMPLATE",
                   "CreatedTime": 1.7E9, "Active": true, "Guidance": "DEFAULT"}]}""");
        AwsStub.stubJson(
                SC + "ListLaunchPaths",
                "{\"ProductId\": \"prod-postgres01\"}",
                200,
                """
                {"LaunchPathSummaries": [
                  {"Id": "lpv3-other", "Name": "Data team's own", "ConstraintSummaries": [], "Tags": []},
                  {"Id": "lpv3-platform", "Name": "Platform products",
                   "ConstraintSummaries": [{"Type": "LAUNCH", "Description": "Launched as VendoProvisioning"}],
                   "Tags": []}]}""");
        for (var product : List.of("prod-queue01", "prod-ctaf01")) {
            AwsStub.stubJson(
                    SC + "ListLaunchPaths",
                    "{\"ProductId\": \"%s\"}".formatted(product),
                    200,
                    """
                    {"LaunchPathSummaries": [{"Id": "lpv3-%s", "Name": "Platform products", "ConstraintSummaries": [],
                      "Tags": []}]}"""
                            .formatted(product.substring(5)));
        }
        var postgresParameters =
                """
                {"ParameterKey": "DbName", "DefaultValue": "app", "ParameterType": "String", "IsNoEcho": false,
                 "Description": "The database's name",
                 "ParameterConstraints": {"AllowedValues": [], "AllowedPattern": "[a-z][a-z0-9_]{0,30}",
                   "ConstraintDescription": "lower-case letters, digits and underscores", "MaxLength": "31",
                   "MinLength": "1"}},
                {"ParameterKey": "InstanceClass", "DefaultValue": "db.t3.micro", "ParameterType": "String",
                 "IsNoEcho": false, "ParameterConstraints": {"AllowedValues": ["db.t3.micro", "db.t3.small"]}},
                {"ParameterKey": "StorageGb", "DefaultValue": "20", "ParameterType": "Number", "IsNoEcho": false,
                 "ParameterConstraints": {"AllowedValues": [], "MinValue": "20", "MaxValue": "1000"}},
                {"ParameterKey": "MasterPassword", "ParameterType": "String", "IsNoEcho": true,
                 "Description": "The master user's password",
                 "ParameterConstraints": {"AllowedValues": [], "MinLength": "12", "MaxLength": "41"}}""";
        for (var artifact : List.of("pa-pg2", "pa-pg4")) {
            AwsStub.stubJson(
                    SC + "DescribeProvisioningParameters",
                    "{\"ProductId\": \"prod-postgres01\", \"ProvisioningArtifactId\": \"%s\", \"PathId\": \"lpv3-platform\"}"
                            .formatted(artifact),
                    200,
                    """
                    {"ProvisioningArtifactParameters": [%s%s],
                     "ConstraintSummaries": [{"Type": "LAUNCH", "Description": "Launched as VendoProvisioning"}],
                     "UsageInstructions": [{"Type": "version", "Value": "2010-09-09"}], "TagOptions": [],
                     "ProvisioningArtifactPreferences": {},
                     "ProvisioningArtifactOutputKeys": [{"Key": "Endpoint", "Description": "Where to connect"}]}"""
                            .formatted(
                                    postgresParameters,
                                    artifact.equals("pa-pg4")
                                            ? """
                                            ,
                                            {"ParameterKey": "BackupRetentionDays", "DefaultValue": "7",
                                             "ParameterType": "Number", "IsNoEcho": false,
                                             "ParameterConstraints": {"AllowedValues": [], "MinValue": "1",
                                               "MaxValue": "35"}}"""
                                            : ""));
        }
        AwsStub.stubJson(
                SC + "DescribeProvisioningParameters",
                "{\"ProductId\": \"prod-ctaf01\", \"ProvisioningArtifactId\": \"pa-ctaf1\"}",
                200,
                """
                {"ProvisioningArtifactParameters": [
                  {"ParameterKey": "AccountName", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "AccountEmail", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "ManagedOrganizationalUnit", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": ["Sandbox", "Workloads"]}},
                  {"ParameterKey": "SSOUserEmail", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "SSOUserFirstName", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "SSOUserLastName", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}}]}""");
    }

    private static String productView(String productId, String name, String owner, String description) {
        return """
                {"ProductViewSummary": {"Id": "prodview-%1$s", "ProductId": "%1$s", "Name": "%2$s", "Owner": "%3$s",
                  "ShortDescription": "%4$s", "Type": "CLOUD_FORMATION_TEMPLATE", "Distributor": "",
                  "HasDefaultPath": false, "SupportEmail": "", "SupportDescription": "", "SupportUrl": ""},
                 "Status": "AVAILABLE", "ProductARN": "arn:aws:catalog:eu-west-1:111122223333:product/%1$s",
                 "CreatedTime": 1.7000000E9}"""
                .formatted(productId, name, owner, description);
    }

    /** What CloudFormation and Service Catalog say about the demo catalog's four blueprints. */
    private static void stubDemoCatalogChecks() {
        stubCloudFormation(
                "SiteName",
                "",
                """
                <member><ParameterKey>SiteName</ParameterKey><ParameterType>String</ParameterType><NoEcho>false</NoEcho></member>
                <member><ParameterKey>IndexDocument</ParameterKey><ParameterType>String</ParameterType>
                  <DefaultValue>index.html</DefaultValue><NoEcho>false</NoEcho></member>
                <member><ParameterKey>Versioning</ParameterKey><ParameterType>String</ParameterType>
                  <DefaultValue>Enabled</DefaultValue><NoEcho>false</NoEcho>
                  <ParameterConstraints><AllowedValues><member>Enabled</member><member>Suspended</member></AllowedValues></ParameterConstraints></member>
                <member><ParameterKey>NoncurrentVersionDays</ParameterKey><ParameterType>Number</ParameterType>
                  <DefaultValue>30</DefaultValue><NoEcho>false</NoEcho></member>""");
        stubCloudFormation(
                "FindingPublishingFrequency",
                "<member>CAPABILITY_NAMED_IAM</member>",
                """
                <member><ParameterKey>FindingPublishingFrequency</ParameterKey><ParameterType>String</ParameterType>
                  <DefaultValue>SIX_HOURS</DefaultValue><NoEcho>false</NoEcho>
                  <ParameterConstraints><AllowedValues><member>FIFTEEN_MINUTES</member><member>ONE_HOUR</member>
                  <member>SIX_HOURS</member></AllowedValues></ParameterConstraints></member>
                <member><ParameterKey>LogRetentionDays</ParameterKey><ParameterType>Number</ParameterType>
                  <DefaultValue>365</DefaultValue><NoEcho>false</NoEcho></member>""");
        stubCloudFormation(
                "MinimumPasswordLength",
                "",
                """
                <member><ParameterKey>MinimumPasswordLength</ParameterKey><ParameterType>Number</ParameterType>
                  <DefaultValue>14</DefaultValue><NoEcho>false</NoEcho>
                  <Description>The IAM password policy's minimum length that the guardrail checks for</Description></member>
                <member><ParameterKey>AlertEmail</ParameterKey><ParameterType>String</ParameterType>
                  <DefaultValue>security@example.com</DefaultValue><NoEcho>false</NoEcho></member>""");
        AwsStub.stubJson(
                SC + "DescribeProvisioningParameters",
                "{\"ProductId\": \"prod-demoteamvpc01\", \"ProvisioningArtifactId\": \"pa-demoteamvpcv3\"}",
                200,
                """
                {"ProvisioningArtifactParameters": [
                  {"ParameterKey": "VpcCidr", "DefaultValue": "10.20.0.0/16", "ParameterType": "String",
                   "IsNoEcho": false, "ParameterConstraints": {"AllowedValues": [],
                     "AllowedPattern": "(\\\\d{1,3})\\\\.(\\\\d{1,3})\\\\.(\\\\d{1,3})\\\\.(\\\\d{1,3})/(1[6-9]|2[0-4])",
                     "ConstraintDescription": "must be an IPv4 CIDR block from /16 to /24"}},
                  {"ParameterKey": "AvailabilityZones", "DefaultValue": "2", "ParameterType": "Number",
                   "IsNoEcho": false, "ParameterConstraints": {"AllowedValues": ["2", "3"]}},
                  {"ParameterKey": "NatPerAz", "DefaultValue": "false", "ParameterType": "String", "IsNoEcho": false,
                   "Description": "One NAT gateway per AZ (resilient, costs more) or one for the VPC.",
                   "ParameterConstraints": {"AllowedValues": ["true", "false"]}}]}""");
        // Control Tower's Account Factory as AWS ships it: the fields, without the demo form's constraints.
        AwsStub.stubJson(
                SC + "DescribeProvisioningParameters",
                "{\"ProductId\": \"prod-demoaccountfac\", \"ProvisioningArtifactId\": \"pa-demoaccountv1\"}",
                200,
                """
                {"ProvisioningArtifactParameters": [
                  {"ParameterKey": "AccountName", "ParameterType": "String", "IsNoEcho": false,
                   "Description": "Account name", "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "AccountEmail", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "ManagedOrganizationalUnit", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": ["Sandbox", "Workloads"]}},
                  {"ParameterKey": "SSOUserEmail", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "SSOUserFirstName", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}},
                  {"ParameterKey": "SSOUserLastName", "ParameterType": "String", "IsNoEcho": false,
                   "ParameterConstraints": {"AllowedValues": []}}]}""");
    }

    /** ValidateTemplate and GetTemplateSummary for the template whose body contains {@code marker}. */
    private static void stubCloudFormation(String marker, String capabilities, String parameters) {
        AwsStub.server()
                .stubFor(post(urlEqualTo("/"))
                        .withRequestBody(containing("Action=ValidateTemplate"))
                        .withRequestBody(containing(marker))
                        .willReturn(xml(
                                "ValidateTemplate",
                                "<Parameters/><Capabilities>%s</Capabilities><CapabilitiesReason>%s</CapabilitiesReason>"
                                        .formatted(
                                                capabilities,
                                                capabilities.isEmpty()
                                                        ? ""
                                                        : "The following resource(s) require capabilities:"
                                                                + " [AWS::IAM::Role]"))));
        AwsStub.server()
                .stubFor(post(urlEqualTo("/"))
                        .withRequestBody(containing("Action=GetTemplateSummary"))
                        .withRequestBody(containing(marker))
                        .willReturn(xml(
                                "GetTemplateSummary",
                                "<Parameters>%s</Parameters><Version>2010-09-09</Version>".formatted(parameters))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String action, String result) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        """
                        <%1$sResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <%1$sResult>%2$s</%1$sResult>
                          <ResponseMetadata><RequestId>cfn-%1$s</RequestId></ResponseMetadata>
                        </%1$sResponse>"""
                                .formatted(action, result));
    }

    private ApiClient.Response submit(String blueprint, String parameters) {
        return submit(blueprint, "catalog-dev", parameters);
    }

    private ApiClient.Response submit(String blueprint, String target, String parameters) {
        catalogAdministration.register(new NewTarget(
                "catalog-dev", "Catalog (dev)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, null, null));
        return ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": %s, "justification": "Live catalog"}"""
                                .formatted(blueprint, target, parameters));
    }

    private ApiClient admin() {
        return ApiClient.as("admin", port);
    }

    /** A report's entries as "file subject OUTCOME detail". */
    private static List<String> entries(tools.jackson.databind.JsonNode report) {
        var entries = new ArrayList<String>();
        report.path("entries")
                .forEach(entry -> entries.add("%s %s %s %s"
                        .formatted(
                                entry.path("file").asString(),
                                entry.path("subject").asString(),
                                entry.path("outcome").asString(),
                                entry.path("detail").asString())));
        return entries;
    }

    private static String product(String slug, String template, String productId) {
        return """
                {"slug": "%s", "kind": "SERVICE_CATALOG_PRODUCT", "name": "Hand-made", "description": "", "owner": "x",
                 "template": "%s",
                 "delivery": {"type": "ServiceCatalogProduct", "productId": "%s", "provisioningArtifactId": "pa-hm1"}}
                """
                .formatted(slug, template.replace("\"", "\\\"").replace("\n", "\\n"), productId);
    }

    private static String blueprint(String slug) {
        return """
                {"slug": "%s", "kind": "STACK", "name": "Role", "description": "An IAM role", "owner": "iam-team",
                 "template": "%s"}
                """
                .formatted(slug, TEMPLATE.replace("\"", "\\\"").replace("\n", "\\n"));
    }

    private static List<String> strings(Iterable<?> nodes) {
        var values = new ArrayList<String>();
        nodes.forEach(node -> values.add(
                node instanceof tools.jackson.databind.JsonNode json ? json.asString() : String.valueOf(node)));
        return values;
    }
}
