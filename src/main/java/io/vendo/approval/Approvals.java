package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.request.RequestEvent.RequestSubmitted;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens approvals for submitted requests and applies decisions to them. */
@Service
@Transactional
public class Approvals {

    private final ApprovalRepository approvals;
    private final Requests requests;
    private final ApprovalProperties properties;
    private final Clock clock;

    Approvals(ApprovalRepository approvals, Requests requests, ApprovalProperties properties, Clock clock) {
        this.approvals = approvals;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /** In the submitting transaction, so that no request ever waits without an approval to decide it. */
    @EventListener
    void open(RequestSubmitted submitted) {
        approvals.save(new Approval(
                submitted.requestId(),
                submitted.actor(),
                properties.requiredApprovals(),
                properties.approverRole(),
                submitted.occurredAt()));
    }

    /**
     * Records a decision and moves the request on when it completes the approval (or rejects it).
     *
     * @throws DecisionRefusedException when the actor may not decide this request now
     */
    public RequestView decide(
            UUID requestId, Actor actor, DecisionOutcome outcome, String comment, DecisionChannel channel) {
        var request = requests.require(requestId);
        if (request.state() != RequestState.PENDING_APPROVAL) {
            throw new DecisionRefusedException(
                    HttpStatus.CONFLICT,
                    "Request %s is %s; only requests waiting for approval can be decided"
                            .formatted(requestId, request.state()));
        }
        var approval = approvals
                .findById(requestId)
                .orElseThrow(() -> new IllegalStateException("Request %s has no approval".formatted(requestId)));
        var status = approval.decide(actor, outcome, comment.strip(), channel, clock.instant());
        approvals.save(approval);
        return switch (status) {
            case APPROVED -> requests.approve(requestId, actor.username());
            case REJECTED -> requests.reject(requestId, actor.username(), comment.strip());
            case PENDING -> request;
        };
    }

    /** Requests waiting for a decision this actor may make, oldest first. */
    @Transactional(readOnly = true)
    public List<RequestView> inbox(Actor actor) {
        return approvals.findByStatusOrderByOpenedAtAsc(ApprovalStatus.PENDING).stream()
                .filter(approval -> approval.mayDecide(actor))
                .map(approval -> requests.require(approval.requestId()))
                .toList();
    }

    /** The decisions so far, and whether the actor may decide now. */
    @Transactional(readOnly = true)
    public ApprovalView view(UUID requestId, Actor actor) {
        requests.get(requestId, actor);
        return approvals
                .findById(requestId)
                .map(approval -> new ApprovalView(approval.decisions(), approval.mayDecide(actor)))
                .orElseGet(() -> new ApprovalView(List.of(), false));
    }

    public record ApprovalView(List<DecisionView> decisions, boolean mayDecide) {}
}
