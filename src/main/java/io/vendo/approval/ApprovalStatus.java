package io.vendo.approval;

enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** The request was cancelled or expired before a decision. */
    CLOSED
}
