package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.stack.StackDeleter;
import io.vendo.execution.stack.StackDeletionSpec;
import io.vendo.execution.stack.StackStatus;
import io.vendo.execution.stack.StackStatus.Outcome;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * {@link StackDeleter} on CloudFormation: UpdateTerminationProtection off, DeleteStack with the spec's
 * ClientRequestToken, DescribeStacks by stack id (a deleted stack is found by its id only), DescribeStackEvents for what
 * the deletion retained or failed on.
 */
@Component
class CloudFormationStackDeleter implements StackDeleter {

    private final AwsConnection aws;

    CloudFormationStackDeleter(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(StackDeletionSpec spec) {
        var plan = new AwsPlan(spec.target());
        if (spec.terminationProtection()) {
            plan.call("CloudFormation", "UpdateTerminationProtection")
                    .field("StackName", spec.stackId())
                    .field("EnableTerminationProtection", "false");
        }
        plan.call("CloudFormation", "DeleteStack")
                .field("StackName", spec.stackId())
                .field("ClientRequestToken", spec.deleteToken());
        plan.call("CloudFormation", "DescribeStacks").note("until DELETE_COMPLETE");
        plan.call("CloudFormation", "DescribeStackEvents").note("the resources the template retains are listed");
        return plan.render();
    }

    @Override
    public void unprotect(StackDeletionSpec spec) {
        AwsCalls.run("UpdateTerminationProtection", () -> aws.cloudFormationWrites(spec.target())
                .updateTerminationProtection(
                        update -> update.stackName(spec.stackId()).enableTerminationProtection(false)));
    }

    @Override
    public void deleteStack(StackDeletionSpec spec) {
        AwsCalls.run("DeleteStack", () -> aws.cloudFormationWrites(spec.target())
                .deleteStack(delete -> delete.stackName(spec.stackId()).clientRequestToken(spec.deleteToken())));
    }

    @Override
    public StackStatus describeDeletion(StackDeletionSpec spec) {
        return call("DescribeStacks", () -> {
            try {
                var status = aws.cloudFormation(spec.target())
                        .describeStacks(describe -> describe.stackName(spec.stackId()))
                        .stacks()
                        .getFirst()
                        .stackStatusAsString();
                return new StackStatus(status, outcome(status), Map.of());
            } catch (AwsServiceException e) {
                if (AwsCalls.is(e, "ValidationError", "does not exist")) {
                    // Gone for so long that AWS forgot it: nothing of it is left to delete.
                    return new StackStatus("DELETE_COMPLETE", Outcome.SUCCEEDED, Map.of());
                }
                throw e;
            }
        });
    }

    @Override
    public List<String> retainedResources(StackDeletionSpec spec) {
        return call("DescribeStackEvents", () -> events(spec)
                .filter(event -> "DELETE_SKIPPED".equals(event.resourceStatusAsString()))
                .sorted(Comparator.comparing(StackEvent::logicalResourceId))
                .map(event -> "%s (%s, %s)"
                        .formatted(event.logicalResourceId(), event.resourceType(), event.physicalResourceId()))
                .distinct()
                .toList());
    }

    @Override
    public Optional<String> firstDeletionFailure(StackDeletionSpec spec) {
        return call("DescribeStackEvents", () -> events(spec)
                .filter(event -> "DELETE_FAILED".equals(event.resourceStatusAsString()))
                .filter(event -> event.resourceStatusReason() != null)
                .min(Comparator.comparing(StackEvent::timestamp))
                .map(event -> event.logicalResourceId() + " DELETE_FAILED: " + event.resourceStatusReason()));
    }

    /** The events of this deletion: those carrying its token. */
    private Stream<StackEvent> events(StackDeletionSpec spec) {
        return aws
                .cloudFormation(spec.target())
                .describeStackEventsPaginator(events -> events.stackName(spec.stackId()))
                .stackEvents()
                .stream()
                .filter(event -> spec.deleteToken().equals(event.clientRequestToken()));
    }

    private static Outcome outcome(String status) {
        return switch (status) {
            case "DELETE_COMPLETE" -> Outcome.SUCCEEDED;
            case "DELETE_FAILED" -> Outcome.FAILED;
            // DELETE_IN_PROGRESS, or the status before the deletion shows.
            default -> Outcome.IN_PROGRESS;
        };
    }
}
