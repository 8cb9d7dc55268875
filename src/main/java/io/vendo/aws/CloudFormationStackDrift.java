package io.vendo.aws;

import io.vendo.environment.drift.DetectionStatus;
import io.vendo.environment.drift.DriftDetectionException;
import io.vendo.environment.drift.DriftTarget;
import io.vendo.environment.drift.DriftedResource;
import io.vendo.environment.drift.StackDriftDetector;
import io.vendo.execution.AwsTarget;
import io.vendo.execution.ProvisioningException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.cloudformation.model.StackResourceDrift;
import software.amazon.awssdk.services.cloudformation.model.StackResourceDriftStatus;

/**
 * {@link StackDriftDetector} on CloudFormation, as the target's role: DetectStackDrift (it changes nothing in AWS, so it
 * may be sent through the client that retries), DescribeStackDriftDetectionStatus, and DescribeStackResourceDrifts
 * filtered to MODIFIED and DELETED resources, through every page.
 */
@Component
class CloudFormationStackDrift implements StackDriftDetector {

    private static final List<StackResourceDriftStatus> DRIFTED =
            List.of(StackResourceDriftStatus.MODIFIED, StackResourceDriftStatus.DELETED);

    private final AwsConnection aws;

    CloudFormationStackDrift(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public boolean live() {
        return aws.live();
    }

    @Override
    public String plan(DriftTarget target) {
        return new AwsPlan(AwsTarget.of(target.target()))
                .call("CloudFormation", "DetectStackDrift")
                .field("StackName", target.stackId())
                .call("CloudFormation", "DescribeStackDriftDetectionStatus")
                .note("until DETECTION_COMPLETE")
                .call("CloudFormation", "DescribeStackResourceDrifts")
                .field("StackName", target.stackId())
                .field("StackResourceDriftStatusFilters", "MODIFIED, DELETED")
                .note("when the stack DRIFTED")
                .render();
    }

    @Override
    public String detect(DriftTarget target) {
        return call("DetectStackDrift", () -> aws.cloudFormation(AwsTarget.of(target.target()))
                .detectStackDrift(detect -> detect.stackName(target.stackId()))
                .stackDriftDetectionId());
    }

    @Override
    public DetectionStatus status(DriftTarget target, String detectionId) {
        var status = call("DescribeStackDriftDetectionStatus", () -> aws.cloudFormation(AwsTarget.of(target.target()))
                .describeStackDriftDetectionStatus(describe -> describe.stackDriftDetectionId(detectionId)));
        return new DetectionStatus(
                status.detectionStatusAsString(),
                status.stackDriftStatusAsString(),
                status.detectionStatusReason(),
                status.driftedStackResourceCount() == null ? 0 : status.driftedStackResourceCount());
    }

    @Override
    public List<DriftedResource> driftedResources(DriftTarget target) {
        return call("DescribeStackResourceDrifts", () -> aws
                .cloudFormation(AwsTarget.of(target.target()))
                .describeStackResourceDriftsPaginator(
                        describe -> describe.stackName(target.stackId()).stackResourceDriftStatusFilters(DRIFTED))
                .stream()
                .flatMap(page -> page.stackResourceDrifts().stream())
                .map(CloudFormationStackDrift::drifted)
                .toList());
    }

    private static DriftedResource drifted(StackResourceDrift drift) {
        return new DriftedResource(
                drift.logicalResourceId(),
                drift.resourceType(),
                drift.physicalResourceId(),
                drift.stackResourceDriftStatusAsString(),
                drift.propertyDifferences().stream()
                        .map(difference -> new DriftedResource.Difference(
                                difference.propertyPath(),
                                String.valueOf(difference.expectedValue()),
                                String.valueOf(difference.actualValue()),
                                difference.differenceTypeAsString()))
                        .toList());
    }

    /** AWS's failures in the drift check's terms: wait, retry a few times, or give up with AWS's reason. */
    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return AwsCalls.call(operation, call);
        } catch (ProvisioningException e) {
            var retry =
                    switch (e.retry()) {
                        case WHEN_AWS_IS_FREE -> DriftDetectionException.Retry.WHEN_AWS_IS_FREE;
                        case LIMITED -> DriftDetectionException.Retry.LIMITED;
                        case NEVER -> DriftDetectionException.Retry.NEVER;
                    };
            throw new DriftDetectionException(String.valueOf(e.getMessage()), e.code(), retry, e);
        }
    }
}
