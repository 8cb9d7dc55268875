package io.vendo.approval;

import io.vendo.approval.ApprovalEvent.ApprovalEscalated;
import io.vendo.approval.ApprovalEvent.ApprovalReminded;
import io.vendo.approval.ApprovalEvent.DecisionRecorded;
import io.vendo.approval.ApprovalProperties.Timing;
import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal.Kind;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * The approval a request needs, with the policy snapshotted when the request was submitted (later policy edits do
 * not change it): the requirements, the fallback group it escalates to, and its clock. It records each person's
 * decision once, counts it towards one requirement, and knows when it is complete.
 */
@Entity
@Table(name = "approval")
class Approval extends AbstractAggregateRoot<Approval> implements Persistable<UUID> {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Column(nullable = false, updatable = false)
    private String requester;

    @Column(name = "policy_name", nullable = false, updatable = false)
    private String policyName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private List<Requirement> requirements;

    @Column(name = "fallback_group", updatable = false)
    private @Nullable String fallbackGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Embedded
    private ApprovalDeadlines deadlines;

    @Embedded
    private ApprovalRound round;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "request_id", insertable = false, updatable = false)
    @OrderBy("decidedAt")
    private List<Decision> decisions = new ArrayList<>();

    @Version
    private long version;

    /**
     * True for an approval opened here: persisted instead of merged, which would first look for a row (and its
     * decisions) with its id in the submitting transaction. Persisting it again in that transaction does nothing.
     */
    @Transient
    private boolean isNew;

    protected Approval() {}

    Approval(UUID requestId, String requester, ApprovalPolicy policy, Timing timing, boolean held, Instant now) {
        this.requestId = requestId;
        this.round = new ApprovalRound(held);
        this.requester = requester;
        this.policyName = policy.name();
        this.requirements = List.copyOf(policy.requirements());
        this.fallbackGroup = policy.fallbackGroup();
        this.status = ApprovalStatus.PENDING;
        this.openedAt = now;
        this.deadlines = new ApprovalDeadlines(now, timing, fallbackGroup != null);
        this.isNew = true;
    }

    @Override
    public UUID getId() {
        return requestId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /** Whether the actor takes part (decided it, or approves for one of its groups): may look at its request. */
    boolean involves(Actor actor) {
        return decisions.stream().anyMatch(decision -> decision.approver().equals(actor.username()))
                || eligibility().approverOf(actor, requirements);
    }

    /** Whether this actor could decide now; the inbox and the buttons show only what would be accepted. */
    boolean mayDecide(Actor actor) {
        return eligibility().refusal(actor) == null;
    }

    ApprovalStatus decide(
            Actor actor, DecisionOutcome outcome, String comment, DecisionChannel channel, String source, Instant now) {
        var refusal = eligibility().refusal(actor);
        if (refusal != null) {
            throw refusal;
        }
        if (outcome == DecisionOutcome.REJECT && comment.isBlank()) {
            throw new DecisionRefusedException(Kind.INVALID, "A rejection needs a reason for the requester");
        }
        var counted =
                eligibility().requirementFor(actor).map(Requirement::group).orElse(fallbackGroup);
        decisions.add(
                new Decision(requestId, actor.username(), outcome, comment, channel, counted, round.number(), now));
        registerEvent(new DecisionRecorded(
                UUID.randomUUID(), requestId, now, actor.username(), outcome, channel, comment, source));
        if (outcome == DecisionOutcome.REJECT) {
            status = ApprovalStatus.REJECTED;
            registerEvent(new ApprovalConcluded.Refused(requestId, actor.username(), comment));
        } else if (unmetRequirements().isEmpty()) {
            status = ApprovalStatus.APPROVED;
            registerEvent(new ApprovalConcluded.Granted(requestId, actor.username()));
        }
        return status;
    }

    /** The preview is there: its approvers are invited, and its clock starts, now. @return false when not held */
    boolean release(Timing timing, Instant now) {
        if (status != ApprovalStatus.PENDING || !round.release()) {
            return false;
        }
        deadlines = new ApprovalDeadlines(now, timing, fallbackGroup != null);
        return true;
    }

    /** What was approved (or a batch's rows showed) went stale: pending, in a new round held until the new preview. */
    void reopen(String reason, Instant now) {
        if (status == ApprovalStatus.APPROVED || status == ApprovalStatus.PENDING) {
            status = ApprovalStatus.PENDING;
            registerEvent(new ApprovalEvent.ApprovalReopened(
                    UUID.randomUUID(), requestId, now, "system", round.next(), reason));
        }
    }

    /** Sends the pending approvers a reminder, once. */
    Optional<ApprovalReminded> remind(List<String> invitees, Instant now) {
        if (status != ApprovalStatus.PENDING || round.held() || !deadlines.remind(now)) {
            return Optional.empty();
        }
        var reminded = new ApprovalReminded(UUID.randomUUID(), requestId, now, "system", invitees);
        registerEvent(reminded);
        return Optional.of(reminded);
    }

    /** From now on the fallback group may stand in for any unmet requirement. */
    void escalate(List<String> invitees, Instant now) {
        if (status != ApprovalStatus.PENDING || round.held() || fallbackGroup == null || !deadlines.escalate(now)) {
            return;
        }
        registerEvent(new ApprovalEscalated(UUID.randomUUID(), requestId, now, "system", fallbackGroup, invitees));
    }

    /** The request ended without a decision (cancelled, expired). */
    void close() {
        if (status == ApprovalStatus.PENDING) {
            status = ApprovalStatus.CLOSED;
        }
    }

    /** The deadline passed without a decision: the approval closes, and the request is told it lapsed. */
    void lapse() {
        if (status == ApprovalStatus.PENDING) {
            status = ApprovalStatus.CLOSED;
            registerEvent(new ApprovalConcluded.Lapsed(requestId));
        }
    }

    /** The groups whose approvals are still missing, or the fallback group once escalated. */
    List<String> pendingGroups() {
        var groups = new ArrayList<>(
                unmetRequirements().stream().map(Requirement::group).toList());
        if (deadlines.escalated() && fallbackGroup != null && !groups.isEmpty()) {
            groups.add(fallbackGroup);
        }
        return groups;
    }

    /** When the approval's clock needs attention next, or empty when it is decided. */
    Optional<Instant> nextDeadline() {
        if (status != ApprovalStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(deadlines.next());
    }

    boolean pending() {
        return status == ApprovalStatus.PENDING;
    }

    ApprovalStatus status() {
        return status;
    }

    boolean remindDue(Instant now) {
        return deadlines.remindDue(now);
    }

    boolean escalationDue(Instant now) {
        return deadlines.escalationDue(now);
    }

    boolean expired(Instant now) {
        return deadlines.expired(now);
    }

    Eligibility eligibility() {
        return new Eligibility(
                requestId,
                status == ApprovalStatus.PENDING,
                round.held(),
                requester,
                currentDecisions(),
                unmetRequirements(),
                fallbackGroup,
                deadlines.escalated(),
                pendingGroups());
    }

    private List<Requirement> unmetRequirements() {
        return new RequirementTally(requirements, fallbackGroup, currentDecisions()).unmet();
    }

    /** The decisions of this round: those of earlier rounds approved what went stale. */
    private List<Decision> currentDecisions() {
        return decisions.stream().filter(round::counts).toList();
    }

    /** The events this aggregate announces when it is saved next. */
    Collection<Object> pendingEvents() {
        return domainEvents();
    }

    UUID requestId() {
        return requestId;
    }

    ApprovalRound round() {
        return round;
    }

    String requester() {
        return requester;
    }

    String policyName() {
        return policyName;
    }

    List<Requirement> requirements() {
        return requirements;
    }

    String fallbackGroup() {
        if (fallbackGroup == null) {
            throw new IllegalStateException("Policy %s has no fallback group".formatted(policyName));
        }
        return fallbackGroup;
    }

    Instant deadline() {
        return deadlines.deadline();
    }

    List<DecisionView> decisions() {
        return decisions.stream().map(Decision::toView).toList();
    }
}
