package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal.Kind;
import io.vendo.request.RequestState;
import io.vendo.request.RequestStateConflictException;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies decisions from every channel (pages, API, e-mail links). A decision is one transaction: recorded on the
 * approval, and when it concludes the approval (the last approval needed, or a rejection) the request moves on as the
 * approval is saved ({@link ApprovalConcluded}). A refused decision rolls back and is audited in a transaction of its
 * own.
 */
@Component
class ApprovalDecisions {

    private final ApprovalRepository approvals;
    private final ApprovalLinks links;
    private final RefusedAttempts refusals;
    private final Requests requests;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApprovalDecisions(
            ApprovalRepository approvals,
            ApprovalLinks links,
            RefusedAttempts refusals,
            Requests requests,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.approvals = approvals;
        this.links = links;
        this.refusals = refusals;
        this.requests = requests;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    RequestView decide(
            UUID requestId,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            DecisionChannel channel,
            String source,
            @Nullable Integer round) {
        // Someone who may not even see the request learns nothing about it, not even that it exists.
        requests.requireVisible(requestId, actor);
        return refusalsAudited(
                requestId,
                actor,
                channel,
                source,
                () -> transaction.execute(
                        status -> decideNow(requestId, actor, outcome, comment, channel, source, round)));
    }

    RequestView decideByLink(
            String token,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            String source,
            @Nullable Integer round) {
        var link = links.usable(token, actor, source);
        return refusalsAudited(
                link.requestId(),
                actor,
                DecisionChannel.EMAIL_LINK,
                source,
                () -> transaction.execute(status -> {
                    var decided = decideNow(
                            link.requestId(), actor, outcome, comment, DecisionChannel.EMAIL_LINK, source, round);
                    links.use(token);
                    return decided;
                }));
    }

    private RequestView decideNow(
            UUID requestId,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            DecisionChannel channel,
            String source,
            @Nullable Integer round) {
        var request = requests.require(requestId);
        // A batch's approval decides its rows still waiting: row 0 itself may have run already (an update's approval
        // asked again for another row's new preview).
        var together = requests.decidedTogether(requestId);
        if (together.stream().noneMatch(row -> row.state() == RequestState.PENDING_APPROVAL)) {
            throw new DecisionRefusedException(
                    Kind.CONFLICT,
                    "Request %s is %s; only requests waiting for approval can be decided"
                            .formatted(requestId, request.state()));
        }
        var approval = approvals
                .findById(requestId)
                .orElseThrow(() -> new IllegalStateException("Request %s has no approval".formatted(requestId)));
        // Only what the approver was shown may be decided: a round superseded since is refused, nothing recorded. A
        // batch's rows were shown together: any row's preview binds the decision to a round.
        var preview = together.stream()
                .map(RequestView::preview)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        approval.round().confirm(requestId, round, preview);
        approval.decide(actor, outcome, comment.strip(), channel, source, clock.instant());
        // The request moves on as the approval is saved, when this decision concluded it.
        approvals.save(approval);
        return requests.require(requestId);
    }

    private RequestView refusalsAudited(
            UUID requestId, Actor actor, DecisionChannel channel, String source, Supplier<RequestView> decision) {
        try {
            return decision.get();
        } catch (DecisionRefusedException | RoundSupersededException | RequestStateConflictException e) {
            refusals.record(requestId, actor, channel, source, e.detail());
            throw e;
        }
    }
}
