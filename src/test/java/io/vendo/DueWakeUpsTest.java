package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import io.vendo.support.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler as the application configures it starts work when it is due, not at its next poll: with a polling
 * interval of an hour, a task that reschedules itself a moment ahead still runs again at once.
 */
class DueWakeUpsTest {

    private static final TaskDescriptor<Void> TWICE = TaskDescriptor.of("runs-twice");

    private final SchedulerConfiguration configuration = new SchedulerConfiguration();
    private final SchedulerProperties hourlyPolls =
            new SchedulerProperties(2, Duration.ofHours(1), Duration.ofSeconds(20), 6);
    private final AtomicInteger runs = new AtomicInteger();
    private HikariDataSource dataSource;
    private DueWakeUps wakeUps;
    private Scheduler scheduler;

    @BeforeEach
    void startScheduler() {
        dataSource = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        var clock = Clock.systemUTC();
        // Runs twice: the first run reschedules the task a little ahead, the second one removes it.
        var task = Tasks.custom(TWICE)
                .execute((instance, context) -> runs.incrementAndGet() == 1
                        ? (complete, operations) -> operations.reschedule(complete, lateInItsMillisecond(clock))
                        : new CompletionHandler.OnCompleteRemove<>());
        wakeUps = configuration.dueWakeUps(clock);
        scheduler = configuration.scheduler(dataSource, List.of(task), hourlyPolls, clock, wakeUps);
        scheduler.start();
    }

    /**
     * A moment ahead, 0.9 ms into a millisecond the wake-ups' grain divides: a wake-up at the truncated millisecond
     * would look before the work is due.
     */
    private static Instant lateInItsMillisecond(Clock clock) {
        var millis = clock.millis() + 300;
        return Instant.ofEpochMilli(millis - millis % 5).plusNanos(900_000);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.stop();
        wakeUps.close();
        dataSource.close();
    }

    @Test
    void aTaskRescheduledAMomentAheadRunsAgainWithoutWaitingForThePoll() {
        scheduler.schedule(TWICE.instance("one").scheduledTo(Clock.systemUTC().instant()));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(runs).hasValue(2));
        assertThat(scheduler.getScheduledExecutions()).isEmpty();
    }
}
