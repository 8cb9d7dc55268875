package io.vendo.environment.api;

import io.vendo.environment.DriftCheckState;
import io.vendo.environment.DriftCheckTrigger;
import io.vendo.environment.DriftCheckView;
import io.vendo.environment.drift.DriftedResource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A drift check of a STACK environment: CloudFormation's drift detection of its stack.
 *
 * @param state REQUESTED and DETECTING while it runs; IN_SYNC, DRIFTED, FAILED or DRY_RUN when it ended
 * @param stackDriftStatus CloudFormation's verdict on the stack (DRIFTED, IN_SYNC, UNKNOWN), once known
 * @param driftedResources the resources that differ from the template: MODIFIED (with the differing properties) or
 *     DELETED
 * @param reason why it failed; for a DRY_RUN, that nothing was asked of AWS
 * @param plan in a dry run, the calls Vendo would have made
 */
record DriftCheckResponse(
        UUID id,
        UUID environmentId,
        DriftCheckTrigger trigger,
        String requestedBy,
        DriftCheckState state,
        @Nullable String stackDriftStatus,
        List<Resource> driftedResources,
        @Nullable String reason,
        @Nullable String plan,
        Instant requestedAt,
        @Nullable Instant finishedAt) {

    /**
     * A resource that differs from its template.
     *
     * @param status MODIFIED or DELETED
     */
    record Resource(
            String logicalId, String type, @Nullable String physicalId, String status, List<Difference> differences) {

        static Resource of(DriftedResource resource) {
            return new Resource(
                    resource.logicalId(),
                    resource.type(),
                    resource.physicalId(),
                    resource.status(),
                    resource.differences().stream()
                            .map(difference -> new Difference(
                                    difference.path(), difference.expected(), difference.actual(), difference.type()))
                            .toList());
        }
    }

    /**
     * A property whose actual value differs from the template's.
     *
     * @param type ADD, REMOVE or NOT_EQUAL
     */
    record Difference(String path, String expected, String actual, String type) {}

    static DriftCheckResponse of(DriftCheckView check) {
        return new DriftCheckResponse(
                check.id(),
                check.environmentId(),
                check.trigger(),
                check.requestedBy(),
                check.state(),
                check.stackDriftStatus(),
                check.driftedResources().stream().map(Resource::of).toList(),
                check.reason(),
                check.plan(),
                check.requestedAt(),
                check.finishedAt());
    }
}
