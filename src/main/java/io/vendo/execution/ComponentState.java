package io.vendo.execution;

/** Where a component of a composite request stands: deployed as its request walks, or deleted once it is abandoned. */
enum ComponentState {
    /** Its inputs do not exist yet. */
    WAITING,
    /** Its stack is being deployed. */
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    /** A component it needs failed or was not started: it never will be in this attempt. */
    NOT_STARTED,
    /** Its request is abandoned: its stack is deleted once every component that depends on it has no stack left. */
    TO_DELETE,
    /** Its stack is being deleted. */
    DELETING,
    /** It has no stack left (deleted, or none was ever created). */
    DELETED,
    /** Its stack could not be deleted; abandoning the request again tries again. */
    DELETE_FAILED,
    /** Its stack was kept: a component that depends on it could not be deleted. */
    KEPT;

    boolean terminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, NOT_STARTED, DELETED, DELETE_FAILED, KEPT -> true;
            case WAITING, IN_PROGRESS, TO_DELETE, DELETING -> false;
        };
    }

    /** Whether its request was abandoned (and so is never retried). */
    boolean abandoned() {
        return this == TO_DELETE || this == DELETING || this == DELETED || this == DELETE_FAILED || this == KEPT;
    }
}
