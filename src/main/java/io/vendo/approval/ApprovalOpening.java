package io.vendo.approval;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.catalog.Catalog;
import io.vendo.request.BatchRow;
import io.vendo.request.RequestEvent.RequestCancelled;
import io.vendo.request.RequestEvent.RequestExpired;
import io.vendo.request.RequestEvent.RequestFailed;
import io.vendo.request.RequestEvent.RequestPreviewed;
import io.vendo.request.RequestEvent.RequestReturnedForApproval;
import io.vendo.request.RequestEvent.RequestSubmitted;
import io.vendo.request.Requests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens an approval for each submitted request under the policy in force at submission, or grants it at once when the
 * policy approves automatically; closes it when the request ends without a decision. Synchronous listeners, in the
 * request's transaction: no request ever waits without an approval, and none is cancelled with one still open.
 *
 * <p>A request whose changes AWS previews first (an UPDATE of a stack or a Service Catalog product) opens its approval held: its approvers are
 * invited, and its clock starts, when the preview is stored, so nobody decides without seeing it. When what was
 * approved goes stale before it is executed, the approval reopens in a new round, held again until the new preview.
 */
@Component
class ApprovalOpening {

    private final ApprovalRepository approvals;
    private final ApprovalPolicies policies;
    private final Catalog catalog;
    private final Invitees invitees;
    private final ApprovalProperties properties;
    private final SchedulerClient scheduler;
    private final ApplicationEventPublisher events;
    private final Requests requests;
    private final Clock clock;

    ApprovalOpening(
            ApprovalRepository approvals,
            ApprovalPolicies policies,
            Catalog catalog,
            Invitees invitees,
            ApprovalProperties properties,
            SchedulerClient scheduler,
            ApplicationEventPublisher events,
            Requests requests,
            Clock clock) {
        this.requests = requests;
        this.approvals = approvals;
        this.policies = policies;
        this.catalog = catalog;
        this.invitees = invitees;
        this.properties = properties;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
    }

    /** A row of a batch after its first opens nothing: the first row's approval decides it. */
    @EventListener
    void open(RequestSubmitted submitted) {
        if (submitted.ledBy() != null) {
            return;
        }
        var policy = policies.resolve(
                submitted.kind(),
                submitted.blueprint(),
                submitted.environment(),
                submitted.team(),
                catalog.approvalPolicyOf(submitted.blueprint()));
        if (policy.autoApprove()) {
            events.publishEvent(new ApprovalConcluded.Granted(submitted.requestId(), "policy:" + policy.name()));
            return;
        }
        var now = clock.instant();
        var approval = new Approval(
                submitted.requestId(), submitted.actor(), policy, properties.timing(), submitted.previewFirst(), now);
        approvals.save(approval);
        if (!submitted.previewFirst()) {
            invite(approval, submitted.team(), now, Timer.NEW);
        }
    }

    /**
     * The request's preview is there: a held approval invites its approvers now, and its clock starts. Synchronous,
     * in the transaction that stores the preview, so that no preview is shown without its approvers invited.
     */
    @EventListener
    void release(RequestPreviewed previewed) {
        deciding(previewed.requestId()).ifPresent(this::releaseWhenEveryPreviewIsThere);
    }

    /**
     * What was approved went stale: the approval is pending again, held until the new preview is there. For a row of a
     * fleet's update, the batch's approval: the set of previews it decided on changed, so it decides again, in a new
     * round, once the new one is there (also when it was still pending: what it showed is no longer what runs).
     */
    @EventListener
    void reopen(RequestReturnedForApproval returned) {
        deciding(returned.requestId()).ifPresent(approval -> {
            approval.reopen(returned.reason(), clock.instant());
            approvals.save(approval);
        });
    }

    /**
     * A request whose preview AWS could not compute ends before anyone decided. In a fleet's update the batch's
     * approval goes on for the rows still waiting (released once their previews are there), and closes with the last.
     */
    @EventListener
    void close(RequestFailed failed) {
        deciding(failed.requestId()).ifPresent(approval -> {
            var rows = requests.decidedTogether(approval.requestId());
            if (rows.size() == 1
                    || rows.stream().noneMatch(row -> row.state() == io.vendo.request.RequestState.PENDING_APPROVAL)) {
                approval.close();
            } else {
                releaseWhenEveryPreviewIsThere(approval);
            }
        });
    }

    /**
     * The approval that decides the request, its own or its batch's (row 0's), locked: what it decides on is read
     * under the lock, after every other row's report that took it first has committed.
     */
    private java.util.Optional<Approval> deciding(UUID requestId) {
        var lead = requests.batchOf(requestId).map(BatchRow::leadRequestId).orElse(requestId);
        return approvals.lockById(lead);
    }

    /** Approvers are invited on the whole set of previews: none is shown while another row's is still computed. */
    private void releaseWhenEveryPreviewIsThere(Approval approval) {
        var waiting = requests.decidedTogether(approval.requestId()).stream()
                .filter(row -> row.state() == io.vendo.request.RequestState.PENDING_APPROVAL)
                .toList();
        if (waiting.isEmpty() || waiting.stream().anyMatch(io.vendo.request.RequestView::previewPending)) {
            return;
        }
        var now = clock.instant();
        if (approval.release(properties.timing(), now)) {
            var request = requests.require(approval.requestId());
            invite(approvals.save(approval), request.team(), now, Timer.IF_NOT_SCHEDULED);
        }
    }

    /**
     * How the approval's timer is scheduled. A new approval's request has no timer yet (its id was made in this
     * transaction, together with the approval's row), so it is inserted without db-scheduler's read for an existing
     * one first; were one there, the insert would fail the submission rather than pass silently. A released approval
     * may have one from an earlier round.
     */
    private enum Timer {
        NEW,
        IF_NOT_SCHEDULED
    }

    private void invite(Approval approval, String team, Instant now, Timer timer) {
        var policy = approval.policyName();
        events.publishEvent(new ApprovalOpened(
                UUID.randomUUID(),
                approval.requestId(),
                now,
                "system",
                policy,
                String.join(
                        " and ",
                        approval.requirements().stream()
                                .map(Requirement::toString)
                                .toList()),
                team,
                invitees.of(approval, approval.pendingGroups()),
                approval.round().number()));
        approval.nextDeadline().ifPresent(at -> {
            var instance =
                    ApprovalTimer.TASK.instance(approval.requestId().toString()).scheduledTo(at);
            if (timer == Timer.NEW) {
                scheduler.scheduleBatch(List.<SchedulableInstance<?>>of(instance));
            } else {
                scheduler.scheduleIfNotExists(instance);
            }
        });
    }

    @EventListener
    void close(RequestCancelled cancelled) {
        approvals.findById(cancelled.requestId()).ifPresent(Approval::close);
    }

    @EventListener
    void close(RequestExpired expired) {
        approvals.findById(expired.requestId()).ifPresent(Approval::close);
    }
}
