package io.vendo.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One approver's decision on one request; part of its {@link Approval}. */
@Entity
@Immutable
@Table(name = "approval_decision")
class Decision {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(nullable = false)
    private String approver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionOutcome outcome;

    @Column(nullable = false)
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionChannel channel;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    /** The requirement (group) this approval counted towards. */
    @Column(name = "requirement_group")
    private @Nullable String requirementGroup;

    /** The approval's round it was made in: after a preview went stale, earlier rounds' decisions no longer count. */
    @Column(nullable = false)
    private int round;

    protected Decision() {}

    Decision(
            UUID requestId,
            String approver,
            DecisionOutcome outcome,
            String comment,
            DecisionChannel channel,
            @Nullable String requirementGroup,
            int round,
            Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.round = round;
        this.requestId = requestId;
        this.approver = approver;
        this.outcome = outcome;
        this.comment = comment;
        this.channel = channel;
        this.requirementGroup = requirementGroup;
        this.decidedAt = decidedAt;
    }

    @Nullable
    String requirementGroup() {
        return requirementGroup;
    }

    int round() {
        return round;
    }

    String approver() {
        return approver;
    }

    DecisionOutcome outcome() {
        return outcome;
    }

    UUID requestId() {
        return requestId;
    }

    DecisionView toView() {
        return new DecisionView(approver, outcome, comment, channel, decidedAt);
    }
}
