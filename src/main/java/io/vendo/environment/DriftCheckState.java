package io.vendo.environment;

/** Where a drift check stands. */
public enum DriftCheckState {
    /** Requested: DetectStackDrift is sent next. */
    REQUESTED,
    /** CloudFormation is detecting drift; its status is asked until it completes. */
    DETECTING,
    /** Every resource matches the template. */
    IN_SYNC,
    /** Resources differ from the template (or were deleted): they are listed. */
    DRIFTED,
    /** The detection failed, or AWS refused: the reason says why. */
    FAILED,
    /** No AWS is configured: nothing was asked, the plan shows what would have been. */
    DRY_RUN;

    public boolean finished() {
        return this != REQUESTED && this != DETECTING;
    }
}
