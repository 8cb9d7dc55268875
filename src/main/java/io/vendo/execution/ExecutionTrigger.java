package io.vendo.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.request.RequestEvent.RequestApproved;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the execution of every approved request. The event arrives from the publication registry after the
 * approval commits, and again after a crash if it was not handled; scheduling is idempotent per request.
 */
@Component
class ExecutionTrigger {

    private final SchedulerClient scheduler;
    private final Clock clock;

    ExecutionTrigger(SchedulerClient scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RequestApproved approved) {
        scheduler.scheduleIfNotExists(RequestExecutionTask.TASK
                .instance(approved.requestId().toString())
                .scheduledTo(clock.instant()));
    }
}
