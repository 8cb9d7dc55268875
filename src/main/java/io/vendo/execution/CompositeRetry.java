package io.vendo.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.request.RequestEvent.RequestRetried;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Continues a failed composite request from its failed component: the failed component and those it stopped wait
 * again, each with a new attempt (a stack and tokens of its own), the components that succeeded keep their stacks and
 * outputs, and the request's task walks the graph again once admission control gave it its slots (it queues like a
 * first execution). The event comes from the publication registry after the
 * retry commits, and again after a crash if it was not handled: a component already waiting is left as it is.
 */
@Component
class CompositeRetry {

    private static final Logger log = LoggerFactory.getLogger(CompositeRetry.class);

    private final ComponentRunRepository components;
    private final ExecutionRepository executions;
    private final Admission admission;
    private final SchedulerClient scheduler;
    private final Clock clock;

    CompositeRetry(
            ComponentRunRepository components,
            ExecutionRepository executions,
            Admission admission,
            SchedulerClient scheduler,
            Clock clock) {
        this.components = components;
        this.executions = executions;
        this.admission = admission;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RequestRetried retried) {
        var now = clock.instant();
        var retriedComponents = new java.util.ArrayList<String>();
        for (var component : components.findByRequestIdOrderByPositionAsc(retried.requestId())) {
            if (component.state() == ComponentState.FAILED || component.state() == ComponentState.NOT_STARTED) {
                component.retry(now);
                components.save(component);
                retriedComponents.add(component.component());
            }
        }
        executions.findById(retried.requestId()).ifPresent(execution -> {
            if (execution.phase() == ExecutionPhase.DONE) {
                execution.resume(ExecutionPhase.WALK_COMPONENTS, now);
                execution.record(
                        "execution.retried", java.util.Map.of("components", String.join(", ", retriedComponents)), now);
                executions.save(execution);
            }
        });
        // Its stacks count against its account's limits like a first execution's: it waits for its slots again.
        admission.queueAgain(retried.requestId());
        scheduler.scheduleIfNotExists(RequestExecutionTask.TASK
                .instance(retried.requestId().toString())
                .scheduledTo(now));
        log.info("Request {} retries components {}", retried.requestId(), retriedComponents);
    }
}
