package io.vendo;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on the application's PostgreSQL, running the durable tasks of every module (request execution,
 * approval timers), on the application's clock. Replicas share the table and claim due work with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}; a replica that stops beating is declared dead after
 * {@code missedHeartbeats × heartbeatInterval} and its work is taken over.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /** Wake-ups for work this replica schedules within the next quarter of an hour. */
    @Bean(destroyMethod = "close")
    DueWakeUps dueWakeUps(Clock clock) {
        return new DueWakeUps(clock, Duration.ofMinutes(15));
    }

    /**
     * Stopped, waiting for running steps, when the context closes; steps are short, so the wait is too. Work this
     * replica schedules starts when it is due: at once when due now (immediate execution), on a wake-up when due
     * soon ({@link DueWakeUps}); the polling interval only bounds how late other replicas' work and lost wake-ups are.
     */
    @Bean(destroyMethod = "stop")
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            SchedulerProperties properties,
            Clock clock,
            DueWakeUps wakeUps) {
        // Recurring tasks schedule themselves when the scheduler starts; the others are scheduled by the modules.
        var recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .map(task -> (RecurringTask<?>) task)
                .toList();
        var scheduled = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        var scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), scheduled)
                .startTasks(recurring)
                .clock(clock::instant)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(45))
                .build();
        wakeUps.attach(scheduler);
        return scheduler;
    }

    /**
     * Starts the scheduler once the schema is migrated and every bean is ready. A lifecycle stop only pauses it (a
     * stopped db-scheduler cannot start again, and Spring stops and restarts contexts, e.g. cached test contexts).
     */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private boolean started;
            private volatile boolean running;

            @Override
            public synchronized void start() {
                if (started) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                    started = true;
                }
                running = true;
            }

            @Override
            public synchronized void stop() {
                scheduler.pause();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
