package io.vendo.environment;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable tasks of drift: one task instance per check, keyed by its id, that takes one {@link DriftCheckRunner}
 * step per run and reschedules itself until the check is finished (so a restart, or another replica, carries on
 * where the last step ended); and the schedule's recurring look ({@link DriftSchedule}) on the application clock.
 */
@Configuration(proxyBeanMethods = false)
class DriftCheckTask {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("drift-check");

    @Bean
    CustomTask<Void> driftCheckExecution(ObjectProvider<DriftCheckRunner> runner, Clock clock) {
        return Tasks.custom(TASK)
                // Unexpected errors (a database outage, a bug) retry with growing pauses instead of losing the check.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0))
                .execute((instance, context) -> runner.getObject()
                        .step(UUID.fromString(instance.getId()))
                        .<CompletionHandler<Void>>map(delay -> (complete, operations) ->
                                operations.reschedule(complete, clock.instant().plus(delay)))
                        .orElseGet(CompletionHandler.OnCompleteRemove::new));
    }

    @Bean
    RecurringTask<Void> driftScheduleClock(DriftProperties properties, ObjectProvider<DriftSchedule> schedule) {
        return Tasks.recurring("drift-schedule", FixedDelay.of(properties.checkInterval()))
                .execute((instance, context) -> schedule.getObject().look());
    }
}
