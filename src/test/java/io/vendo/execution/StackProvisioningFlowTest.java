package io.vendo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.audit.AuditEntry;
import io.vendo.audit.AuditTrail;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A request travels the whole way: API submission, approval, the durable scheduler, STS AssumeRole and
 * CloudFormation through the real SDK against a server speaking CloudFormation's wire protocol, to a terminal state.
 */
@VendoIntegrationTest
class StackProvisioningFlowTest {

    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-static-website/6f0e4b60-c5f1-11ee-8c37-0a0d1f0e3a4f";
    private static final String ROLE = "arn:aws:iam::111122223333:role/VendoExecution";

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    AuditTrail auditTrail;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        AwsStub.stubAssumeRole();
        catalog.register(new NewTarget(
                "dev-with-role", "Dev (role)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, "ext-4711"));
    }

    @Test
    void approvedRequestCreatesTheStackAsTheTargetRoleAndSucceedsWithItsOutputs() {
        AwsStub.stubCreateStack(STACK_ID);
        AwsStub.stubDescribeStacks(
                STACK_ID,
                Map.of("WebsiteURL", "http://my-site.s3-website.eu-west-1.amazonaws.com", "BucketName", "my-site-b"),
                "CREATE_IN_PROGRESS",
                "CREATE_IN_PROGRESS",
                "CREATE_COMPLETE");

        // A target of its own, so that its client, and the role session, are new to this test.
        catalog.register(new NewTarget(
                "staging-with-role",
                "Staging (role)",
                AwsStub.ACCOUNT,
                "eu-west-1",
                EnvironmentTier.STAGING,
                ROLE,
                "ext-0815"));

        var id = submitAndApprove("staging-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(request.path("outputs").path("WebsiteURL").asString())
                .isEqualTo("http://my-site.s3-website.eu-west-1.amazonaws.com");
        assertThat(request.path("outputs").path("BucketName").asString()).isEqualTo("my-site-b");

        var assumeRole = AwsStub.form(AwsStub.received("AssumeRole").getFirst());
        assertThat(assumeRole).containsEntry("RoleArn", ROLE).containsEntry("ExternalId", "ext-0815");

        var creates = AwsStub.received("CreateStack");
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst().getHeader("Authorization"))
                .contains("Credential=" + AwsStub.ASSUMED_ACCESS_KEY + "/");
        var create = AwsStub.form(creates.getFirst());
        assertThat(create)
                .containsEntry("StackName", "vendo-static-website-" + id)
                .containsEntry("ClientRequestToken", "vendo-" + id + "-create")
                .containsEntry("Parameters.member.3.ParameterKey", "SiteName")
                .containsEntry("Parameters.member.3.ParameterValue", "my-site")
                .containsEntry("Tags.member.2.Key", "vendo:request-id")
                .containsEntry("Tags.member.2.Value", id);
        assertThat(create.get("TemplateBody")).contains("AWS::S3::Bucket");
        assertThat(AwsStub.received("DescribeStacks")).hasSize(3);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditTrail.timeline(id))
                .extracting(AuditEntry::action)
                .containsExactly(
                        "request.submitted",
                        "approval.opened",
                        "approval.approved",
                        "request.approved",
                        "request.started",
                        "request.succeeded"));
    }

    @Test
    void stackThatRollsBackFailsTheRequestWithTheFirstResourceFailure() {
        AwsStub.stubCreateStack(STACK_ID);
        AwsStub.stubDescribeStacks(
                STACK_ID, Map.of(), "CREATE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE");
        AwsStub.stubDescribeStackEvents(
                STACK_ID,
                List.of(
                        new String[] {"stack", "ROLLBACK_COMPLETE", "", "2026-11-23T10:03:00Z"},
                        new String[] {"SiteBucket", "DELETE_COMPLETE", "", "2026-11-23T10:02:30Z"},
                        new String[] {
                            "stack",
                            "ROLLBACK_IN_PROGRESS",
                            "The following resource(s) failed to create: [SiteBucket].",
                            "2026-11-23T10:02:00Z"
                        },
                        new String[] {"SiteBucket", "CREATE_FAILED", "my-site-b already exists", "2026-11-23T10:01:00Z"
                        },
                        new String[] {"SiteBucket", "CREATE_IN_PROGRESS", "", "2026-11-23T10:00:30Z"}));

        var id = submitAndApprove("dev-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("ROLLBACK_COMPLETE: SiteBucket CREATE_FAILED: my-site-b already exists");
        assertThat(request.path("outputs").isEmpty()).isTrue();
    }

    @Test
    void permanentAwsErrorFailsTheRequestWithAwsCodeAndMessage() {
        AwsStub.stubCreateStackError(
                400, "InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]");

        var id = submitAndApprove("dev-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo(
                        "CreateStack failed: InsufficientCapabilitiesException: Requires capabilities : [CAPABILITY_IAM]");
        assertThat(AwsStub.received("CreateStack")).hasSize(1);
    }

    private String submitAndApprove(String target) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                {"blueprint": "static-website", "target": "%s",
                 "parameters": {"SiteName": "my-site"}, "justification": "Launch page for the spring campaign"}
                """
                                .formatted(target));
        assertThat(submitted.status()).isEqualTo(201);
        var id = submitted.body().path("id").asString();

        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("requestState").asString()).isEqualTo("APPROVED");
        return id;
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
