package io.vendo.web;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes expired idempotency keys and form tokens every hour, on one replica at a time. */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyPurge {

    @Bean
    RecurringTask<Void> idempotencyKeyPurgeTask(IdempotencyKeys keys) {
        return Tasks.recurring("idempotency-key-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> keys.purgeExpired());
    }
}
