package io.vendo.approval;

import io.vendo.approval.ApprovalEvent.ApprovalEscalated;
import io.vendo.approval.ApprovalEvent.ApprovalReminded;
import io.vendo.approval.ApprovalEvent.DecisionRecorded;
import io.vendo.identity.Actor;
import io.vendo.identity.Directory;
import io.vendo.identity.Role;
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

    /**
     * Whether its approvers are not invited yet: the request's preview (what AWS will change) is being computed, and
     * nobody decides before it is shown.
     */
    @Column(nullable = false)
    private boolean held;

    /** 1, and one more each time the request came back because what was approved went stale. */
    @Column(nullable = false)
    private int round = 1;

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

    Approval(
            UUID requestId,
            String requester,
            ApprovalPolicy policy,
            ApprovalProperties.Timing timing,
            boolean held,
            Instant now) {
        this.requestId = requestId;
        this.held = held;
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

    /**
     * Whether the actor takes part in this approval: decided it, or is an approver in one of its groups (the fallback
     * group included, escalated or not), so may look at the request it is about.
     */
    boolean involves(Actor actor) {
        if (decisions.stream().anyMatch(decision -> decision.approver().equals(actor.username()))) {
            return true;
        }
        if (!actor.has(Role.APPROVER)) {
            return false;
        }
        return requirements.stream().anyMatch(requirement -> inGroup(actor, requirement.group()))
                || (fallbackGroup != null && inGroup(actor, fallbackGroup));
    }

    /** Whether this actor could decide now; the inbox and the buttons show only what would be accepted. */
    boolean mayDecide(Actor actor) {
        return refusal(actor) == null;
    }

    ApprovalStatus decide(
            Actor actor, DecisionOutcome outcome, String comment, DecisionChannel channel, String source, Instant now) {
        var refusal = refusal(actor);
        if (refusal != null) {
            throw refusal;
        }
        if (outcome == DecisionOutcome.REJECT && comment.isBlank()) {
            throw new DecisionRefusedException(Kind.INVALID, "A rejection needs a reason for the requester");
        }
        var counted = requirementFor(actor).map(Requirement::group).orElse(fallbackGroup);
        decisions.add(new Decision(requestId, actor.username(), outcome, comment, channel, counted, round, now));
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

    /**
     * The preview is there: its approvers are invited now, and its clock (reminder, escalation, deadline) starts now.
     *
     * @return false when it was not held (a repeated report changes nothing)
     */
    boolean release(ApprovalProperties.Timing timing, Instant now) {
        if (!held || status != ApprovalStatus.PENDING) {
            return false;
        }
        held = false;
        deadlines = new ApprovalDeadlines(now, timing, fallbackGroup != null);
        return true;
    }

    /**
     * What was approved went stale before it was executed: the approval is pending again, in a new round (earlier
     * decisions stay on record but no longer count), held until the new preview is there.
     */
    void reopen(String reason, Instant now) {
        if (status != ApprovalStatus.APPROVED) {
            return;
        }
        status = ApprovalStatus.PENDING;
        held = true;
        round++;
        registerEvent(new ApprovalEvent.ApprovalReopened(UUID.randomUUID(), requestId, now, "system", round, reason));
    }

    /** Sends the pending approvers a reminder, once. */
    Optional<ApprovalReminded> remind(List<String> invitees, Instant now) {
        if (status != ApprovalStatus.PENDING || held || !deadlines.remind(now)) {
            return Optional.empty();
        }
        var reminded = new ApprovalReminded(UUID.randomUUID(), requestId, now, "system", invitees);
        registerEvent(reminded);
        return Optional.of(reminded);
    }

    /** From now on the fallback group may stand in for any unmet requirement. */
    void escalate(List<String> invitees, Instant now) {
        if (status != ApprovalStatus.PENDING || held || fallbackGroup == null || !deadlines.escalate(now)) {
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

    private @Nullable DecisionRefusedException refusal(Actor actor) {
        if (status != ApprovalStatus.PENDING) {
            return new DecisionRefusedException(
                    Kind.CONFLICT, "Request %s is no longer waiting for a decision".formatted(requestId));
        }
        if (held) {
            return new DecisionRefusedException(
                    Kind.CONFLICT,
                    "AWS is still computing what request %s will change: decide once the preview is shown"
                            .formatted(requestId));
        }
        if (actor.username().equals(requester)) {
            return new DecisionRefusedException(Kind.NOT_ALLOWED, "Nobody may approve or reject their own request");
        }
        if (currentDecisions().stream().anyMatch(decision -> decision.approver().equals(actor.username()))) {
            return new DecisionRefusedException(
                    Kind.CONFLICT, "%s has already decided on this request".formatted(actor.username()));
        }
        if (!actor.has(Role.APPROVER) || (requirementFor(actor).isEmpty() && !standsInAsFallback(actor))) {
            return new DecisionRefusedException(
                    Kind.NOT_ALLOWED,
                    "%s is not an approver this request waits for (%s)"
                            .formatted(actor.username(), String.join(", ", pendingGroups())));
        }
        return null;
    }

    /** The first unmet requirement the actor can count towards. */
    private Optional<Requirement> requirementFor(Actor actor) {
        return unmetRequirements().stream()
                .filter(requirement -> inGroup(actor, requirement.group()))
                .findFirst();
    }

    private boolean standsInAsFallback(Actor actor) {
        return deadlines.escalated() && fallbackGroup != null && inGroup(actor, fallbackGroup);
    }

    private List<Requirement> unmetRequirements() {
        return new RequirementTally(requirements, fallbackGroup, currentDecisions()).unmet();
    }

    /** The decisions of this round: those of earlier rounds approved what went stale. */
    private List<Decision> currentDecisions() {
        return decisions.stream().filter(decision -> decision.round() == round).toList();
    }

    private static boolean inGroup(Actor actor, String group) {
        return group.equals(Directory.ANY_APPROVER) || actor.teams().contains(group);
    }

    /** The events this aggregate announces when it is saved next. */
    Collection<Object> pendingEvents() {
        return domainEvents();
    }

    UUID requestId() {
        return requestId;
    }

    boolean held() {
        return held;
    }

    int round() {
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

    List<DecisionView> decisionsThisRound() {
        return currentDecisions().stream().map(Decision::toView).toList();
    }

    List<DecisionView> decisions() {
        return decisions.stream().map(Decision::toView).toList();
    }
}
