package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an approver keeps an eye on besides the inbox ({@link Approvals#inbox}): how many requests wait for them (the
 * badge every page shows them) and the requests they decided.
 */
@Service
public class ApproverLists {

    private final ApprovalRepository approvals;
    private final DecisionRepository decisions;
    private final Requests requests;

    ApproverLists(ApprovalRepository approvals, DecisionRepository decisions, Requests requests) {
        this.approvals = approvals;
        this.decisions = decisions;
        this.requests = requests;
    }

    /** How many requests wait for a decision this actor may make: the inbox's length. */
    @Transactional(readOnly = true)
    public int waitingFor(Actor actor) {
        return (int) approvals.findByStatusOrderByOpenedAtAsc(ApprovalStatus.PENDING).stream()
                .filter(approval -> approval.mayDecide(actor))
                .count();
    }

    /** The requests this actor decided, each with their decision, newest decision first. */
    @Transactional(readOnly = true)
    public List<DecidedRequest> decidedBy(Actor actor, int limit) {
        return decisions.findByApproverOrderByDecidedAtDesc(actor.username(), Limit.of(limit)).stream()
                .map(decision -> new DecidedRequest(requests.require(decision.requestId()), decision.toView()))
                .toList();
    }

    /** A request and one approver's decision on it. */
    public record DecidedRequest(RequestView request, DecisionView decision) {}
}
