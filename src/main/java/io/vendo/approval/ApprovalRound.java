package io.vendo.approval;

import io.vendo.refusal.Refusal.Kind;
import io.vendo.request.ChangePreview;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

    /**
     * Checks that a decision names the round whose preview its approver was shown: a decision carried over to a later
     * round would approve a change set nobody showed them. A request without a preview has one round, and a decision
     * on it need not name it.
     *
     * @param decided the round the deciding page or client showed; null when it named none
     * @param preview what the request shows now, if anything
     * @throws RoundSupersededException for an earlier round
     * @throws DecisionRefusedException for a decision on a previewed request that names no round, or a round to come
     */
    void confirm(UUID requestId, @Nullable Integer decided, @Nullable ChangePreview preview) {
        if (decided == null) {
            if (preview != null || number > 1) {
                throw new DecisionRefusedException(
                        Kind.INVALID,
                        "Request %s shows what AWS will change: name the round you decided on (round %d%s)"
                                .formatted(requestId, number, preview == null ? "" : ", " + preview.name()));
            }
            return;
        }
        if (decided > number) {
            throw new DecisionRefusedException(
                    Kind.INVALID,
                    "Request %s is in round %d; there is no round %d".formatted(requestId, number, decided));
        }
        if (decided < number) {
            var current = preview != null && preview.round() == number && !held ? preview.name() : null;
            throw new RoundSupersededException(requestId, decided, number, current);
        }
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
