package io.vendo.environment;

import io.vendo.request.RequestKind;

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

    /** Whether it stands as its requests made it: none is changing it, none left it failed (drift aside). */
    public boolean steady() {
        return this == ACTIVE || this == DRIFTED;
    }

    /** Whether a day-2 request of this kind may be filed for an environment in this status. */
    boolean accepts(RequestKind kind) {
        return switch (kind) {
            case EXTEND -> steady();
            case UPDATE -> steady();
            case DECOMMISSION -> this != DECOMMISSIONED;
            case PROVISION -> false;
        };
    }
}
