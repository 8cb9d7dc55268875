package io.vendo.approval;

import io.vendo.request.RequestProgress;
import java.util.UUID;

/**
 * How an approval ended, reported to the request module through the contracts it declares ({@link RequestProgress}):
 * the request moves on in the same transaction. Not audited themselves: the decision ({@code approval.approved},
 * {@code approval.rejected}) and the request's own transition ({@code request.approved}, …) are.
 */
sealed interface ApprovalConcluded {

    UUID requestId();

    /** Every requirement is met, or the policy approves automatically. */
    record Granted(UUID requestId, String approvedBy) implements ApprovalConcluded, RequestProgress.ApprovalGranted {}

    /** An approver rejected the request. */
    record Refused(UUID requestId, String refusedBy, String reason)
            implements ApprovalConcluded, RequestProgress.ApprovalRefused {}

    /** The deadline passed without a decision. */
    record Lapsed(UUID requestId) implements ApprovalConcluded, RequestProgress.ApprovalLapsed {}
}
