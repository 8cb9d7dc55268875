package io.vendo.approval;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.approval.ApprovalEvent.DecisionRefused;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.TemplateResource;
import io.vendo.identity.Actor;
import io.vendo.identity.Directory;
import io.vendo.identity.Person;
import io.vendo.refusal.Refusal.Kind;
import io.vendo.request.RequestEvent.RequestCancelled;
import io.vendo.request.RequestEvent.RequestExpired;
import io.vendo.request.RequestEvent.RequestSubmitted;
import io.vendo.request.RequestState;
import io.vendo.request.RequestStateConflictException;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens approvals for submitted requests under the applicable policy, applies decisions from every channel (pages,
 * API, e-mail links), issues one-time links, and runs the approval's clock. Every refused attempt is audited, in a
 * transaction of its own, since the refused one rolls back.
 */
@Service
public class Approvals {

    /** Refusals of links that match no request are audited under this subject. */
    static final UUID NO_REQUEST = new UUID(0, 0);

    private final ApprovalRepository approvals;
    private final ApprovalLinkRepository links;
    private final ApprovalPolicies policies;
    private final Requests requests;
    private final Catalog catalog;
    private final Directory directory;
    private final ApprovalProperties properties;
    private final SchedulerClient scheduler;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;

    Approvals(
            ApprovalRepository approvals,
            ApprovalLinkRepository links,
            ApprovalPolicies policies,
            Requests requests,
            Catalog catalog,
            Directory directory,
            ApprovalProperties properties,
            SchedulerClient scheduler,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.approvals = approvals;
        this.links = links;
        this.policies = policies;
        this.requests = requests;
        this.catalog = catalog;
        this.directory = directory;
        this.properties = properties;
        this.scheduler = scheduler;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * In the submitting transaction, so that no request ever waits without an approval, and the policy is the one in
     * force at submission.
     */
    @EventListener
    void open(RequestSubmitted submitted) {
        var policy = policies.resolve(
                submitted.blueprint(),
                submitted.environment(),
                submitted.team(),
                catalog.blueprint(submitted.blueprint()).metadata().approvalPolicy());
        if (policy.autoApprove()) {
            events.publishEvent(new ApprovalConcluded.Granted(submitted.requestId(), "policy:" + policy.name()));
            return;
        }
        var now = clock.instant();
        var approval = new Approval(submitted.requestId(), submitted.actor(), policy, properties.timing(), now);
        approvals.save(approval);
        events.publishEvent(new ApprovalOpened(
                UUID.randomUUID(),
                submitted.requestId(),
                now,
                "system",
                policy.name(),
                String.join(
                        " and ",
                        policy.requirements().stream()
                                .map(Requirement::toString)
                                .toList()),
                submitted.team(),
                invitees(approval, approval.pendingGroups())));
        approval.nextDeadline()
                .ifPresent(at -> scheduler.scheduleIfNotExists(ApprovalTimer.TASK
                        .instance(submitted.requestId().toString())
                        .scheduledTo(at)));
    }

    @EventListener
    void close(RequestCancelled cancelled) {
        approvals.findById(cancelled.requestId()).ifPresent(Approval::close);
    }

    @EventListener
    void close(RequestExpired expired) {
        approvals.findById(expired.requestId()).ifPresent(Approval::close);
    }

    /**
     * Records a decision and moves the request on when it completes the approval (or rejects it).
     *
     * @param source the caller's network address, for the audit log
     * @throws io.vendo.request.RequestNotFoundException when the actor may not see the request
     * @throws DecisionRefusedException when the actor may not decide this request now (audited)
     */
    public RequestView decide(
            UUID requestId,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            DecisionChannel channel,
            String source) {
        // Someone who may not even see the request learns nothing about it, not even that it exists.
        requests.requireVisible(requestId, actor);
        return refusalsAudited(
                requestId,
                actor,
                channel,
                source,
                () -> transaction.execute(status -> decideNow(requestId, actor, outcome, comment, channel, source)));
    }

    /**
     * A decision through a one-time e-mail link: the link must be known, unused, unexpired and addressed to the
     * logged-in actor, who must still be eligible.
     */
    public RequestView decideByLink(String token, Actor actor, DecisionOutcome outcome, String comment, String source) {
        var link = usableLink(token, actor, source);
        return refusalsAudited(
                link.requestId(),
                actor,
                DecisionChannel.EMAIL_LINK,
                source,
                () -> transaction.execute(status -> {
                    var decided =
                            decideNow(link.requestId(), actor, outcome, comment, DecisionChannel.EMAIL_LINK, source);
                    // Single use is the database's to guarantee: of two concurrent POSTs, one marks the link.
                    if (links.markUsed(LinkTokens.hash(token), clock.instant()) == 0) {
                        throw new DecisionRefusedException(
                                Kind.GONE, "This approval link cannot be used: the link was already used");
                    }
                    return decided;
                }));
    }

    /**
     * What the confirmation page behind a link shows; looking never changes anything but the audit log, and that only
     * for links that cannot be used.
     */
    @Transactional(readOnly = true)
    public LinkConfirmation confirmation(String token, Actor viewer, String source) {
        var link = usableLink(token, viewer, source);
        var request = requests.require(link.requestId());
        return new LinkConfirmation(
                request, view(request.id(), viewer), link.approver(), catalog.resources(request.blueprintVersionId()));
    }

    /**
     * A new one-time link for one approver of one pending request; only its hash is kept. Committed on its own before
     * the caller mails it, so that a link an approver receives always exists: mailed from inside the invitation's
     * transaction, a quick click could arrive before the commit and be told the link is not valid.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String issueLink(UUID requestId, String approver) {
        var token = LinkTokens.newToken();
        var now = clock.instant();
        links.save(new ApprovalLink(
                LinkTokens.hash(token), requestId, approver, now.plus(properties.linkValidity()), now));
        return token;
    }

    /** Requests waiting for a decision this actor may make, oldest first. */
    @Transactional(readOnly = true)
    public List<RequestView> inbox(Actor actor) {
        return approvals.findByStatusOrderByOpenedAtAsc(ApprovalStatus.PENDING).stream()
                .filter(approval -> approval.mayDecide(actor))
                .map(approval -> requests.require(approval.requestId()))
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
                        approval.mayDecide(actor)))
                .orElseGet(() -> new ApprovalView(
                        "auto-approved", ApprovalStatus.APPROVED, List.of(), null, List.of(), List.of(), false));
    }

    /**
     * Runs the approval's clock: reminds once, escalates once, expires at the deadline.
     *
     * @return when to look again, or empty when the approval is over
     */
    Optional<Instant> tick(UUID requestId) {
        return transaction.execute(status -> {
            var approval = approvals.findById(requestId).orElse(null);
            if (approval == null || !approval.pending()) {
                return Optional.empty();
            }
            var now = clock.instant();
            if (approval.expired(now)) {
                approval.lapse();
                approvals.save(approval);
                return Optional.empty();
            }
            if (approval.escalationDue(now)) {
                approval.escalate(invitees(approval, List.of(approval.fallbackGroup())), now);
            }
            if (approval.remindDue(now)) {
                approval.remind(invitees(approval, approval.pendingGroups()), now);
            }
            approvals.save(approval);
            return approval.nextDeadline();
        });
    }

    private RequestView decideNow(
            UUID requestId,
            Actor actor,
            DecisionOutcome outcome,
            String comment,
            DecisionChannel channel,
            String source) {
        var request = requests.require(requestId);
        if (request.state() != RequestState.PENDING_APPROVAL) {
            throw new DecisionRefusedException(
                    Kind.CONFLICT,
                    "Request %s is %s; only requests waiting for approval can be decided"
                            .formatted(requestId, request.state()));
        }
        var approval = approvals
                .findById(requestId)
                .orElseThrow(() -> new IllegalStateException("Request %s has no approval".formatted(requestId)));
        approval.decide(actor, outcome, comment.strip(), channel, source, clock.instant());
        // The request moves on as the approval is saved, when this decision concluded it.
        approvals.save(approval);
        return requests.require(requestId);
    }

    private ApprovalLink usableLink(String token, Actor actor, String source) {
        var link = links.findById(LinkTokens.hash(token)).orElse(null);
        if (link == null) {
            throw refused(NO_REQUEST, actor, source, Kind.NOT_FOUND, "This approval link is not valid");
        }
        var unusable = link.unusableBecause(clock.instant());
        if (unusable != null) {
            throw refused(link.requestId(), actor, source, Kind.GONE, "This approval link cannot be used: " + unusable);
        }
        if (!link.approver().equals(actor.username())) {
            throw refused(
                    link.requestId(),
                    actor,
                    source,
                    Kind.NOT_ALLOWED,
                    "This approval link was sent to another approver; log in as %s or use the inbox"
                            .formatted(link.approver()));
        }
        return link;
    }

    private DecisionRefusedException refused(UUID requestId, Actor actor, String source, Kind kind, String reason) {
        recordRefusal(requestId, actor, DecisionChannel.EMAIL_LINK, source, reason);
        return new DecisionRefusedException(kind, reason);
    }

    private RequestView refusalsAudited(
            UUID requestId,
            Actor actor,
            DecisionChannel channel,
            String source,
            java.util.function.Supplier<RequestView> decision) {
        try {
            return decision.get();
        } catch (DecisionRefusedException | RequestStateConflictException e) {
            recordRefusal(requestId, actor, channel, source, e.detail());
            throw e;
        }
    }

    private void recordRefusal(UUID requestId, Actor actor, DecisionChannel channel, String source, String reason) {
        separateTransaction.executeWithoutResult(status -> events.publishEvent(new DecisionRefused(
                UUID.randomUUID(), requestId, clock.instant(), actor.username(), channel, reason, source)));
    }

    /** Approvers in these groups who may still decide: not the requester, not who decided already. */
    private List<String> invitees(Approval approval, List<String> groups) {
        var decided = approval.decisions().stream().map(DecisionView::approver).toList();
        return groups.stream()
                .flatMap(group -> directory.approversIn(group).stream())
                .map(Person::username)
                .filter(username -> !username.equals(approval.requester()))
                .filter(username -> !decided.contains(username))
                .distinct()
                .toList();
    }

    /**
     * An approval as the pages show it.
     *
     * @param deadline when it expires; null once it no longer waits
     * @param waitingFor the groups whose approvals are still missing; empty once it no longer waits
     */
    public record ApprovalView(
            String policy,
            ApprovalStatus status,
            List<Requirement> requirements,
            @Nullable Instant deadline,
            List<String> waitingFor,
            List<DecisionView> decisions,
            boolean mayDecide) {}

    /** @param resources what the request's template will create */
    public record LinkConfirmation(
            RequestView request, ApprovalView approval, String addressedTo, List<TemplateResource> resources) {}
}
