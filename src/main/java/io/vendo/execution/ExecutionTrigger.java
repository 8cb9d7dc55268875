package io.vendo.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.request.RequestEvent.RequestApproved;
import io.vendo.request.RequestEvent.RequestReturnedForApproval;
import io.vendo.request.RequestEvent.RequestSubmitted;
import io.vendo.request.RequestKind;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the execution of every approved request that calls AWS (an EXTEND request only moves a lease, which the
 * environment module does), and the preview of a request whose changes AWS computes before it is decided. The event arrives from the publication registry after the
 * approval commits, and again after a crash if it was not handled; scheduling is idempotent per request.
 */
@Component
class ExecutionTrigger {

    /** The kinds of request this module executes. */
    static final Set<RequestKind> EXECUTED =
            EnumSet.of(RequestKind.PROVISION, RequestKind.UPDATE, RequestKind.DECOMMISSION);

    private final SchedulerClient scheduler;
    private final Clock clock;

    ExecutionTrigger(SchedulerClient scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RequestApproved approved) {
        if (!EXECUTED.contains(approved.kind())) {
            return;
        }
        scheduler.scheduleIfNotExists(RequestExecutionTask.TASK
                .instance(approved.requestId().toString())
                .scheduledTo(clock.instant()));
    }

    /**
     * A request whose changes AWS computes before approvers are invited: its preview is computed now. The condition is
     * evaluated before the event publication registry stores anything, so every other submission costs no publication
     * (an insert in the submitting transaction and two bookkeeping transactions after it).
     */
    @ApplicationModuleListener(condition = "#submitted.previewFirst()")
    void on(RequestSubmitted submitted) {
        preview(submitted.requestId());
    }

    /** What was approved went stale: a new preview, for the approvers to decide again. */
    @ApplicationModuleListener
    void on(RequestReturnedForApproval returned) {
        preview(returned.requestId());
    }

    private void preview(java.util.UUID requestId) {
        scheduler.scheduleIfNotExists(
                RequestExecutionTask.PREVIEW.instance(requestId.toString()).scheduledTo(clock.instant()));
    }
}
