package io.vendo.approval;

enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED
}
