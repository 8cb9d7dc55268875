package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class ApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Actor REQUESTER = new Actor("alice", Set.of(Role.REQUESTER, Role.APPROVER), Set.of());
    private static final Actor APPROVER = new Actor("bob", Set.of(Role.APPROVER), Set.of());
    private static final Actor SECOND_APPROVER = new Actor("carol", Set.of(Role.APPROVER), Set.of());

    private static Approval approval(int required) {
        return new Approval(UUID.randomUUID(), "alice", required, Role.APPROVER, NOW);
    }

    private static int status(ErrorResponseException e) {
        return e.getStatusCode().value();
    }

    @Test
    void theRequesterNeverDecidesTheirOwnRequestEvenAsAnApprover() {
        var approval = approval(1);

        assertThat(approval.mayDecide(REQUESTER)).isFalse();
        assertThatThrownBy(() -> approval.decide(REQUESTER, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, NOW))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(403));
    }

    @Test
    void onlyTheApproverRoleDecides() {
        var approval = approval(1);
        var someone = new Actor("dave", Set.of(Role.REQUESTER), Set.of());

        assertThatThrownBy(() -> approval.decide(someone, DecisionOutcome.APPROVE, "", DecisionChannel.API, NOW))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(403));
    }

    @Test
    void completesWhenEnoughDistinctApproversApproved() {
        var approval = approval(2);

        assertThat(approval.decide(APPROVER, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, NOW))
                .isEqualTo(ApprovalStatus.PENDING);
        assertThatThrownBy(() -> approval.decide(APPROVER, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, NOW))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(409));
        assertThat(approval.decide(SECOND_APPROVER, DecisionOutcome.APPROVE, "ok", DecisionChannel.API, NOW))
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approval.decisions()).extracting(DecisionView::approver).containsExactly("bob", "carol");
        assertThat(approval.pendingEvents()).hasSize(2).allMatch(DecisionRecorded.class::isInstance);
    }

    @Test
    void oneRejectionEndsItAndNeedsAReason() {
        var approval = approval(2);

        assertThatThrownBy(() -> approval.decide(APPROVER, DecisionOutcome.REJECT, " ", DecisionChannel.WEB, NOW))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(400));
        assertThat(approval.decide(APPROVER, DecisionOutcome.REJECT, "too big", DecisionChannel.WEB, NOW))
                .isEqualTo(ApprovalStatus.REJECTED);
        assertThatThrownBy(
                        () -> approval.decide(SECOND_APPROVER, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, NOW))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(409));
    }
}
