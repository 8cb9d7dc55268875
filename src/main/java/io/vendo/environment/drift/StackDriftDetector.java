package io.vendo.environment.drift;

import java.util.List;

/**
 * Asks CloudFormation whether a stack's resources still match its template, as the target's role. Detection only reads
 * the resources (it changes nothing in AWS), so a detection that may have been started before a crash is started
 * again rather than looked for: the worst a repeat costs is a second detection. Implemented by the {@code aws} module.
 */
public interface StackDriftDetector {

    /** False when no AWS is configured: a drift check then renders its calls and ends in DRY_RUN. */
    boolean live();

    /** The calls a drift check makes, rendered for people (dry run). */
    String plan(DriftTarget target);

    /**
     * DetectStackDrift.
     *
     * @return the detection's id, to ask for its status
     * @throws DriftDetectionException when CloudFormation refuses or cannot be reached
     */
    String detect(DriftTarget target);

    /** DescribeStackDriftDetectionStatus. */
    DetectionStatus status(DriftTarget target, String detectionId);

    /** DescribeStackResourceDrifts, every page, only resources MODIFIED or DELETED. */
    List<DriftedResource> driftedResources(DriftTarget target);
}
