package io.vendo.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When an approval reminds its approvers, escalates to the fallback group and expires, fixed when its approvers are
 * invited (again, when a new preview asks them again), and which of these already happened: each happens once. The approval's clock ({@link ApprovalClock}) asks what is due.
 */
@Embeddable
class ApprovalDeadlines {

    @Column(name = "remind_at")
    private @Nullable Instant remindAt;

    @Column(name = "escalate_at")
    private @Nullable Instant escalateAt;

    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "reminded_at")
    private @Nullable Instant remindedAt;

    @Column(name = "escalated_at")
    private @Nullable Instant escalatedAt;

    protected ApprovalDeadlines() {}

    ApprovalDeadlines(Instant openedAt, ApprovalProperties.Timing timing, boolean escalates) {
        this.remindAt = openedAt.plus(timing.remindAfter());
        this.escalateAt = escalates ? openedAt.plus(timing.escalateAfter()) : null;
        this.deadline = openedAt.plus(timing.expireAfter());
    }

    /** When the clock needs attention next: the reminder, the escalation or the deadline, whichever is still ahead. */
    Instant next() {
        if (remindedAt == null && remindAt != null && remindAt.isBefore(deadline)) {
            return remindAt;
        }
        if (escalatedAt == null && escalateAt != null && escalateAt.isBefore(deadline)) {
            return escalateAt;
        }
        return deadline;
    }

    boolean remindDue(Instant now) {
        return remindedAt == null && remindAt != null && !now.isBefore(remindAt);
    }

    boolean escalationDue(Instant now) {
        return escalatedAt == null && escalateAt != null && !now.isBefore(escalateAt);
    }

    boolean expired(Instant now) {
        return !now.isBefore(deadline);
    }

    /** @return whether this is the first reminder */
    boolean remind(Instant now) {
        if (remindedAt != null) {
            return false;
        }
        remindedAt = now;
        return true;
    }

    /** @return whether this is the first escalation */
    boolean escalate(Instant now) {
        if (escalatedAt != null) {
            return false;
        }
        escalatedAt = now;
        return true;
    }

    boolean escalated() {
        return escalatedAt != null;
    }

    Instant deadline() {
        return deadline;
    }
}
