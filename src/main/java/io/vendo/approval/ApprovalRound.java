package io.vendo.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Which round of deciding an approval is in, and whether its approvers are held back: while the request's preview (what
 * AWS will change) is computed, nobody is invited and nobody decides. A round ends when what was approved went stale
 * before it ran: the next one is held until the new preview, and only its own decisions count.
 */
@Embeddable
class ApprovalRound {

    @Column(nullable = false)
    private boolean held;

    @Column(name = "round", nullable = false)
    private int number = 1;

    protected ApprovalRound() {}

    ApprovalRound(boolean held) {
        this.held = held;
    }

    /** @return false when it was not held (a repeated report changes nothing) */
    boolean release() {
        var was = held;
        held = false;
        return was;
    }

    /** @return the new round's number */
    int next() {
        held = true;
        return ++number;
    }

    boolean counts(Decision decision) {
        return decision.round() == number;
    }

    boolean held() {
        return held;
    }

    int number() {
        return number;
    }
}
