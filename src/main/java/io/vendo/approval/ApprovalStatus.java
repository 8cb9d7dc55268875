package io.vendo.approval;

/** Where an approval stands: waiting, decided either way, or closed without a decision. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** The request was cancelled or expired before a decision. */
    CLOSED
}
