package io.vendo.approval;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.TemplateResource;
import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval module's door: decisions from every channel (pages, API, e-mail links), the one-time links mailed to
 * approvers, the inbox (with its count, and what an approver decided) and what a
 * request's page shows of its approval. Opening an approval ({@link ApprovalOpening})
 * and its clock ({@link ApprovalClock}) need no door: they react to the request's events and to time.
 */
@Service
public class Approvals {

    private final ApprovalRepository approvals;
    private final ApprovalDecisions decisions;
    private final ApprovalLinks links;
    private final Requests requests;
    private final Catalog catalog;
    private final DecisionRepository decided;

    Approvals(
            ApprovalRepository approvals,
            ApprovalDecisions decisions,
            ApprovalLinks links,
            Requests requests,
            Catalog catalog,
            DecisionRepository decided) {
        this.approvals = approvals;
        this.decisions = decisions;
        this.links = links;
        this.requests = requests;
        this.catalog = catalog;
        this.decided = decided;
    }

    /**
     * Records a decision and moves the request on when it completes the approval (or rejects it).
     *
     * @param source the caller's network address, for the audit log
     * @param round the approval's round the deciding page or client showed ({@link ApprovalView#round()}); a request
     *     with a preview needs it, one without may leave it out
     * @throws io.vendo.request.RequestNotFoundException when the actor may not see the request
     * @throws DecisionRefusedException when the actor may not decide this request now (audited)
     * @throws RoundSupersededException when the round shown is no longer the current one (audited)
     */
    public RequestView decide(
            UUID requestId,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            DecisionChannel channel,
            String source,
            @Nullable Integer round) {
        return decisions.decide(requestId, actor, outcome, comment, channel, source, round);
    }

    /**
     * A decision through a one-time e-mail link: the link must be known, unused, unexpired and addressed to the
     * logged-in actor, who must still be eligible.
     *
     * @param round the approval's round the confirmation page showed
     * @throws DecisionRefusedException when the link or the actor's decision is refused (audited)
     * @throws RoundSupersededException when the round shown is no longer the current one (audited; the link stays
     *     usable)
     */
    public RequestView decideByLink(
            String token,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            String source,
            @Nullable Integer round) {
        return decisions.decideByLink(token, actor, outcome, comment, source, round);
    }

    /**
     * What the confirmation page behind a link shows; looking never changes anything but the audit log, and that only
     * for links that cannot be used.
     */
    @Transactional(readOnly = true)
    public LinkConfirmation confirmation(String token, Actor viewer, String source) {
        var link = links.usable(token, viewer, source);
        var request = requests.require(link.requestId());
        return new LinkConfirmation(
                request, view(request.id(), viewer), link.approver(), catalog.resources(request.blueprintVersionId()));
    }

    /**
     * New one-time links for the approvers of one pending request, to mail: each approver's token. Only their hashes
     * are kept, written in one statement and committed before this returns.
     */
    public Map<String, String> issueLinks(UUID requestId, Collection<String> approvers) {
        return links.issue(requestId, approvers);
    }

    /** Requests waiting for a decision this actor may make, oldest first. */
    @Transactional(readOnly = true)
    public List<RequestView> inbox(Actor actor) {
        return approvals.findByStatusOrderByOpenedAtAsc(ApprovalStatus.PENDING).stream()
                .filter(approval -> approval.mayDecide(actor))
                .map(approval -> requests.require(approval.requestId()))
                .toList();
    }

    /** How many requests wait for a decision this actor may make: the inbox's length, for the pages' badge. */
    @Transactional(readOnly = true)
    public int waitingFor(Actor actor) {
        return (int) approvals.findByStatusOrderByOpenedAtAsc(ApprovalStatus.PENDING).stream()
                .filter(approval -> approval.mayDecide(actor))
                .count();
    }

    /** The requests this actor decided, each with their decision, newest decision first. */
    @Transactional(readOnly = true)
    public List<DecidedRequest> decidedBy(Actor actor, int limit) {
        return decided.findByApproverOrderByDecidedAtDesc(actor.username(), Limit.of(limit)).stream()
                .map(decision -> new DecidedRequest(requests.require(decision.requestId()), decision.toView()))
                .toList();
    }

    /** The policy, the decisions so far, and whether the actor may decide now. */
    @Transactional(readOnly = true)
    public ApprovalView view(UUID requestId, Actor actor) {
        requests.get(requestId, actor);
        return approvals
                .findById(requestId)
                .map(approval -> new ApprovalView(
                        approval.policyName(),
                        approval.status(),
                        approval.requirements(),
                        // Once decided, cancelled or expired, an approval waits for nobody and no deadline applies.
                        approval.pending() ? approval.deadline() : null,
                        approval.pending() ? approval.pendingGroups() : List.of(),
                        approval.decisions(),
                        approval.mayDecide(actor),
                        approval.pending() && approval.round().held(),
                        approval.round().number()))
                .orElseGet(() -> new ApprovalView(
                        "auto-approved",
                        ApprovalStatus.APPROVED,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        false,
                        false,
                        1));
    }

    /**
     * An approval as the pages show it.
     *
     * @param deadline when it expires; null once it no longer waits
     * @param waitingFor the groups whose approvals are still missing; empty once it no longer waits
     * @param awaitingPreview whether approvers are invited only once AWS computed what the request will change
     * @param round 1, one more each time what was approved went stale and the request came back for approval
     */
    public record ApprovalView(
            String policy,
            ApprovalStatus status,
            List<Requirement> requirements,
            @Nullable Instant deadline,
            List<String> waitingFor,
            List<DecisionView> decisions,
            boolean mayDecide,
            boolean awaitingPreview,
            int round) {}

    /** A request and one approver's decision on it. */
    public record DecidedRequest(RequestView request, DecisionView decision) {}

    /** @param resources what the request's template will create */
    public record LinkConfirmation(
            RequestView request, ApprovalView approval, String addressedTo, List<TemplateResource> resources) {}
}
