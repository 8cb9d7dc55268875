package io.vendo.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval's clock, run by its durable task ({@link ApprovalTimer}): reminds once, escalates once, and at the
 * deadline lets the approval lapse, which expires the request in the same transaction.
 */
@Component
class ApprovalClock {

    private final ApprovalRepository approvals;
    private final Invitees invitees;
    private final Clock clock;

    ApprovalClock(ApprovalRepository approvals, Invitees invitees, Clock clock) {
        this.approvals = approvals;
        this.invitees = invitees;
        this.clock = clock;
    }

    /** @return when to look again, or empty when the approval is over */
    @Transactional
    Optional<Instant> tick(UUID requestId) {
        var approval = approvals.findById(requestId).orElse(null);
        if (approval == null || !approval.pending()) {
            return Optional.empty();
        }
        var now = clock.instant();
        if (approval.expired(now)) {
            approval.lapse();
            approvals.save(approval);
            return Optional.empty();
        }
        if (approval.escalationDue(now)) {
            approval.escalate(invitees.of(approval, List.of(approval.fallbackGroup())), now);
        }
        if (approval.remindDue(now)) {
            approval.remind(invitees.of(approval, approval.pendingGroups()), now);
        }
        approvals.save(approval);
        return approval.nextDeadline();
    }
}
