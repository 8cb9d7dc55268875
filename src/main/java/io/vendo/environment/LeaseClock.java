package io.vendo.environment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The leases' clock: a recurring db-scheduler task, run by one replica at a time on the application clock, that looks
 * at the leases every {@code vendo.environment.lease.check-interval} ({@link LeaseTick}).
 */
@Configuration(proxyBeanMethods = false)
class LeaseClock {

    @Bean
    RecurringTask<Void> leaseClockTask(LeaseProperties properties, ObjectProvider<LeaseTick> tick) {
        return Tasks.recurring("lease-clock", FixedDelay.of(properties.checkInterval()))
                .execute((instance, context) -> tick.getObject().run());
    }
}
