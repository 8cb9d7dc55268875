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
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * A STACK request travels the whole way: API submission, approval, the durable scheduler, STS AssumeRole and
 * CloudFormation change sets through the real SDK against a server speaking CloudFormation's wire protocol, to a
 * terminal state.
 */
@VendoIntegrationTest
// The portal checks that AWS accepts its credentials often here, so that a test sees a change within a second.
@TestPropertySource(properties = "vendo.aws.reachability-check-interval=300ms")
class StackProvisioningFlowTest {

    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-static-website/6f0e4b60-c5f1-11ee-8c37-0a0d1f0e3a4f";
    private static final String CHANGE_SET_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:changeSet/vendo-1/0c3f1e2a-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
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

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        AwsStub.stubAssumeRole();
        catalog.register(new NewTarget(
                "dev-with-role", "Dev (role)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.DEV, ROLE, "ext-4711"));
    }

    /**
     * A configured but failing credential chain is an error, never a dry run: while STS refuses the portal's keys,
     * readiness reports the aws component DOWN with STS's reason, every page says that AWS cannot be reached (admins
     * read why), and an approved request waits — neither failed nor run dry, nothing sent to CloudFormation — until
     * AWS accepts the keys again; then it executes.
     */
    @Test
    void whileStsRefusesThePortalsCredentialsReadinessIsDownAdminsSeeWhyAndApprovedRequestsWait() {
        var aws = AwsStub.simulate();
        aws.stsRefuses(true);
        var anonymous = ApiClient.anonymous(port);
        var down = await().atMost(Duration.ofSeconds(10))
                .until(() -> anonymous.get("/actuator/health/readiness"), response -> response.status() == 503);
        var component = down.body().path("components").path("aws");
        assertThat(component.path("status").asString()).isEqualTo("DOWN");
        assertThat(component.path("details").path("mode").asString()).isEqualTo("live");
        assertThat(component.path("details").path("reason").asString())
                .startsWith("AWS is configured (endpoint " + AwsStub.endpoint())
                .contains("but cannot be reached")
                .contains("The security token included in the request is invalid.");
        var adminPage = HtmlUtils.htmlUnescape(
                new WebSession(port).logIn("admin").get("/").body());
        assertThat(adminPage)
                .contains("AWS is configured but cannot be reached: approved requests wait until it can.")
                .contains("The security token included in the request is invalid.")
                .doesNotContain("Dry-run mode");
        var requesterPage = HtmlUtils.htmlUnescape(
                new WebSession(port).logIn("requester").get("/").body());
        assertThat(requesterPage)
                .contains("AWS is configured but cannot be reached")
                .doesNotContain("The security token included in the request is invalid.");

        var id = submitAndApprove("dev-with-role");
        var requester = ApiClient.as("requester", port);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(requester
                        .get("/api/v1/requests/" + id + "/events")
                        .body()
                        .toString())
                .contains("execution.waiting")
                .contains("The security token included in the request is invalid."));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () -> requester
                                .get("/api/v1/requests/" + id)
                                .body()
                                .path("state")
                                .asString(),
                        "APPROVED"::equals);
        assertThat(AwsStub.received("CreateChangeSet")).isEmpty();

