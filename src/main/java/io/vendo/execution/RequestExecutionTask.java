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
 * {@link RequestExecutor#step} and reschedules itself until the request is done.
 */
@Configuration(proxyBeanMethods = false)
class RequestExecutionTask {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("request-execution");

    @Bean
    CustomTask<Void> requestExecution(RequestExecutor executor, AdmittedStep admitted, Clock clock) {
        return Tasks.custom(TASK)
                // Unexpected errors (a database outage, a bug) retry with growing pauses instead of losing the request.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0))
                .execute((instance, context) -> {
                    var next = admitted.run(UUID.fromString(instance.getId()), executor::step);
                    return next.<CompletionHandler<Void>>map(delay -> (complete, operations) -> operations.reschedule(
                                    complete, clock.instant().plus(delay)))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }
}
