package io.vendo.approval;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The approval's clock as a durable task per pending request: it wakes at the next reminder, escalation or deadline,
 * survives restarts, and runs on one replica at a time.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalTimer {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("approval-timer");

    @Bean
    CustomTask<Void> approvalTimerTask(ApprovalClock clock) {
        return Tasks.custom(TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0))
                .execute((instance, context) -> clock.tick(UUID.fromString(instance.getId()))
                        .<CompletionHandler<Void>>map(
                                next -> (complete, operations) -> operations.reschedule(complete, next))
                        .orElseGet(CompletionHandler.OnCompleteRemove::new));
    }
}
