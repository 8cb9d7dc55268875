package io.vendo.request;

import org.springframework.modulith.NamedInterface;

/** Where a request is in its life. */
@NamedInterface("views")
public enum RequestState {
    PENDING_APPROVAL,
    APPROVED,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    REJECTED,
    CANCELLED,
    EXPIRED,
    /** Approved and executed without AWS: the calls were rendered, nothing was created. */
    DRY_RUN,
    /** A failed composite its requester abandoned: the stacks it left are being deleted. */
    ABANDONING,
    /** A failed composite its requester abandoned, every stack it left deleted. */
    ABANDONED;

    public boolean terminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, REJECTED, CANCELLED, EXPIRED, DRY_RUN, ABANDONED -> true;
            case PENDING_APPROVAL, APPROVED, IN_PROGRESS, ABANDONING -> false;
        };
    }
}
