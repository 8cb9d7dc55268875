package io.vendo.execution;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that executes a request: one task instance per request, keyed by the request id, that runs one
 * {@link RequestExecutor#step} (or a few, while the next is due at once) and reschedules itself until the request is
 * done.
 */
@Configuration(proxyBeanMethods = false)
class RequestExecutionTask {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("request-execution");

    /**
     * Computes what a request will change before it is decided (an UPDATE's change set), while it waits for approval:
     * a task of its own, so that the approval, which schedules the execution, never finds the preview's task still in
     * place and skips scheduling. It stops once the preview is stored, or once the request no longer waits.
     */
    static final TaskDescriptor<Void> PREVIEW = TaskDescriptor.of("request-preview");

    /**
     * Steps due at once (ExecuteChangeSet once the change set is ready, a change set polled without delay) are taken in
     * the same run, at most this many in a row: each step still commits its own state, and the run skips a round trip
     * through the scheduler's table.
     */
    static final int MAX_STEPS_PER_RUN = 4;

    @Bean
    CustomTask<Void> requestExecution(RequestExecutor executor, AdmittedStep admitted, Clock clock) {
        return Tasks.custom(TASK)
                // Unexpected errors (a database outage, a bug) retry with growing pauses instead of losing the request.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0))
                .execute((instance, context) -> {
                    var requestId = UUID.fromString(instance.getId());
                    var next = admitted.run(requestId, executor::step);
                    for (int steps = 1;
                            steps < MAX_STEPS_PER_RUN
                                    && next.filter(Duration::isZero).isPresent();
                            steps++) {
                        next = admitted.run(requestId, executor::step);
                    }
                    return next.<CompletionHandler<Void>>map(delay -> (complete, operations) -> operations.reschedule(
                                    complete, clock.instant().plus(delay)))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }

    /** Not admission-controlled: a change set is computed in seconds and changes nothing. */
    @Bean
    CustomTask<Void> requestPreview(RequestExecutor executor, Clock clock) {
        return Tasks.custom(PREVIEW)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0))
                .execute((instance, context) -> {
                    var requestId = UUID.fromString(instance.getId());
                    var next = executor.preview(requestId);
                    for (int steps = 1;
                            steps < MAX_STEPS_PER_RUN
                                    && next.filter(Duration::isZero).isPresent();
                            steps++) {
                        next = executor.preview(requestId);
                    }
                    return next.<CompletionHandler<Void>>map(delay -> (complete, operations) -> operations.reschedule(
                                    complete, clock.instant().plus(delay)))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }
}