        aws.stsRefuses(false);
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(AwsStub.received("CreateChangeSet")).hasSize(1);
        var up = anonymous.get("/actuator/health/readiness");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body().path("components").path("aws").path("status").asString())
                .isEqualTo("UP");
        assertThat(up.body()
                        .path("components")
                        .path("aws")
                        .path("details")
                        .path("detail")
                        .asString())
                .isEqualTo("reachable as arn:aws:iam::111122223333:user/vendo-portal");
        assertThat(new WebSession(port).logIn("admin").get("/").body()).doesNotContain("cannot be reached");
    }

    /**
     * vendo.execution.max-attempts (6 here) bounds the failures that may be transient (5xx, connection trouble);
     * throttling is waited out without counting. Five throttled answers and five 500s before CreateChangeSet takes
     * effect are ten failures, but only five count: the request succeeds.
     */
    @Test
    void throttlingIsWaitedOutWithoutCountingTowardsTheAttemptLimit() {
        var aws = AwsStub.simulate();
        aws.failNext(
                "CreateChangeSet",
                "Throttling",
                "Throttling",
                "Throttling",
                "Throttling",
                "Throttling",
                "InternalFailure",
                "InternalFailure",
                "InternalFailure",
                "InternalFailure",
                "InternalFailure");

        var id = submitAndApprove("dev-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).as(request.toString()).isEqualTo("SUCCEEDED");
        assertThat(AwsStub.received("CreateChangeSet")).hasSize(11);
        assertThat(AwsStub.received("ExecuteChangeSet")).hasSize(1);
    }

    @Test
    void approvedRequestDeploysTheStackThroughAChangeSetAsTheTargetRoleAndSucceedsWithItsOutputs() {
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.of(
                        new String[] {"Add", "SiteBucket", "AWS::S3::Bucket", ""},
                        new String[] {"Add", "SiteBucketPolicy", "AWS::S3::BucketPolicy", ""}),
                "",
                "CREATE_IN_PROGRESS",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
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

        var creates = AwsStub.received("CreateChangeSet");
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst().getHeader("Authorization"))
                .contains("Credential=" + AwsStub.ASSUMED_ACCESS_KEY + "/");
        var create = AwsStub.form(creates.getFirst());
        assertThat(create)
                .containsEntry("StackName", "vendo-static-website-" + id)
                .containsEntry("ChangeSetName", "vendo-" + id)
                .containsEntry("ChangeSetType", "CREATE")
                .containsEntry("ClientToken", "vendo-" + id + "-create-change-set")
                .containsEntry("Parameters.member.3.ParameterKey", "SiteName")
                .containsEntry("Parameters.member.3.ParameterValue", "my-site");
        assertThat(tags(create))
                .containsEntry("vendo:request-id", id)
                .containsEntry("vendo:blueprint", "static-website")
                .containsEntry("vendo:requester", "requester")
                .containsEntry("vendo:team", "web-team");
        assertThat(create.get("TemplateBody")).contains("AWS::S3::Bucket");

        var executes = AwsStub.received("ExecuteChangeSet");
        assertThat(executes).hasSize(1);
        assertThat(AwsStub.form(executes.getFirst()))
                .containsEntry("ChangeSetName", CHANGE_SET_ID)
                .containsEntry("StackName", "vendo-static-website-" + id)
                .containsEntry("ClientRequestToken", "vendo-" + id + "-execute-change-set");
        assertThat(AwsStub.received("DescribeChangeSet")).hasSize(2);
        assertThat(AwsStub.received("DescribeStacks")).hasSize(3);
        assertThat(AwsStub.received("UpdateTerminationProtection")).isEmpty();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditTrail.timeline(id))
                .extracting(AuditEntry::action)
                .containsExactly(
                        "request.submitted",
                        "approval.opened",
                        "approval.approved",
                        "request.approved",
                        "request.started",
                        "execution.change-set-created",
                        "execution.aws-status",
                        "execution.aws-status",
                        "execution.change-set-ready",
                        "execution.change-set-executed",
                        "execution.aws-status",
                        "execution.aws-status",
                        "request.succeeded"));
        assertThat(auditTrail.timeline(id))
                .filteredOn(entry -> entry.action().equals("execution.change-set-ready"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details())
                        .containsEntry(
                                "changes",
                                "Add SiteBucket (AWS::S3::Bucket)\nAdd SiteBucketPolicy (AWS::S3::BucketPolicy)"));

        // Approvers and the requester see the computed resource changes on the request page.
        var page = new WebSession(port).logIn("approver").get("/requests/" + id + "/live");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Resource changes", "SiteBucketPolicy", "AWS::S3::BucketPolicy", CHANGE_SET_ID, "DONE");
    }

    @Test
    void productionStacksGetTerminationProtection() {
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.<String[]>of(new String[] {"Add", "SiteBucket", "AWS::S3::Bucket", ""}),
                "",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
        AwsStub.stubDescribeStacks(STACK_ID, Map.of("BucketName", "prod-site"), "CREATE_COMPLETE");
        AwsStub.stubUpdateTerminationProtection(STACK_ID);
        catalog.register(new NewTarget(
                "prod-with-role", "Production (role)", AwsStub.ACCOUNT, "eu-west-1", EnvironmentTier.PROD, ROLE, null));

        var id = submit("prod-with-role");
        approve(id, "lead");
        approve(id, "approver");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        var protects = AwsStub.received("UpdateTerminationProtection");
        assertThat(protects).hasSize(1);
        assertThat(AwsStub.form(protects.getFirst()))
                .containsEntry("StackName", STACK_ID)
                .containsEntry("EnableTerminationProtection", "true");
    }

    @Test
    void stackThatRollsBackFailsTheRequestWithTheFirstResourceFailure() {
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.<String[]>of(new String[] {"Add", "SiteBucket", "AWS::S3::Bucket", ""}),
                "",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
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
    void failedChangeSetFailsTheRequestWithItsStatusReasonAndIsNotExecuted() {
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.of(),
                "Template error: instance of Fn::GetAtt references undefined resource SiteBuckett",
                "CREATE_IN_PROGRESS",
                "FAILED");

        var id = submitAndApprove("dev-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("Change set vendo-" + id
                        + " FAILED: Template error: instance of Fn::GetAtt references undefined resource SiteBuckett");
        assertThat(AwsStub.received("ExecuteChangeSet")).isEmpty();
    }

    @Test
    void permanentAwsErrorFailsTheRequestWithAwsCodeAndMessage() {
        AwsStub.stubCreateChangeSetError(
                400, "InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_IAM]");

        var id = submitAndApprove("dev-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo(
                        "CreateChangeSet failed: InsufficientCapabilitiesException: Requires capabilities : [CAPABILITY_IAM]");
        assertThat(AwsStub.received("CreateChangeSet")).hasSize(1);
    }

    @Test
    void lostCreateChangeSetResponseIsLookedUpNotSentAgain() {
        AwsStub.stubCreateChangeSetResponseLost(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.<String[]>of(new String[] {"Add", "SiteBucket", "AWS::S3::Bucket", ""}),
                "",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
        AwsStub.stubDescribeStacks(STACK_ID, Map.of("BucketName", "my-site-b"), "CREATE_COMPLETE");

        var id = submitAndApprove("dev-with-role");
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(AwsStub.received("CreateChangeSet")).hasSize(1);
        var lookup = AwsStub.form(AwsStub.received("DescribeChangeSet").getFirst());
        assertThat(lookup)
                .containsEntry("ChangeSetName", "vendo-" + id)
                .containsEntry("StackName", "vendo-static-website-" + id);
        assertThat(AwsStub.received("ExecuteChangeSet")).hasSize(1);
    }

    @Test
    void stackThatStaysInProgressPastTheTimeoutFailsWithAClearReason() {
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.<String[]>of(new String[] {"Add", "SiteBucket", "AWS::S3::Bucket", ""}),
                "",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
        AwsStub.stubDescribeStacks(STACK_ID, Map.of(), "CREATE_IN_PROGRESS");

        var id = submitAndApprove("dev-with-role");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> AwsStub.received("DescribeStacks").size() >= 2);
        // Four hours on AWAIT_STACK, as if CloudFormation had been stuck that long.
        jdbc.update(
                "update execution set started_at = started_at - interval '4 hours' where request_id = ?",
                UUID.fromString(id));
        var request = awaitTerminal(id);

        assertThat(request.path("state").asString()).isEqualTo("FAILED");
        assertThat(request.path("failureReason").asString())
                .isEqualTo("Timed out: still in AWAIT_STACK after PT3H (the limit for STACK requests),"
                        + " AWS last reported CREATE_IN_PROGRESS");
    }

    /** A query-protocol request's Tags.member.N.Key/Value pairs as a map. */
    private static Map<String, String> tags(Map<String, String> form) {
        var tags = new LinkedHashMap<String, String>();
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(form.get("Tags.member." + i + ".Key"), form.get("Tags.member." + i + ".Value"));
        }
        return tags;
    }

    private String submitAndApprove(String target) {
        var id = submit(target);
        approve(id, "approver");
        return id;
    }

    private void approve(String id, String approver) {
        var decided = ApiClient.as(approver, port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        assertThat(decided.status()).isEqualTo(200);
    }

    private String submit(String target) {
        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                {"blueprint": "static-website", "target": "%s",
                 "parameters": {"SiteName": "my-site"}, "justification": "Launch page for the spring campaign"}
                """
                                .formatted(target));
        assertThat(submitted.status()).isEqualTo(201);
        return submitted.body().path("id").asString();
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
