package io.vendo.approval;

import org.springframework.modulith.NamedInterface;

/** Where an approval stands: waiting, decided either way, or closed without a decision. */
@NamedInterface("views")
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** The request was cancelled or expired before a decision. */
    CLOSED
}
