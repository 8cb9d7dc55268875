package io.vendo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.CallAs;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.InvalidChangeSetStatusException;
import software.amazon.awssdk.services.cloudformation.model.OperationIdAlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.OperationInProgressException;
import software.amazon.awssdk.services.cloudformation.model.OperationNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.StackSetNotFoundException;

/**
 * The simulator refuses what CloudFormation refuses, so that the executor's duplicate-call tests can fail: the real
 * SDK client gets CloudFormation's own exceptions, parsed from the query protocol's XML errors.
 */
class CloudFormationSimulatorTest {

    private CloudFormationSimulator simulator;
    private CloudFormationClient cloudFormation;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
        simulator = AwsStub.simulate();
        cloudFormation = CloudFormationClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(AwsStub.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAVENDOTESTING0001", "vendo-test-only-not-a-secret")))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void tearDown() {
        cloudFormation.close();
        AwsStub.reset();
    }

    @Test
    void createChangeSetIsIdempotentPerClientTokenAndRefusesTheSameNameWithAnotherToken() {
        var first = createChangeSet("web", "web-cs", "token-1");
        var again = createChangeSet("web", "web-cs", "token-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.stackId()).isEqualTo(first.stackId());
        assertThat(simulator.stackList()).hasSize(1);
        assertThatThrownBy(() -> createChangeSet("web", "web-cs", "token-2"))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("ChangeSet web-cs cannot be created due to a mismatch with existing attribute"
                                + " ClientToken"));
        assertThatThrownBy(() -> createChangeSet("web", "web-cs", null)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void aChangeSetExecutesOnceAndOnlyTheSameClientRequestTokenMayAskAgain() {
        var created = createChangeSet("api", "api-cs", "token-1");

        cloudFormation.executeChangeSet(
                execute -> execute.changeSetName(created.id()).clientRequestToken("exec-1"));
        cloudFormation.executeChangeSet(
                execute -> execute.changeSetName(created.id()).clientRequestToken("exec-1"));

        assertThatThrownBy(() -> cloudFormation.executeChangeSet(
                        execute -> execute.changeSetName(created.id()).clientRequestToken("exec-2")))
                .isInstanceOfSatisfying(InvalidChangeSetStatusException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .contains("cannot be executed in its current execution status of [EXECUTE_COMPLETE]"));
        assertThatThrownBy(() -> cloudFormation.executeChangeSet(
                        execute -> execute.changeSetName("api-cs").stackName("api")))
                .isInstanceOf(InvalidChangeSetStatusException.class);
        assertThat(cloudFormation
                        .describeChangeSet(describe -> describe.changeSetName(created.id()))
                        .executionStatusAsString())
                .isEqualTo("EXECUTE_COMPLETE");
    }

    @Test
    void aCreateChangeSetForAStandingStackAnUpdateForAMissingOneAndAnUnknownChangeSetAreRefused() {
        var created = createChangeSet("db", "db-cs", "token-1");
        cloudFormation.executeChangeSet(execute -> execute.changeSetName(created.id()));

        assertThatThrownBy(() -> createChangeSet("db", "db-cs-2", "token-2"))
                .isInstanceOfSatisfying(
                        CloudFormationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
                .hasMessageContaining("Stack [db] already exists and cannot be created again with the changeSet");
        assertThatThrownBy(() -> cloudFormation.createChangeSet(create -> create.stackName("nowhere")
                        .changeSetName("nowhere-cs")
                        .changeSetType(ChangeSetType.UPDATE)
                        .templateBody("{}")))
                .isInstanceOfSatisfying(
                        CloudFormationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
                .hasMessageContaining("Stack [nowhere] does not exist");
        assertThatThrownBy(() -> cloudFormation.describeChangeSet(
                        describe -> describe.stackName("db").changeSetName("missing")))
                .isInstanceOf(ChangeSetNotFoundException.class);
    }

    @Test
    void aStackSetOperationIdIsUsedOnceAndAStackSetRunsOneOperationAtATime() {
        simulator.stackDuration(java.time.Duration.ofMinutes(5));
        cloudFormation.createStackInstances(create -> create.stackSetName("baseline")
                .accounts("111122223333")
                .regions("eu-west-1", "eu-central-1")
                .operationId("op-1"));

        assertThatThrownBy(() -> cloudFormation.createStackInstances(create -> create.stackSetName("baseline")
                        .accounts("111122223333")
                        .regions("eu-west-1")
                        .operationId("op-1")))
                .isInstanceOf(OperationIdAlreadyExistsException.class);
        assertThatThrownBy(() -> cloudFormation.createStackInstances(create -> create.stackSetName("baseline")
                        .accounts("444455556666")
                        .regions("eu-west-1")
                        .operationId("op-2")))
                .isInstanceOf(OperationInProgressException.class);
        assertThat(cloudFormation
                        .describeStackSetOperation(
                                describe -> describe.stackSetName("baseline").operationId("op-1"))
                        .stackSetOperation()
                        .statusAsString())
                .isEqualTo("RUNNING");
        assertThatThrownBy(() -> cloudFormation.describeStackSetOperation(
                        describe -> describe.stackSetName("baseline").operationId("op-9")))
                .isInstanceOf(OperationNotFoundException.class);

        simulator.stackDuration(java.time.Duration.ZERO);
        assertThat(cloudFormation
                        .listStackInstances(
                                list -> list.stackSetName("baseline").stackInstanceAccount("111122223333"))
                        .summaries())
                .extracting(summary ->
                        summary.region() + " " + summary.stackInstanceStatus().detailedStatusAsString())
                .containsExactly("eu-west-1 SUCCEEDED", "eu-central-1 SUCCEEDED");
    }

    /**
     * A service-managed StackSet lives in the management account: a delegated administrator reaches it only with
     * CallAs=DELEGATED_ADMIN (without it AWS looks among the member account's own StackSets), and an account that is
     * not registered may not say DELEGATED_ADMIN.
     */
    @Test
    void aDelegatedAdministratorReachesStackSetsOnlyWithCallAsDelegatedAdmin() {
        simulator.organizationalUnit("ou-ab12-workloads", "210987654321");
        simulator.delegatedAdministrator("222233334444");
        try (var member = CloudFormationClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(AwsStub.endpoint()))
                // Session credentials of a role in the member account, as the simulator's AssumeRole hands them out.
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        "ASIA222233334444ABC", "vendo-test-only-not-a-secret", "session-token")))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {

            assertThatThrownBy(() -> member.createStackInstances(create -> create.stackSetName("guardrails")
                            .deploymentTargets(targets -> targets.organizationalUnitIds("ou-ab12-workloads"))
                            .regions("eu-west-1")
                            .operationId("op-1")))
                    .isInstanceOfSatisfying(StackSetNotFoundException.class, e -> assertThat(
                                    e.awsErrorDetails().errorMessage())
                            .isEqualTo("StackSet guardrails not found"));
            member.createStackInstances(create -> create.stackSetName("guardrails")
                    .deploymentTargets(targets -> targets.organizationalUnitIds("ou-ab12-workloads"))
                    .regions("eu-west-1")
                    .operationId("op-1")
                    .callAs(CallAs.DELEGATED_ADMIN));
            assertThatThrownBy(() -> member.describeStackSetOperation(
                            describe -> describe.stackSetName("guardrails").operationId("op-1")))
                    .isInstanceOf(StackSetNotFoundException.class);
            assertThat(member.describeStackSetOperation(describe -> describe.stackSetName("guardrails")
                                    .operationId("op-1")
                                    .callAs(CallAs.DELEGATED_ADMIN))
                            .stackSetOperation()
                            .statusAsString())
                    .isEqualTo("SUCCEEDED");
        }
        assertThatThrownBy(() -> cloudFormation.listStackInstances(
                        list -> list.stackSetName("guardrails").callAs(CallAs.DELEGATED_ADMIN)))
                .isInstanceOfSatisfying(
                        CloudFormationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    /**
     * Drift as the SDK reads it from the query protocol: a detection runs, then reports the stack DRIFTED with the
     * resources that differ (filtered by status, paged), IN_SYNC once they match again; an unknown stack is refused.
     */
    @Test
    void driftDetectionReportsWhatDiffersPagedAndFilteredAndInSyncOnceItMatches() {
        var created = createChangeSet("site", "site-cs", "token-1");
        cloudFormation.executeChangeSet(
                execute -> execute.changeSetName(created.id()).clientRequestToken("exec-1"));
        simulator.detectionDuration(java.time.Duration.ofMillis(300));
        simulator.drift(
                created.stackId(),
                new CloudFormationSimulator.ResourceDrift(
                        "SiteBucket",
                        "AWS::S3::Bucket",
                        "site-bucket",
                        "MODIFIED",
                        java.util.List.<String[]>of(
                                new String[] {"/VersioningConfiguration/Status", "Enabled", "Suspended", "NOT_EQUAL"})),
                new CloudFormationSimulator.ResourceDrift(
                        "SitePolicy", "AWS::S3::BucketPolicy", "site-policy", "DELETED", java.util.List.of()));

        var detection = cloudFormation
                .detectStackDrift(detect -> detect.stackName(created.stackId()))
                .stackDriftDetectionId();
        var running =
                cloudFormation.describeStackDriftDetectionStatus(describe -> describe.stackDriftDetectionId(detection));
        assertThat(running.detectionStatusAsString()).isEqualTo("DETECTION_IN_PROGRESS");
        assertThat(running.stackDriftStatus()).isNull();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> cloudFormation
                        .describeStackDriftDetectionStatus(describe -> describe.stackDriftDetectionId(detection))
                        .detectionStatusAsString()
                        .equals("DETECTION_COMPLETE"));
        var complete =
                cloudFormation.describeStackDriftDetectionStatus(describe -> describe.stackDriftDetectionId(detection));
        assertThat(complete.stackDriftStatusAsString()).isEqualTo("DRIFTED");
        assertThat(complete.driftedStackResourceCount()).isEqualTo(2);
        assertThat(complete.stackId()).isEqualTo(created.stackId());

        var pages = cloudFormation
                .describeStackResourceDriftsPaginator(describe -> describe.stackName(created.stackId())
                        .stackResourceDriftStatusFiltersWithStrings("MODIFIED", "DELETED")
                        .maxResults(1))
                .stream()
                .toList();
        assertThat(pages).hasSize(2);
        var modified = pages.getFirst().stackResourceDrifts().getFirst();
        assertThat(modified.logicalResourceId()).isEqualTo("SiteBucket");
        assertThat(modified.resourceType()).isEqualTo("AWS::S3::Bucket");
        assertThat(modified.stackResourceDriftStatusAsString()).isEqualTo("MODIFIED");
        assertThat(modified.propertyDifferences().getFirst().propertyPath())
                .isEqualTo("/VersioningConfiguration/Status");
        assertThat(modified.propertyDifferences().getFirst().expectedValue()).isEqualTo("Enabled");
        assertThat(modified.propertyDifferences().getFirst().actualValue()).isEqualTo("Suspended");
        assertThat(modified.propertyDifferences().getFirst().differenceTypeAsString())
                .isEqualTo("NOT_EQUAL");
        assertThat(pages.get(1).stackResourceDrifts().getFirst().stackResourceDriftStatusAsString())
                .isEqualTo("DELETED");
        assertThat(cloudFormation
                        .describeStackResourceDrifts(describe -> describe.stackName(created.stackId())
                                .stackResourceDriftStatusFiltersWithStrings("DELETED"))
                        .stackResourceDrifts())
                .extracting(drift -> drift.logicalResourceId())
                .containsExactly("SitePolicy");

        simulator.drift(created.stackId());
        simulator.detectionDuration(java.time.Duration.ZERO);
        var again = cloudFormation
                .detectStackDrift(detect -> detect.stackName("site"))
                .stackDriftDetectionId();
        assertThat(cloudFormation
                        .describeStackDriftDetectionStatus(describe -> describe.stackDriftDetectionId(again))
                        .stackDriftStatusAsString())
                .isEqualTo("IN_SYNC");
        assertThatThrownBy(() -> cloudFormation.detectStackDrift(detect -> detect.stackName("no-such-stack")))
                .isInstanceOfSatisfying(
                        CloudFormationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void aStackWhoseCreationRolledBackTakesNoChangeSetUntilItIsDeleted() {
        simulator.stackDuration(java.time.Duration.ZERO);
        simulator.rollBack("db");
        var created = createChangeSet("db", "db-cs", "token-1");
        cloudFormation.executeChangeSet(
                execute -> execute.changeSetName(created.id()).clientRequestToken("exec-1"));
        simulator.rollBackNothing();

        assertThat(cloudFormation
                        .describeStacks(describe -> describe.stackName(created.stackId()))
                        .stacks()
                        .getFirst()
                        .stackStatusAsString())
                .as("a rollback is decided when the stack starts")
                .isEqualTo("ROLLBACK_COMPLETE");
        assertThatThrownBy(() -> createChangeSet("db", "db-cs-2", "token-2"))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Stack:" + created.stackId()
                                    + " is in ROLLBACK_COMPLETE state and can not be updated.");
                });
    }

    private software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse createChangeSet(
            String stack, String changeSet, String token) {
        return cloudFormation.createChangeSet(create -> create.stackName(stack)
                .changeSetName(changeSet)
                .changeSetType(ChangeSetType.CREATE)
                .clientToken(token)
                .templateBody(
                        "{\"Resources\": {\"Handle\": {\"Type\": \"AWS::CloudFormation::WaitConditionHandle\"}}}"));
    }
}
