package io.vendo.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.vendo.support.AwsStub.body;
import static io.vendo.support.AwsStub.jsonError;
import static io.vendo.support.AwsStub.receivedJson;
import static io.vendo.support.AwsStub.server;
import static io.vendo.support.AwsStub.stubJson;
import static io.vendo.support.AwsStub.stubJsonSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.vendo.audit.AuditEntry;
import io.vendo.audit.AuditTrail;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * ACCOUNT (Account Factory and Organizations), SERVICE_CATALOG_PRODUCT and STACK_SET requests travel the whole way:
 * API submission, approval, the durable scheduler, and the real SDK clients against a server speaking Service
 * Catalog's and Organizations' JSON 1.1 protocol and CloudFormation's query protocol. Every assertion on what AWS
 * received is read from WireMock's journal.
 */
@VendoIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
// Each test stubs the organization's accounts afresh: nothing kept between submissions.
@org.springframework.test.context.TestPropertySource(properties = "vendo.aws.organization-accounts-ttl=0s")
class ExecutorKindsFlowTest {

    private static final String SC = "AWS242ServiceCatalogService.";
    private static final String ORG = "AWSOrganizationsV20161128.";
    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";
    private static final String SANDBOX_OU = "ou-ab12-11111111";
    private static final String WORKLOADS_OU = "ou-ab12-22222222";
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
    private static final String SECRET_TEMPLATE =
            """
            Parameters:
              InstanceType: {Type: String, AllowedValues: [t3.micro, t3.small]}
              DbPassword: {Type: String, NoEcho: true, MinLength: 8}
            Resources:
              Product: {Type: AWS::CloudFormation::WaitConditionHandle}
            """;
    private static final String PRODUCT_TEMPLATE =
            """
            Parameters:
              InstanceType: {Type: String, AllowedValues: [t3.micro, t3.small]}
              Environment: {Type: String, AllowedValues: [dev, test]}
            Resources:
              Product: {Type: AWS::CloudFormation::WaitConditionHandle}
            """;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
        Mailbox.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    private String slug;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        AwsStub.stubAssumeRole();
        catalog.register(new NewTarget(
                "kinds-dev", "Kinds (dev)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, null));
        slug = "kind-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void serviceCatalogProductIsProvisionedWithItsTokenAndSucceedsWithTheRecordOutputs() {
        blueprint(
                BlueprintKind.SERVICE_CATALOG_PRODUCT,
                PRODUCT_TEMPLATE,
                new Delivery.ServiceCatalogProduct("prod-web4abc", "pa-web4v2", "lpv3-path1"));
        stubJson(SC + "ProvisionProduct", 200, record("rec-1", "CREATED"));
        stubJsonSequence(
                SC + "DescribeRecord",
                record("rec-1", "IN_PROGRESS"),
                """
                {"RecordDetail": {"RecordId": "rec-1", "Status": "SUCCEEDED", "ProvisionedProductId": "pp-1"},
                 "RecordOutputs": [{"OutputKey": "Endpoint", "OutputValue": "https://db.example.com"}]}""");

        var id = submitAndApprove(Map.of("InstanceType", "t3.small", "Environment", "test"));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("Endpoint").asString()).isEqualTo("https://db.example.com");
        var provisions = receivedJson(SC + "ProvisionProduct");
        assertThat(provisions).hasSize(1);
        var provision = body(provisions.getFirst());
        assertThat(provision.path("ProductId").asString()).isEqualTo("prod-web4abc");
        assertThat(provision.path("ProvisioningArtifactId").asString()).isEqualTo("pa-web4v2");
        assertThat(provision.path("PathId").asString()).isEqualTo("lpv3-path1");
        assertThat(provision.path("ProvisionedProductName").asString()).isEqualTo("vendo-" + slug + "-" + id);
        assertThat(provision.path("ProvisionToken").asString()).isEqualTo("vendo-" + id + "-provision-product");
        assertThat(provision.path("ProvisioningParameters").toString())
                .contains("{\"Key\":\"InstanceType\",\"Value\":\"t3.small\"}");
        assertThat(provision.path("Tags").toString())
                .contains("{\"Key\":\"vendo:request-id\",\"Value\":\"" + id + "\"}");
        assertThat(receivedJson(SC + "DescribeRecord")).hasSize(2).allSatisfy(describe -> assertThat(
                        body(describe).path("Id").asString())
                .isEqualTo("rec-1"));
        assertThat(receivedJson(SC + "DescribeProvisionedProduct")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditTrail.timeline(id))
                .extracting(AuditEntry::action)
                .contains("execution.product-provisioning", "execution.aws-status", "request.succeeded"));
    }

    @Test
    void failedProvisioningRecordFailsTheRequestWithTheRecordErrors() {
        blueprint(
                BlueprintKind.SERVICE_CATALOG_PRODUCT,
                PRODUCT_TEMPLATE,
                new Delivery.ServiceCatalogProduct("prod-web4abc", "pa-web4v2", null));
        stubJson(SC + "ProvisionProduct", 200, record("rec-2", "CREATED"));
        stubJson(
                SC + "DescribeRecord",
                200,
                """
                {"RecordDetail": {"RecordId": "rec-2", "Status": "FAILED", "ProvisionedProductId": "pp-2",
                  "RecordErrors": [{"Code": "CREATE_FAILED", "Description": "DbInstance: DB subnet group not found"}]}}""");

        var id = submitAndApprove(Map.of("InstanceType", "t3.micro", "Environment", "test"));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("Provisioning record rec-2 FAILED: CREATE_FAILED: DbInstance: DB subnet group not found");
    }

    @Test
    void lostProvisionProductResponseIsLookedUpByNameAndNotSentAgain() {
        blueprint(
                BlueprintKind.SERVICE_CATALOG_PRODUCT,
                PRODUCT_TEMPLATE,
                new Delivery.ServiceCatalogProduct("prod-web4abc", "pa-web4v2", null));
        AwsStub.stubJsonResponseLost(SC + "ProvisionProduct", 200, record("rec-3", "CREATED"));
        stubJson(
                SC + "DescribeProvisionedProduct",
                200,
                """
                {"ProvisionedProductDetail": {"Id": "pp-3", "Status": "UNDER_CHANGE",
                  "LastRecordId": "rec-3", "LastProvisioningRecordId": "rec-3"}}""");
        stubJson(
                SC + "DescribeRecord",
                200,
                """
                {"RecordDetail": {"RecordId": "rec-3", "Status": "SUCCEEDED", "ProvisionedProductId": "pp-3"},
                 "RecordOutputs": []}""");

        var id = submitAndApprove(Map.of("InstanceType", "t3.micro", "Environment", "test"));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(receivedJson(SC + "ProvisionProduct")).hasSize(1);
        assertThat(body(receivedJson(SC + "DescribeProvisionedProduct").getFirst())
                        .path("Name")
                        .asString())
                .isEqualTo("vendo-" + slug + "-" + id);
        assertThat(body(receivedJson(SC + "DescribeRecord").getFirst())
                        .path("Id")
                        .asString())
                .isEqualTo("rec-3");
    }

    @Test
    void accountFactoryWaitsOutABusyControlTowerAndSucceedsWithTheNewAccountId() {
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.AccountFactory("prod-ctaccount", "pa-ctaccount1", List.of("Sandbox", "Workloads")));
        AwsStub.stubJsonFailingFirst(
                SC + "ProvisionProduct",
                400,
                jsonError(
                        "InvalidStateException",
                        "Account Factory cannot complete an operation on this account, because another AWS Control"
                                + " Tower operation is in progress. Try again later."),
                record("rec-4", "CREATED"));
        stubJson(SC + "DescribeProvisionedProduct", 400, jsonError("ResourceNotFoundException", "not found"));
        stubJson(
                SC + "DescribeRecord",
                200,
                """
                {"RecordDetail": {"RecordId": "rec-4", "Status": "SUCCEEDED", "ProvisionedProductId": "pp-4"},
                 "RecordOutputs": [{"OutputKey": "AccountId", "OutputValue": "210987654321"},
                                   {"OutputKey": "AccountEmail", "OutputValue": "team-rocket@example.com"}]}""");

        var id = submitAndApprove(accountParameters("Workloads"));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("AccountId").asString()).isEqualTo("210987654321");
        var provisions = receivedJson(SC + "ProvisionProduct");
        assertThat(provisions).hasSize(2).allSatisfy(provision -> assertThat(
                        body(provision).path("ProvisionToken").asString())
                .isEqualTo("vendo-" + id + "-provision-product"));
        assertThat(body(provisions.getFirst()).path("ProvisioningParameters").toString())
                .contains("{\"Key\":\"ManagedOrganizationalUnit\",\"Value\":\"Workloads\"}")
                .contains("{\"Key\":\"AccountEmail\",\"Value\":\"team-rocket-" + slug + "@example.com\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditTrail.timeline(id))
                .extracting(AuditEntry::action)
                .contains("execution.waiting", "execution.account-created", "request.succeeded"));
    }

    @Test
    void organizationsAccountIsCreatedOnceDespiteALostResponseThenMovedIntoItsUnit() {
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of(SANDBOX_OU, WORKLOADS_OU), "OrganizationAccountAccessRole"));
        AwsStub.stubJsonResponseLost(ORG + "CreateAccount", 200, "{}");
        stubJson(ORG + "ListAccounts", 200, "{\"Accounts\": []}");
        stubJson(
                ORG + "ListCreateAccountStatus",
                200,
                """
                {"CreateAccountStatuses": [
                  {"Id": "car-other", "AccountName": "Someone else", "State": "IN_PROGRESS"},
                  {"Id": "car-rocket", "AccountName": "Team Rocket", "State": "IN_PROGRESS"}]}""");
        stubJsonSequence(
                ORG + "DescribeCreateAccountStatus",
                "{\"CreateAccountStatus\": {\"Id\": \"car-rocket\", \"AccountName\": \"Team Rocket\", \"State\": \"IN_PROGRESS\"}}",
                """
                {"CreateAccountStatus": {"Id": "car-rocket", "AccountName": "Team Rocket", "State": "SUCCEEDED",
                  "AccountId": "210987654321"}}""");
        stubJson(ORG + "ListParents", 200, "{\"Parents\": [{\"Id\": \"r-ab12\", \"Type\": \"ROOT\"}]}");
        stubJson(ORG + "MoveAccount", 200, "{}");

        var id = submitted("kinds-dev", accountParameters(WORKLOADS_OU));
        stubAccountTags("210987654321", id);
        approve(id);
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("AccountId").asString()).isEqualTo("210987654321");
        assertThat(request.path("outputs").path("ExecutionRoleArn").asString())
                .isEqualTo("arn:aws:iam::210987654321:role/OrganizationAccountAccessRole");
        var creates = receivedJson(ORG + "CreateAccount");
        assertThat(creates).hasSize(1);
        assertThat(body(creates.getFirst()).path("Email").asString()).isEqualTo("team-rocket-" + slug + "@example.com");
        assertThat(body(creates.getFirst()).path("AccountName").asString()).isEqualTo("Team Rocket");
        assertThat(body(creates.getFirst()).path("RoleName").asString()).isEqualTo("OrganizationAccountAccessRole");
        // Once at submission (is the e-mail free?), once before CreateAccount could be sent again.
        assertThat(receivedJson(ORG + "ListAccounts")).hasSize(2);
        assertThat(body(receivedJson(ORG + "DescribeCreateAccountStatus").getFirst())
                        .path("CreateAccountRequestId")
                        .asString())
                .isEqualTo("car-rocket");
        var moves = receivedJson(ORG + "MoveAccount");
        assertThat(moves).hasSize(1);
        assertThat(body(moves.getFirst()).path("AccountId").asString()).isEqualTo("210987654321");
        assertThat(body(moves.getFirst()).path("SourceParentId").asString()).isEqualTo("r-ab12");
        assertThat(body(moves.getFirst()).path("DestinationParentId").asString())
                .isEqualTo("ou-ab12-22222222");
    }

    /** An Organizations account provisioned for the blueprint (delivered so), then WireMock's journal cleared. */
    private UUID accountEnvironment(Delivery.OrganizationsAccount delivery) {
        blueprint(BlueprintKind.ACCOUNT, ACCOUNT_TEMPLATE, delivery);
        stubJson(ORG + "ListAccounts", 200, "{\"Accounts\": []}");
        stubOrganizationsCreatesAccount();
        var id = submitted("kinds-dev", accountParameters(WORKLOADS_OU));
        stubAccountTags("210987654321", id);
        approve(id);
        assertThat(awaitTerminal(id).path("state").asString()).isEqualTo("SUCCEEDED");
        server().resetRequests();
        return jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);
    }

    private String decommissioned(UUID environment) {
        var filed = ApiClient.as("requester", port)
                .postJson("/api/v1/environments/" + environment + "/decommissions", "{\"justification\": \"done\"}");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        var id = filed.body().path("id").asString();
        approve(id);
        return id;
    }

    private Map<String, Object> environmentRow(UUID environment) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForMap(
                                "select status, status_reason from environment where id = ?", environment),
                        row -> !List.of("ACTIVE", "DECOMMISSIONING").contains(row.get("status")));
    }

    /**
     * MOVE_TO_SUSPENDED_OU: ListParents says where the account is, MoveAccount (once) moves it into the blueprint's
     * suspended OU; the environment is DECOMMISSIONED and says that the account is kept there.
     */
    @Test
    void anAccountIsMovedOnceIntoItsBlueprintsSuspendedOuAndItsEnvironmentDecommissioned() {
        var environment = accountEnvironment(new Delivery.OrganizationsAccount(
                List.of(WORKLOADS_OU),
                "OrganizationAccountAccessRole",
                io.vendo.catalog.AccountRetirement.MOVE_TO_SUSPENDED_OU,
                "ou-ab12-99999999"));
        stubJson(
                ORG + "ListParents",
                200,
                "{\"Parents\": [{\"Id\": \"%s\", \"Type\": \"ORGANIZATIONAL_UNIT\"}]}".formatted(WORKLOADS_OU));

        var id = decommissioned(environment);

        var request = awaitTerminal(id);
        assertThat(request.path("state").asString()).as(request.toString()).isEqualTo("SUCCEEDED");
        var row = environmentRow(environment);
        assertThat(row.get("status")).isEqualTo("DECOMMISSIONED");
        assertThat((String) row.get("status_reason"))
                .isEqualTo("Account 210987654321, moved to the suspended OU ou-ab12-99999999: it still exists until"
                        + " someone closes it in AWS Organizations");
        var parents = receivedJson(ORG + "ListParents");
        assertThat(parents).hasSize(1);
        assertThat(body(parents.getFirst()).path("ChildId").asString()).isEqualTo("210987654321");
        var moves = receivedJson(ORG + "MoveAccount");
        assertThat(moves).hasSize(1);
        assertThat(body(moves.getFirst()).path("AccountId").asString()).isEqualTo("210987654321");
        assertThat(body(moves.getFirst()).path("SourceParentId").asString()).isEqualTo(WORKLOADS_OU);
        assertThat(body(moves.getFirst()).path("DestinationParentId").asString())
                .isEqualTo("ou-ab12-99999999");
        assertThat(receivedJson(ORG + "CloseAccount")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditTrail.timeline(id))
                .extracting(AuditEntry::action)
                .contains("execution.account-moved", "request.succeeded"));
    }

    /**
     * CLOSE_ACCOUNT: CloseAccount, throttled once (TooManyRequestsException is waited out: DescribeAccount tells that
     * it did not take effect, then it is sent again), then DescribeAccount until PENDING_CLOSURE.
     */
    @Test
    void anAccountIsClosedOnceDespiteThrottlingAndTrackedUntilItsClosureIsPending() {
        var environment = accountEnvironment(new Delivery.OrganizationsAccount(
                List.of(WORKLOADS_OU),
                "OrganizationAccountAccessRole",
                io.vendo.catalog.AccountRetirement.CLOSE_ACCOUNT,
                null));
        AwsStub.stubJsonFailingFirst(
                ORG + "CloseAccount",
                400,
                jsonError(
                        "TooManyRequestsException",
                        "AWS Organizations can't complete your request because"
                                + " another request is already in progress. Try again later."),
                "{}");
        stubJsonSequence(ORG + "DescribeAccount", account("ACTIVE"), account("ACTIVE"), account("PENDING_CLOSURE"));

        var id = decommissioned(environment);

        var request = awaitTerminal(id);
        assertThat(request.path("state").asString()).as(request.toString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("AccountStatus").asString()).isEqualTo("PENDING_CLOSURE");
        assertThat(environmentRow(environment).get("status")).isEqualTo("DECOMMISSIONED");
        var closes = receivedJson(ORG + "CloseAccount");
        assertThat(closes).hasSize(2).allSatisfy(close -> assertThat(
                        body(close).path("AccountId").asString())
                .isEqualTo("210987654321"));
        assertThat(receivedJson(ORG + "DescribeAccount")).hasSize(3);
        assertThat(receivedJson(ORG + "MoveAccount")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditTrail.timeline(id))
                .extracting(AuditEntry::action)
                .contains("execution.waiting", "execution.account-closure-requested", "request.succeeded"));
    }

    /** Organizations refuses the closure (the monthly quota): the request and the environment fail with its reason. */
    @Test
    void aClosureOrganizationsRefusesFailsTheEnvironmentWithAwsReason() {
        var environment = accountEnvironment(new Delivery.OrganizationsAccount(
                List.of(WORKLOADS_OU),
                "OrganizationAccountAccessRole",
                io.vendo.catalog.AccountRetirement.CLOSE_ACCOUNT,
                null));
        stubJson(
                ORG + "CloseAccount",
                400,
                "{\"__type\": \"ConstraintViolationException\", \"Reason\": \"CLOSE_ACCOUNT_QUOTA_EXCEEDED\","
                        + " \"Message\": \"You have exceeded close account quota for the past 30 days.\"}");

        var id = decommissioned(environment);

        var request = awaitTerminal(id);
        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        var row = environmentRow(environment);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat((String) row.get("status_reason"))
                .contains("CloseAccount failed: ConstraintViolationException")
                .contains("You have exceeded close account quota for the past 30 days.");
        assertThat(receivedJson(ORG + "CloseAccount")).hasSize(1);
    }

    /** An account blueprint that does not say how its accounts are retired: decommissioning is refused, not guessed. */
    @Test
    void anAccountWhoseBlueprintSaysNothingOfRetirementIsNotDecommissioned() {
        var environment = accountEnvironment(
                new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
        var before = jdbc.queryForObject("select count(*) from vending_request", Integer.class);

        var refused = ApiClient.as("requester", port)
                .postJson("/api/v1/environments/" + environment + "/decommissions", "{\"justification\": \"done\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("title").asString()).isEqualTo("Retirement not configured");
        assertThat(refused.body().path("detail").asString())
                .contains("says nothing about how its accounts are retired")
                .contains("decommission: CLOSE_ACCOUNT or MOVE_TO_SUSPENDED_OU");
        assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                .isEqualTo(before);
        assertThat(receivedJson(ORG + "CloseAccount")).isEmpty();
    }

    private static String account(String status) {
        return """
                {"Account": {"Id": "210987654321", "Arn": "arn:aws:organizations::111122223333:account/o-ab12/210987654321",
                  "Email": "team-rocket@example.com", "Name": "Team Rocket", "Status": "%s", "State": "%s",
                  "JoinedMethod": "CREATED", "JoinedTimestamp": 1.7639856E9}}"""
                .formatted(status, status);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
    void organizationsAccountsExecutionRoleArnIsInTheTargetRegionsPartition(String region, String partition) {
        var target = "kinds-" + region;
        catalog.register(new NewTarget(
                target,
                "Kinds (" + region + ")",
                AwsStub.ACCOUNT,
                region,
                EnvironmentTier.DEV,
                "arn:%s:iam::%s:role/VendoExecution".formatted(partition, AwsStub.ACCOUNT),
                null));
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
        stubOrganizationsCreatesAccount();

        var id = submitted(target, accountParameters(WORKLOADS_OU));
        stubAccountTags("210987654321", id);
        approve(id);
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).as(request.toString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("ExecutionRoleArn").asString())
                .isEqualTo("arn:%s:iam::210987654321:role/OrganizationAccountAccessRole".formatted(partition));
    }

    /**
     * After a lost CreateAccount response, the organization has an account with the request's e-mail that this request
     * did not create (a production account, tagged by another Vendo request): the lookup finds it by e-mail, its tags
     * say it is not this request's, and the request fails saying so. The account is neither recorded nor moved, and
     * CreateAccount is not sent again.
     */
    @Test
    void aForeignAccountWithTheSameEmailIsNeitherAdoptedNorMoved() {
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
        var email = "team-rocket-" + slug + "@example.com";
        // Free at submission; by the time CreateAccount is looked up, someone else's account has the e-mail.
        stubJsonSequence(
                ORG + "ListAccounts",
                "{\"Accounts\": []}",
                """
                {"Accounts": [{"Id": "444455556666", "Arn": "arn:aws:organizations::999988887777:account/o-ab12/444455556666",
                  "Email": "%s", "Name": "Payments production", "Status": "ACTIVE"}]}"""
                        .formatted(email.toUpperCase(java.util.Locale.ROOT)));
        AwsStub.stubJsonResponseLost(ORG + "CreateAccount", 200, "{}");
        stubJson(
                ORG + "ListTagsForResource",
                200,
                """
                {"Tags": [{"Key": "environment", "Value": "production"},
                          {"Key": "vendo:request-id", "Value": "%s"}]}"""
                        .formatted(UUID.randomUUID()));
        stubJson(
                ORG + "ListParents",
                200,
                "{\"Parents\": [{\"Id\": \"ou-ab12-99999999\", \"Type\": \"ORGANIZATIONAL_UNIT\"}]}");
        stubJson(ORG + "MoveAccount", 200, "{}");

        var id = submitAndApprove(accountParameters(WORKLOADS_OU));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("An account with the e-mail %s exists in the organization (444455556666), but not with this"
                                .formatted(email)
                        + " request's tag vendo:request-id=%s: Vendo did not create it for this request, so it"
                                .formatted(id)
                        + " neither adopts nor moves it");
        assertThat(request.path("outputs").isEmpty()).isTrue();
        assertThat(receivedJson(ORG + "CreateAccount")).hasSize(1);
        assertThat(body(receivedJson(ORG + "ListTagsForResource").getFirst())
                        .path("ResourceId")
                        .asString())
                .isEqualTo("444455556666");
        assertThat(receivedJson(ORG + "MoveAccount")).isEmpty();
        assertThat(receivedJson(ORG + "ListParents")).isEmpty();
    }

    /**
     * The lookup after a lost CreateAccount takes the one creation in progress under the account's name, but the
     * account it makes is not tagged with this request's id (another team asked for an account of the same name): the
     * request fails before MoveAccount, and the account stays where it is.
     */
    @Test
    void anAccountFromACreationInProgressIsNotMovedWithoutThisRequestsTag() {
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
        stubJson(ORG + "ListAccounts", 200, "{\"Accounts\": []}");
        AwsStub.stubJsonResponseLost(ORG + "CreateAccount", 200, "{}");
        stubJson(
                ORG + "ListCreateAccountStatus",
                200,
                """
                {"CreateAccountStatuses": [{"Id": "car-elsewhere", "AccountName": "Team Rocket", "State": "IN_PROGRESS"}]}""");
        stubJson(
                ORG + "DescribeCreateAccountStatus",
                200,
                """
                {"CreateAccountStatus": {"Id": "car-elsewhere", "AccountName": "Team Rocket", "State": "SUCCEEDED",
                  "AccountId": "555566667777"}}""");
        stubJson(ORG + "ListTagsForResource", 200, "{\"Tags\": [{\"Key\": \"team\", \"Value\": \"other\"}]}");
        stubJson(ORG + "ListParents", 200, "{\"Parents\": [{\"Id\": \"r-ab12\", \"Type\": \"ROOT\"}]}");
        stubJson(ORG + "MoveAccount", 200, "{}");

        var id = submitAndApprove(accountParameters(WORKLOADS_OU));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("Account 555566667777 does not carry this request's tag vendo:request-id=%s: Vendo did not"
                                .formatted(id)
                        + " create it for this request, so it neither adopts nor moves it");
        assertThat(receivedJson(ORG + "CreateAccount")).hasSize(1);
        assertThat(receivedJson(ORG + "MoveAccount")).isEmpty();
    }

    @Test
    void anEmailThatBelongsToAnAccountOfTheOrganizationIsRefusedAtSubmissionAndNothingIsStored() {
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
        var email = "team-rocket-" + slug + "@example.com";
        stubJson(
                ORG + "ListAccounts",
                200,
                """
                {"Accounts": [{"Id": "111111111111", "Email": "someone@example.com", "Status": "ACTIVE"},
                              {"Id": "444455556666", "Email": "%s", "Status": "ACTIVE"}]}"""
                        .formatted(email.toUpperCase(java.util.Locale.ROOT)));

        var refused = submit("kinds-dev", accountParameters(WORKLOADS_OU));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("AccountEmail").asString())
                .isEqualTo(email + " already belongs to account 444455556666 of the organization: choose another"
                        + " e-mail");
        assertThat(jdbc.queryForObject(
                        "select count(*) from vending_request where blueprint_slug = ?", Integer.class, slug))
                .isZero();
        assertThat(receivedJson(ORG + "ListAccounts")).hasSize(1);
        assertThat(receivedJson(ORG + "CreateAccount")).isEmpty();
    }

    @Test
    void organizationsAccountThatAwsRefusesFailsWithItsReason() {
        blueprint(
                BlueprintKind.ACCOUNT,
                ACCOUNT_TEMPLATE,
                new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
        stubJson(
                ORG + "CreateAccount",
                200,
                "{\"CreateAccountStatus\": {\"Id\": \"car-dup\", \"AccountName\": \"Team Rocket\", \"State\": \"IN_PROGRESS\"}}");
        stubJson(
                ORG + "DescribeCreateAccountStatus",
                200,
                """
                {"CreateAccountStatus": {"Id": "car-dup", "AccountName": "Team Rocket", "State": "FAILED",
                  "FailureReason": "EMAIL_ALREADY_EXISTS"}}""");

        var id = submitAndApprove(accountParameters(WORKLOADS_OU));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString()).isEqualTo("CreateAccount FAILED: EMAIL_ALREADY_EXISTS");
        assertThat(receivedJson(ORG + "MoveAccount")).isEmpty();
    }

    @Test
    void stackSetInstancesAreCreatedWithTheOperationIdAndPreferencesAndReportedPerRegion() {
        blueprint(
                BlueprintKind.STACK_SET,
                PRODUCT_TEMPLATE,
                new Delivery.StackSet("org-guardrails", List.of("eu-west-1", "eu-central-1"), 50, 0));
        AwsStub.stubQuery("CreateStackInstances", "<OperationId>op</OperationId>");
        AwsStub.stubQuerySequence("DescribeStackSetOperation", operation("RUNNING", ""), operation("SUCCEEDED", ""));
        AwsStub.stubQuery(
                "ListStackInstances",
                "<Summaries>" + instance("eu-west-1", "CURRENT", "SUCCEEDED", "")
                        + instance("eu-central-1", "CURRENT", "SUCCEEDED", "") + "</Summaries>");

        var id = submitAndApprove(Map.of("InstanceType", "t3.micro", "Environment", "test"));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("Instance eu-west-1").asString())
                .isEqualTo("CURRENT SUCCEEDED");
        assertThat(request.path("outputs").path("Instance eu-central-1").asString())
                .isEqualTo("CURRENT SUCCEEDED");
        var creates = AwsStub.received("CreateStackInstances");
        assertThat(creates).hasSize(1);
        assertThat(AwsStub.form(creates.getFirst()))
                .containsEntry("StackSetName", "org-guardrails")
                .containsEntry("OperationId", "vendo-" + id + "-create-stack-instances")
                .containsEntry("Accounts.member.1", AwsStub.ACCOUNT)
                .containsEntry("Regions.member.1", "eu-west-1")
                .containsEntry("Regions.member.2", "eu-central-1")
                .containsEntry("OperationPreferences.RegionOrder.member.1", "eu-west-1")
                .containsEntry("OperationPreferences.RegionOrder.member.2", "eu-central-1")
                .containsEntry("OperationPreferences.MaxConcurrentPercentage", "50")
                .containsEntry("OperationPreferences.FailureTolerancePercentage", "0")
                .containsEntry("ParameterOverrides.member.2.ParameterKey", "InstanceType")
                .containsEntry("ParameterOverrides.member.2.ParameterValue", "t3.micro");
        assertThat(AwsStub.received("DescribeStackSetOperation")).hasSize(2).allSatisfy(describe -> assertThat(
                        AwsStub.form(describe))
                .containsEntry("OperationId", "vendo-" + id + "-create-stack-instances"));
    }

    @Test
    void failedStackSetOperationFailsWithEachRegionsReason() {
        blueprint(
                BlueprintKind.STACK_SET,
                PRODUCT_TEMPLATE,
                new Delivery.StackSet("org-guardrails", List.of("eu-west-1", "eu-central-1"), 100, 0));
        AwsStub.stubQuery("CreateStackInstances", "<OperationId>op</OperationId>");
        AwsStub.stubQuery(
                "DescribeStackSetOperation", operation("FAILED", "The Operation failed in one or more regions"));
        AwsStub.stubQuery(
                "ListStackInstances",
                "<Summaries>" + instance("eu-west-1", "CURRENT", "SUCCEEDED", "")
                        + instance("eu-central-1", "OUTDATED", "FAILED", "ResourceLogicalId:Trail, Bucket not found")
                        + "</Summaries>");

        var id = submitAndApprove(Map.of("InstanceType", "t3.micro", "Environment", "test"));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("StackSet operation vendo-" + id + "-create-stack-instances FAILED: The Operation failed in"
                        + " one or more regions (eu-central-1: FAILED ResourceLogicalId:Trail, Bucket not found)");
    }

    /**
     * The kinds a NoEcho value travels through: each sends it in its mutating call (read back from the journal), and
     * nothing else (no other AWS call, the API, the pages, the database, the mails or the log) ever holds it.
     */
    enum SecretKind {
        STACK,
        SERVICE_CATALOG_PRODUCT,
        ACCOUNT_FACTORY,
        ORGANIZATIONS_ACCOUNT,
        STACK_SET
    }

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void noEchoValueReachesAwsOnlyInTheMutatingCallAndIsNowhereElse(SecretKind kind, CapturedOutput log)
            throws Exception {
        var secret = "Sw0rdfish-" + UUID.randomUUID().toString().substring(0, 8);
        var parameters = new java.util.LinkedHashMap<String, String>();
        switch (kind) {
            case STACK -> {
                blueprint(BlueprintKind.STACK, SECRET_TEMPLATE, null);
                AwsStub.simulate();
                parameters.putAll(Map.of("InstanceType", "t3.small", "DbPassword", secret));
            }
            case SERVICE_CATALOG_PRODUCT -> {
                blueprint(
                        BlueprintKind.SERVICE_CATALOG_PRODUCT,
                        SECRET_TEMPLATE,
                        new Delivery.ServiceCatalogProduct("prod-web4abc", "pa-web4v2", null));
                stubProvisionedRecord("rec-secret", List.of());
                parameters.putAll(Map.of("InstanceType", "t3.small", "DbPassword", secret));
            }
            case ACCOUNT_FACTORY -> {
                blueprint(
                        BlueprintKind.ACCOUNT,
                        ACCOUNT_TEMPLATE.replace(
                                "SSOUserLastName: {Type: String}", "SSOUserLastName: {Type: String, NoEcho: true}"),
                        new Delivery.AccountFactory("prod-ctaccount", "pa-ctaccount1", List.of("Workloads")));
                stubProvisionedRecord(
                        "rec-account", List.of("{\"OutputKey\": \"AccountId\", \"OutputValue\": \"210987654321\"}"));
                parameters.putAll(accountParameters("Workloads"));
                parameters.put("SSOUserLastName", secret);
            }
            case ORGANIZATIONS_ACCOUNT -> {
                blueprint(
                        BlueprintKind.ACCOUNT,
                        ACCOUNT_TEMPLATE.replace(
                                "AccountName: {Type: String}", "AccountName: {Type: String, NoEcho: true}"),
                        new Delivery.OrganizationsAccount(List.of(WORKLOADS_OU), "OrganizationAccountAccessRole"));
                stubOrganizationsCreatesAccount();
                parameters.putAll(accountParameters(WORKLOADS_OU));
                parameters.put("AccountName", secret);
            }
            case STACK_SET -> {
                blueprint(
                        BlueprintKind.STACK_SET,
                        SECRET_TEMPLATE,
                        new Delivery.StackSet("org-guardrails", List.of("eu-west-1"), 100, 0));
                AwsStub.stubQuery("CreateStackInstances", "<OperationId>op</OperationId>");
                AwsStub.stubQuery("DescribeStackSetOperation", operation("SUCCEEDED", ""));
                AwsStub.stubQuery(
                        "ListStackInstances",
                        "<Summaries>" + instance("eu-west-1", "CURRENT", "SUCCEEDED", "") + "</Summaries>");
                parameters.putAll(Map.of("InstanceType", "t3.small", "DbPassword", secret));
            }
        }

        var id = submitted("kinds-dev", parameters);
        if (kind == SecretKind.ORGANIZATIONS_ACCOUNT) {
            stubAccountTags("210987654321", id);
        }
        approve(id);
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).as(request.toString()).isEqualTo("SUCCEEDED");
        var mutating =
                switch (kind) {
                    case STACK -> "Action=CreateChangeSet&";
                    case SERVICE_CATALOG_PRODUCT, ACCOUNT_FACTORY -> SC + "ProvisionProduct";
                    case ORGANIZATIONS_ACCOUNT -> ORG + "CreateAccount";
                    case STACK_SET -> "Action=CreateStackInstances&";
                };
        var journal = AwsStub.server().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .toList();
        var carrying = journal.stream()
                .filter(call -> call.getBodyAsString().contains(secret))
                .toList();
        assertThat(carrying).as("AWS calls that carry the value").hasSize(1);
        var call = carrying.getFirst();
        assertThat(
                        mutating.startsWith("Action=")
                                ? call.getBodyAsString().contains(mutating)
                                : mutating.equals(call.getHeader("X-Amz-Target")))
                .as("the value travels in %s", mutating)
                .isTrue();
        switch (kind) {
            case STACK ->
                assertThat(queryParameters(AwsStub.form(call), "Parameters")).containsEntry("DbPassword", secret);
            case SERVICE_CATALOG_PRODUCT ->
                assertThat(body(call).path("ProvisioningParameters").toString())
                        .contains("{\"Key\":\"DbPassword\",\"Value\":\"" + secret + "\"}");
            case ACCOUNT_FACTORY ->
                assertThat(body(call).path("ProvisioningParameters").toString())
                        .contains("{\"Key\":\"SSOUserLastName\",\"Value\":\"" + secret + "\"}");
            case ORGANIZATIONS_ACCOUNT ->
                assertThat(body(call).path("AccountName").asString()).isEqualTo(secret);
            case STACK_SET ->
                assertThat(queryParameters(AwsStub.form(call), "ParameterOverrides"))
                        .containsEntry("DbPassword", secret);
        }

        var requester = ApiClient.as("requester", port);
        var admin = ApiClient.as("admin", port);
        var everywhere = new java.util.LinkedHashMap<String, String>();
        everywhere.put(
                "API request (requester)",
                requester.get("/api/v1/requests/" + id).body().toString());
        everywhere.put(
                "API request (admin)",
                admin.get("/api/v1/requests/" + id).body().toString());
        everywhere.put(
                "API events",
                requester.get("/api/v1/requests/" + id + "/events").body().toString());
        everywhere.put(
                "API audit",
                admin.get("/api/v1/audit/events?limit=200&subject=" + id).body().toString());
        var pages = new WebSession(port).logIn("admin");
        for (var path : List.of("/requests/" + id, "/requests/" + id + "/live", "/admin/audit?subject=" + id)) {
            var page = pages.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            everywhere.put("page " + path, page.body());
        }
        Mailbox.awaitAbout("requester@vendo.local", "SUCCEEDED", id);
        for (var mail : Mailbox.server().getReceivedMessages()) {
            everywhere.put("mail " + Mailbox.subject(mail), GreenMailUtil.getWholeMessage(mail));
        }
        everywhere.put("log", log.getAll());
        assertThat(everywhere)
                .allSatisfy((where, text) -> assertThat(text).as(where).doesNotContain(secret));
        assertThat(everywhere.get("API request (requester)")).contains("****");
        assertThat(tablesContaining(secret)).as("tables holding the value").isEmpty();
    }

    @Test
    void aNoEchoValueThatAwsQuotesInItsRefusalIsMaskedInTheReasonTheTimelineAndTheLog(CapturedOutput log) {
        blueprint(
                BlueprintKind.STACK_SET,
                SECRET_TEMPLATE,
                new Delivery.StackSet("org-guardrails", List.of("eu-west-1"), 100, 0));
        var secret = "Sw0rdfish-" + UUID.randomUUID().toString().substring(0, 8);
        AwsStub.stubQueryError(
                "CreateStackInstances",
                400,
                "ValidationError",
                "Parameter DbPassword failed to satisfy constraint: value '" + secret + "' is not allowed");

        var id = submitAndApprove(Map.of("InstanceType", "t3.small", "DbPassword", secret));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("CreateStackInstances failed: ValidationError: Parameter DbPassword failed to satisfy"
                        + " constraint: value '****' is not allowed");
        assertThat(AwsStub.form(AwsStub.received("CreateStackInstances").getFirst()))
                .containsValue(secret);
        assertThat(ApiClient.as("requester", port)
                        .get("/api/v1/requests/" + id + "/events")
                        .body()
                        .toString())
                .doesNotContain(secret);
        assertThat(log.getAll()).contains("Request " + id + " failed").doesNotContain(secret);
        assertThat(tablesContaining(secret)).isEmpty();
    }

    /** Every table of the schema whose rows, as text, contain the value: the database grepped for a secret. */
    private List<String> tablesContaining(String value) {
        var tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE'",
                String.class);
        assertThat(tables).contains("vending_request", "event_publication", "audit_event", "execution");
        return tables.stream()
                .filter(table -> jdbc.queryForObject(
                                "select count(*) from \"%s\" t where t::text like ?".formatted(table),
                                Integer.class,
                                "%" + value + "%")
                        > 0)
                .toList();
    }

    /** A query-protocol list of key/value members ({@code Parameters.member.N.ParameterKey}…) as a map. */
    private static Map<String, String> queryParameters(Map<String, String> form, String list) {
        var parameters = new java.util.LinkedHashMap<String, String>();
        for (int i = 1; form.containsKey("%s.member.%d.ParameterKey".formatted(list, i)); i++) {
            parameters.put(
                    form.get("%s.member.%d.ParameterKey".formatted(list, i)),
                    form.get("%s.member.%d.ParameterValue".formatted(list, i)));
        }
        return parameters;
    }

    private static void stubProvisionedRecord(String recordId, List<String> outputs) {
        stubJson(SC + "ProvisionProduct", 200, record(recordId, "CREATED"));
        stubJson(
                SC + "DescribeRecord",
                200,
                """
                {"RecordDetail": {"RecordId": "%s", "Status": "SUCCEEDED", "ProvisionedProductId": "pp-1"},
                 "RecordOutputs": [%s]}"""
                        .formatted(recordId, String.join(", ", outputs)));
    }

    private static void stubOrganizationsCreatesAccount() {
        stubJson(
                ORG + "CreateAccount",
                200,
                "{\"CreateAccountStatus\": {\"Id\": \"car-secret\", \"State\": \"IN_PROGRESS\"}}");
        stubJson(
                ORG + "DescribeCreateAccountStatus",
                200,
                """
                {"CreateAccountStatus": {"Id": "car-secret", "State": "SUCCEEDED", "AccountId": "210987654321"}}""");
        stubJson(ORG + "ListParents", 200, "{\"Parents\": [{\"Id\": \"r-ab12\", \"Type\": \"ROOT\"}]}");
        stubJson(ORG + "MoveAccount", 200, "{}");
    }

    private void blueprint(BlueprintKind kind, String template, @Nullable Delivery delivery) {
        catalog.create(new NewBlueprint(
                slug,
                kind,
                new BlueprintMetadata(
                        "Kind " + slug,
                        "A " + kind + " for the flow test",
                        "platform-team",
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null),
                new NewVersion(template, List.of(), delivery)));
    }

    /** An e-mail of its own: the catalog refuses an account e-mail that an earlier request used. */
    private Map<String, String> accountParameters(String organizationalUnit) {
        var email = "team-rocket-" + slug + "@example.com";
        return Map.of(
                "AccountName", "Team Rocket",
                "AccountEmail", email,
                "ManagedOrganizationalUnit", organizationalUnit,
                "SSOUserEmail", "jessie@example.com",
                "SSOUserFirstName", "Jessie",
                "SSOUserLastName", "Rocket");
    }

    private static String record(String recordId, String status) {
        return """
                {"RecordDetail": {"RecordId": "%s", "Status": "%s", "ProvisionedProductId": "pp-%s",
                  "RecordType": "PROVISION_PRODUCT", "RecordErrors": [], "RecordTags": []}}"""
                .formatted(recordId, status, recordId);
    }

    private static String operation(String status, String reason) {
        return """
                <StackSetOperation><OperationId>op</OperationId><StackSetId>org-guardrails:1</StackSetId>
                <Action>CREATE</Action><Status>%s</Status><StatusReason>%s</StatusReason></StackSetOperation>"""
                .formatted(status, reason);
    }

    private static String instance(String region, String status, String detailed, String reason) {
        return """
                <member><StackSetId>org-guardrails:1</StackSetId><Region>%s</Region><Account>%s</Account>
                <Status>%s</Status><StatusReason>%s</StatusReason>
                <StackInstanceStatus><DetailedStatus>%s</DetailedStatus></StackInstanceStatus></member>"""
                .formatted(region, AwsStub.ACCOUNT, status, reason, detailed);
    }

    private String submitAndApprove(Map<String, String> parameters) {
        return submitAndApprove("kinds-dev", parameters);
    }

    private String submitAndApprove(String target, Map<String, String> parameters) {
        var id = submitted(target, parameters);
        approve(id);
        return id;
    }

    /** @return the new request's id, pending approval */
    private String submitted(String target, Map<String, String> parameters) {
        var submitted = submit(target, parameters);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        return submitted.body().path("id").asString();
    }

    private ApiClient.Response submit(String target, Map<String, String> parameters) {
        var json = new StringBuilder(
                "{\"blueprint\": \"%s\", \"target\": \"%s\", \"parameters\": {".formatted(slug, target));
        var first = true;
        for (var parameter : parameters.entrySet()) {
            json.append(first ? "" : ", ")
                    .append('"')
                    .append(parameter.getKey())
                    .append("\": \"")
                    .append(parameter.getValue())
                    .append('"');
            first = false;
        }
        json.append("}, \"justification\": \"Needed for the kinds flow test\"}");
        return ApiClient.as("requester", port).postJson("/api/v1/requests", json.toString());
    }

    private void approve(String id) {
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        assertThat(decided.status()).isEqualTo(200);
    }

    /** ListTagsForResource: the account carries these tags ({@code vendo:request-id} and a name). */
    private static void stubAccountTags(String accountId, String requestId) {
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(ORG + "ListTagsForResource"))
                .withRequestBody(equalToJson("{\"ResourceId\": \"%s\"}".formatted(accountId), true, true))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(
                                """
                                {"Tags": [{"Key": "team", "Value": "rocket"},
                                          {"Key": "vendo:request-id", "Value": "%s"}]}"""
                                        .formatted(requestId))));
    }

    private JsonNode awaitTerminal(String id) {
        var requester = ApiClient.as("requester", port);
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> requester.get("/api/v1/requests/" + id).body(), body -> List.of(
                                "SUCCEEDED", "FAILED", "DRY_RUN")
                        .contains(body.path("state").asString()));
    }
}
