package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.refusal.Refusal;
import io.vendo.web.RefusalAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ApprovalProperties.Timing TIMING =
            new ApprovalProperties.Timing(Duration.ofHours(24), Duration.ofHours(48), Duration.ofDays(7));

    private static final Actor REQUESTER = approver("alice", "web-team", "team-leads");
    private static final Actor LEAD = approver("bob", "team-leads");
    private static final Actor PLATFORM = approver("carol", "platform-team");
    private static final Actor SECOND_PLATFORM = approver("dan", "platform-team");
    private static final Actor ADMIN = approver("erin", "admins");

    private static Actor approver(String name, String... groups) {
        return new Actor(name, Set.of(Role.REQUESTER, Role.APPROVER), Set.of(groups));
    }

    private static Approval approval(String fallback, Requirement... requirements) {
        var policy = new ApprovalPolicy(
                new NewPolicy("p", null, EnvironmentTier.PROD, null, false, List.of(requirements), fallback), NOW);
        return new Approval(UUID.randomUUID(), "alice", policy, TIMING, false, NOW);
    }

    /** The HTTP status the refusal is answered with, by the one mapping in {@code web}. */
    private static int status(Refusal e) {
        return RefusalAnswers.status(e).value();
    }

    private static ApprovalStatus approve(Approval approval, Actor actor) {
        return approval.decide(actor, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, "127.0.0.1", NOW);
    }

    @Test
    void theRequesterNeverDecidesTheirOwnRequestEvenWhenInTheRightGroup() {
        var approval = approval(null, new Requirement("team-leads", 1));

        assertThat(approval.mayDecide(REQUESTER)).isFalse();
        assertThatThrownBy(() -> approve(approval, REQUESTER))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(403));
    }

    @Test
    void onlyApproversInAGroupTheApprovalWaitsForDecide() {
        var approval = approval(null, new Requirement("team-leads", 1));
        var requesterOnly = new Actor("zoe", Set.of(Role.REQUESTER), Set.of("team-leads"));

        assertThatThrownBy(() -> approve(approval, PLATFORM))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(e.detail())
                        .isEqualTo("carol is not an approver this request waits for (team-leads)"));
        assertThatThrownBy(() -> approve(approval, requesterOnly)).isInstanceOf(DecisionRefusedException.class);
        assertThat(approve(approval, LEAD)).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void allOfSeveralGroupsMustApproveAndOnePersonCountsOnce() {
        var approval = approval(null, new Requirement("team-leads", 1), new Requirement("platform-team", 1));

        assertThat(approve(approval, PLATFORM)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(approval.pendingGroups()).containsExactly("team-leads");
        assertThatThrownBy(() -> approve(approval, PLATFORM))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(409));
        // The platform team is done: a second member adds nothing and is not asked.
        assertThat(approval.mayDecide(SECOND_PLATFORM)).isFalse();
        assertThat(approve(approval, LEAD)).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approval.decisions()).extracting(DecisionView::approver).containsExactly("carol", "bob");
        // Only the decision that met the last requirement tells the request it is approved.
        assertThat(approval.pendingEvents())
                .filteredOn(ApprovalConcluded.class::isInstance)
                .containsExactly(new ApprovalConcluded.Granted(approval.requestId(), "bob"));
    }

    /**
     * Held while the preview is computed: nobody decides. Released, it is decided; when what was approved went stale it
     * reopens in a new round, held again, where the same approver decides again and only that round's approvals count.
     */
    @Test
    void aHeldApprovalWaitsForItsPreviewAndAReopenedOneCountsOnlyItsOwnRound() {
        var policy = new ApprovalPolicy(
                new NewPolicy(
                        "p", null, EnvironmentTier.PROD, null, false, List.of(new Requirement("team-leads", 1)), null),
                NOW);
        var approval = new Approval(UUID.randomUUID(), "alice", policy, TIMING, true, NOW);

        assertThat(approval.mayDecide(LEAD)).isFalse();
        assertThatThrownBy(() -> approval.decide(LEAD, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, "test", NOW))
                .isInstanceOf(DecisionRefusedException.class)
                .hasMessageContaining("still computing");
        assertThat(approval.nextDeadline()).isPresent();
        assertThat(approval.release(TIMING, NOW.plusSeconds(60))).isTrue();
        assertThat(approval.release(TIMING, NOW.plusSeconds(61))).isFalse();
        assertThat(approval.deadline()).isEqualTo(NOW.plusSeconds(60).plus(TIMING.expireAfter()));
        assertThat(approval.decide(LEAD, DecisionOutcome.APPROVE, "", DecisionChannel.WEB, "test", NOW))
                .isEqualTo(ApprovalStatus.APPROVED);

        approval.reopen("stale", NOW.plusSeconds(120));
        assertThat(approval.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(approval.round().number()).isEqualTo(2);
        assertThat(approval.mayDecide(LEAD)).isFalse();
        assertThat(approval.pendingGroups()).containsExactly("team-leads");
        approval.release(TIMING, NOW.plusSeconds(180));
        assertThat(approval.mayDecide(LEAD)).isTrue();
        assertThat(approval.decide(LEAD, DecisionOutcome.APPROVE, "again", DecisionChannel.WEB, "test", NOW))
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approval.decisions()).hasSize(2);
    }

    @Test
    void aLapsedApprovalClosesAndTellsTheRequestOnce() {
        var approval = approval(null, new Requirement("team-leads", 1));

        approval.lapse();
        approval.lapse();

        assertThat(approval.pending()).isFalse();
        assertThat(approval.pendingEvents()).containsExactly(new ApprovalConcluded.Lapsed(approval.requestId()));
        assertThatThrownBy(() -> approve(approval, LEAD))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(409));
    }

    @Test
    void anyEligibleRejectionEndsItAndNeedsAReason() {
        var approval = approval(null, new Requirement("team-leads", 1), new Requirement("platform-team", 1));

        assertThatThrownBy(() ->
                        approval.decide(PLATFORM, DecisionOutcome.REJECT, " ", DecisionChannel.WEB, "127.0.0.1", NOW))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(400));
        assertThat(approval.decide(PLATFORM, DecisionOutcome.REJECT, "too big", DecisionChannel.API, "::1", NOW))
                .isEqualTo(ApprovalStatus.REJECTED);
        assertThatThrownBy(() -> approve(approval, LEAD))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(status(e))
                        .isEqualTo(409));
        // The refused attempts registered nothing; the rejection was recorded, and the request is told it is refused.
        assertThat(approval.pendingEvents())
                .satisfiesExactly(
                        recorded -> assertThat(recorded)
                                .isInstanceOfSatisfying(ApprovalEvent.DecisionRecorded.class, decision -> {
                                    assertThat(decision.actor()).isEqualTo("carol");
                                    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.REJECT);
                                }),
                        concluded -> assertThat(concluded)
                                .isEqualTo(new ApprovalConcluded.Refused(approval.requestId(), "carol", "too big")));
    }

    @Test
    void theClockRemindsThenEscalatesThenExpires() {
        var approval = approval("admins", new Requirement("team-leads", 1));

        assertThat(approval.nextDeadline()).contains(NOW.plus(Duration.ofHours(24)));
        assertThat(approval.remindDue(NOW.plus(Duration.ofHours(23)))).isFalse();
        assertThat(approval.remind(List.of("bob"), NOW.plus(Duration.ofHours(24))))
                .isPresent();
        assertThat(approval.remind(List.of("bob"), NOW.plus(Duration.ofHours(25))))
                .isEmpty();
        assertThat(approval.nextDeadline()).contains(NOW.plus(Duration.ofHours(48)));

        assertThat(approval.mayDecide(ADMIN)).isFalse();
        approval.escalate(List.of("erin"), NOW.plus(Duration.ofHours(48)));
        assertThat(approval.nextDeadline()).contains(NOW.plus(Duration.ofDays(7)));
        assertThat(approval.pendingGroups()).containsExactly("team-leads", "admins");
        assertThat(approval.expired(NOW.plus(Duration.ofDays(7)))).isTrue();

        // Once escalated, the fallback group stands in for the missing approval.
        assertThat(approve(approval, ADMIN)).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approval.nextDeadline()).isEmpty();
    }
}
