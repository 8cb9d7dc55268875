package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * StackSets with service-managed permissions end to end, through the real SDK against the CloudFormation simulator: a
 * StackSet administered by a delegated administrator (the target's account, through its role) sends
 * CallAs=DELEGATED_ADMIN in every call, which the simulator, as AWS, requires of that account.
 */
@VendoIntegrationTest
class StackSetOrganizationFlowTest {

    static final String OU = "ou-ab12-workloads";
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
                    List.of(OU)));
        }
    }

    /** A STACK_SET blueprint for the OU in two regions; @return its slug */
    String organizationBlueprint(StackSetCallAs callAs) {
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
                                List.of(OU),
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
}
