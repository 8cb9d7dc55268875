package io.vendo.environment.drift;

import org.jspecify.annotations.Nullable;

/**
 * A drift detection as DescribeStackDriftDetectionStatus reports it.
 *
 * @param detectionStatus {@code DETECTION_IN_PROGRESS}, {@code DETECTION_COMPLETE} or {@code DETECTION_FAILED}
 * @param stackDriftStatus {@code DRIFTED}, {@code IN_SYNC}, {@code UNKNOWN} or {@code NOT_CHECKED}; none while it runs
 * @param reason why the detection failed (e.g. a resource that could not be checked)
 * @param driftedResources how many resources drifted
 */
public record DetectionStatus(
        String detectionStatus, @Nullable String stackDriftStatus, @Nullable String reason, int driftedResources) {

    public boolean inProgress() {
        return "DETECTION_IN_PROGRESS".equals(detectionStatus);
    }

    public boolean failed() {
        return "DETECTION_FAILED".equals(detectionStatus);
    }

    public boolean drifted() {
        return "DRIFTED".equals(stackDriftStatus);
    }
}
