package io.vendo.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.request.RequestEvent.RequestAbandonment;
import io.vendo.request.RequestState;
import io.vendo.request.Requests;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts deleting what a failed composite request left once its requester abandoned it: each component that holds a
 * stack waits to have it deleted (a new attempt, with tokens of its own), the request's execution walks again in its
 * own phase ({@link CompositeAbandonment}), with its timeout counted from now, and it queues for its admission slots
 * like a first execution. The event comes from the publication registry after the abandonment commits, and again after
 * a crash if it was not handled: only a request still being abandoned is moved on, a component already waiting or
 * deleted is left as it is.
 */
@Component
class CompositeAbandon {

    private static final Logger log = LoggerFactory.getLogger(CompositeAbandon.class);

    private final Requests requests;
    private final ComponentRunRepository components;
    private final ExecutionRepository executions;
    private final Admission admission;
    private final SchedulerClient scheduler;
    private final Clock clock;

    CompositeAbandon(
            Requests requests,
            ComponentRunRepository components,
            ExecutionRepository executions,
            Admission admission,
            SchedulerClient scheduler,
            Clock clock) {
        this.requests = requests;
        this.components = components;
        this.executions = executions;
        this.admission = admission;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @ApplicationModuleListener(condition = "!#event.done()")
    void on(RequestAbandonment event) {
        var id = event.requestId();
        if (requests.require(id).state() != RequestState.ABANDONING) {
            return;
        }
        var now = clock.instant();
        var toDelete = new ArrayList<String>();
        for (var component : components.findByRequestIdOrderByPositionAsc(id)) {
            if (component.state() != ComponentState.TO_DELETE && component.state() != ComponentState.DELETING) {
                component.abandon(now);
                components.save(component);
            }
            if (component.state() == ComponentState.TO_DELETE || component.state() == ComponentState.DELETING) {
                toDelete.add(component.component());
            }
        }
        executions.findById(id).ifPresent(execution -> {
            if (execution.phase() == ExecutionPhase.DONE) {
                execution.restart(ExecutionPhase.ABANDON_COMPONENTS, now);
                execution.record("execution.abandoning", Map.of("components", String.join(", ", toDelete)), now);
                executions.save(execution);
            }
        });
        admission.queueAgain(id);
        scheduler.scheduleIfNotExists(
                RequestExecutionTask.TASK.instance(id.toString()).scheduledTo(now));
        log.info("Request {} is abandoned: deleting the stacks of {}", id, toDelete);
    }
}
