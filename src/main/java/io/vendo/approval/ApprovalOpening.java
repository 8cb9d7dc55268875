package io.vendo.approval;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.catalog.Catalog;
import io.vendo.request.RequestEvent.RequestCancelled;
import io.vendo.request.RequestEvent.RequestExpired;
import io.vendo.request.RequestEvent.RequestSubmitted;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens an approval for each submitted request under the policy in force at submission, or grants it at once when the
 * policy approves automatically; closes it when the request ends without a decision. Synchronous listeners, in the
 * request's transaction: no request ever waits without an approval, and none is cancelled with one still open.
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
    private final Clock clock;

    ApprovalOpening(
            ApprovalRepository approvals,
            ApprovalPolicies policies,
            Catalog catalog,
            Invitees invitees,
            ApprovalProperties properties,
            SchedulerClient scheduler,
            ApplicationEventPublisher events,
            Clock clock) {
        this.approvals = approvals;
        this.policies = policies;
        this.catalog = catalog;
        this.invitees = invitees;
        this.properties = properties;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void open(RequestSubmitted submitted) {
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
                invitees.of(approval, approval.pendingGroups())));
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
}
