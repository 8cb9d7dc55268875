package io.vendo;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Starts work when it is due rather than at the scheduler's next poll. db-scheduler looks for due executions every
 * polling interval, and at once only for work scheduled to run now; a task that reschedules itself a moment ahead (a
 * status call when a stack is expected to be done, a change set's first poll) waited up to a whole polling interval
 * past its time. This listener arms a timer for every execution this replica schedules within the horizon and asks
 * the scheduler to look for due work when it fires.
 *
 * <p>Only a hint: the execution and its time are in the database, so a lost timer (a crash, a stopped replica) costs
 * nothing but the wait until some replica's regular poll. Timers are grouped per few milliseconds, so a burst of
 * executions due together wakes the scheduler once.
 */
final class DueWakeUps extends AbstractSchedulerListener implements AutoCloseable {

    private static final long GRAIN_MILLIS = 5;
    private static final long[] RECHECKS_MILLIS = {GRAIN_MILLIS, 50, 500};

    private final Clock clock;
    private final Duration horizon;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scheduler-wake-up").daemon().factory());
    private final Set<Long> armed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean missedWhileBusy = new AtomicBoolean();
    private volatile @Nullable Scheduler scheduler;

    /**
     * @param horizon executions due further ahead are left to the regular polls
     */
    DueWakeUps(Clock clock, Duration horizon) {
        this.clock = clock;
        this.horizon = horizon;
    }

    /** Listens to the scheduler's events and wakes it from now on. */
    void attach(Scheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.registerSchedulerListener(this);
    }

    @Override
    public void onExecutionScheduled(TaskInstanceId taskInstanceId, Instant executionTime) {
        // Work due now is started by db-scheduler's immediate execution.
        var dueAt = ceilingMillis(executionTime);
        var delay = dueAt - clock.millis();
        if (delay <= 0 || delay > horizon.toMillis()) {
            return;
        }
        var grain = Math.ceilDiv(dueAt, GRAIN_MILLIS);
        if (armed.add(grain)) {
            armFor(grain);
        }
    }

    /**
     * The first millisecond at or after the instant. Execution times keep microseconds; a wake-up at the truncated
     * millisecond would look a fraction of a millisecond too early, find nothing due and leave the work to the next
     * poll.
     */
    private static long ceilingMillis(Instant instant) {
        var millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    /**
     * Wakes the scheduler once the clock reaches the grain. The timer measures its delay on another clock than the
     * scheduler's (monotonic time, not the wall clock the scheduler compares execution times with), so it may fire a
     * little early by the scheduler's clock: a look then would find nothing due, and the work would wait for the next
     * poll. So it looks at the clock when it fires and waits out what is left.
     */
    private void armFor(long grain) {
        timer.schedule(
                () -> {
                    if (grain * GRAIN_MILLIS > clock.millis()) {
                        armFor(grain);
                        return;
                    }
                    armed.remove(grain);
                    wake();
                },
                Math.max(1, grain * GRAIN_MILLIS - clock.millis()),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onExecutionStart(CurrentlyExecuting currentlyExecuting) {
        running.incrementAndGet();
    }

    @Override
    public void onExecutionComplete(ExecutionComplete executionComplete) {
        running.decrementAndGet();
        if (missedWhileBusy.getAndSet(false)) {
            // The scheduler counts this run as busy until just after this event, longer on a loaded machine: look a
            // moment later, and again a little later still, rather than leave the work to the next poll.
            for (var after : RECHECKS_MILLIS) {
                timer.schedule(this::wake, after, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void wake() {
        var current = scheduler;
        if (current == null) {
            return;
        }
        if (running.get() > 0) {
            // A poll now may fetch nothing: every thread may be busy, or the run that scheduled this execution may
            // still hold it (its completion has not been written yet). Look again when a run ends.
            missedWhileBusy.set(true);
        }
        current.triggerCheckForDueExecutions();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
