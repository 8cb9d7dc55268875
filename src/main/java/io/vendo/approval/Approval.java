package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.http.HttpStatus;

/**
 * The approval a request needs, snapshotted when the request is submitted: how many approvals, from which role, and
 * who may not decide (the requester). It records each decision once and knows when it is complete.
 */
@Entity
@Table(name = "approval")
class Approval extends AbstractAggregateRoot<Approval> {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Column(nullable = false, updatable = false)
    private String requester;

    @Column(name = "required_approvals", nullable = false, updatable = false)
    private int requiredApprovals;

    @Enumerated(EnumType.STRING)
    @Column(name = "approver_role", nullable = false, updatable = false)
    private Role approverRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "request_id", insertable = false, updatable = false)
    @OrderBy("decidedAt")
    private List<Decision> decisions = new ArrayList<>();

    @Version
    private long version;

    protected Approval() {}

    Approval(UUID requestId, String requester, int requiredApprovals, Role approverRole, Instant openedAt) {
        this.requestId = requestId;
        this.requester = requester;
        this.requiredApprovals = requiredApprovals;
        this.approverRole = approverRole;
        this.status = ApprovalStatus.PENDING;
        this.openedAt = openedAt;
    }

    /** Whether this actor could decide now; the inbox and the decision buttons show only what would be accepted. */
    boolean mayDecide(Actor actor) {
        return refusal(actor) == null;
    }

    ApprovalStatus decide(Actor actor, DecisionOutcome outcome, String comment, DecisionChannel channel, Instant now) {
        var refusal = refusal(actor);
        if (refusal != null) {
            throw refusal;
        }
        if (outcome == DecisionOutcome.REJECT && comment.isBlank()) {
            throw new DecisionRefusedException(HttpStatus.BAD_REQUEST, "A rejection needs a reason for the requester");
        }
        decisions.add(new Decision(requestId, actor.username(), outcome, comment, channel, now));
        registerEvent(
                new DecisionRecorded(UUID.randomUUID(), requestId, now, actor.username(), outcome, channel, comment));
        if (outcome == DecisionOutcome.REJECT) {
            status = ApprovalStatus.REJECTED;
        } else if (decisions.stream()
                        .filter(d -> d.outcome() == DecisionOutcome.APPROVE)
                        .count()
                >= requiredApprovals) {
            status = ApprovalStatus.APPROVED;
        }
        return status;
    }

    private @Nullable DecisionRefusedException refusal(Actor actor) {
        if (status != ApprovalStatus.PENDING) {
            return new DecisionRefusedException(
                    HttpStatus.CONFLICT, "Request %s is no longer waiting for a decision".formatted(requestId));
        }
        if (actor.username().equals(requester)) {
            return new DecisionRefusedException(HttpStatus.FORBIDDEN, "Nobody may approve or reject their own request");
        }
        if (!actor.has(approverRole)) {
            return new DecisionRefusedException(
                    HttpStatus.FORBIDDEN, "Deciding on this request needs the %s role".formatted(approverRole));
        }
        if (decisions.stream().anyMatch(decision -> decision.approver().equals(actor.username()))) {
            return new DecisionRefusedException(
                    HttpStatus.CONFLICT, "%s has already decided on this request".formatted(actor.username()));
        }
        return null;
    }

    /** The events this aggregate announces when it is saved next. */
    Collection<Object> pendingEvents() {
        return domainEvents();
    }

    UUID requestId() {
        return requestId;
    }

    List<DecisionView> decisions() {
        return decisions.stream().map(Decision::toView).toList();
    }
}
