package io.vendo.environment;

/** Where an environment is in its life. */
public enum EnvironmentStatus {
    /** Stands as its last request left it. */
    ACTIVE,
    /** An UPDATE request is changing it. */
    UPDATING,
    /** A DECOMMISSION request is removing it. */
    DECOMMISSIONING,
    /** Removed: nothing of it is left in AWS (or what was retained is listed in its history). */
    DECOMMISSIONED,
    /** A day-2 request failed and left it in a state that needs a look. */
    FAILED,
    /** Its resources differ from what its template says. */
    DRIFTED;

    /** Whether it still holds something in AWS: counted against quotas. */
    public boolean standing() {
        return this != DECOMMISSIONED;
    }
}
