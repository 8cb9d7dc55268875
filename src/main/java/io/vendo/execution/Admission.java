package io.vendo.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admission control, durable in PostgreSQL: an approved request queues for a slot in every scope it touches
 * ({@link AdmissionClaim#scopes}) and takes its first AWS step only once admitted; it holds the slots until it ends.
 * Admission passes run under one transaction-scoped advisory lock, so replicas never admit past a limit together;
 * a pass admits queued requests oldest first, skipping those whose scopes are full, and wakes their tasks: they are
 * due when the pass commits, and this replica's scheduler looks for them at that moment. What the queue looks like
 * to people and metrics, {@link AdmissionQueue} reads.
 */
@Component
class Admission {

    /** The advisory lock key of admission passes ("vendo-admission" in ASCII, truncated to a long). */
    private static final long LOCK = 0x76656e646f61646dL;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Requests requests;
    private final AdmissionClaims claims;
    private final AdmissionProperties limits;
    private final Clock clock;
    // Lazily: the scheduler is built with the tasks, whose steps run through admission.
    private final ObjectProvider<Scheduler> scheduler;

    Admission(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Requests requests,
            AdmissionClaims claims,
            AdmissionProperties limits,
            Clock clock,
            ObjectProvider<Scheduler> scheduler) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.requests = requests;
        this.claims = claims;
        this.limits = limits;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Queues the request on its first call and tries to admit it.
     *
     * @return empty when the request may take its step (admitted, or already past admission); otherwise how long it
     *     waits before it asks again
     */
    Optional<Duration> awaitTurn(UUID requestId) {
        var state = stateOf(requestId);
        // Released and approved again: what was approved went stale, and the new preview was approved.
        if (state.isEmpty() || state.get() == SlotState.RELEASED) {
            var request = requests.require(requestId);
            if (request.state() != RequestState.APPROVED) {
                // Started before admission control existed, or already over: the executor knows what to do.
                return Optional.empty();
            }
            enqueue(request);
        } else if (state.get() != SlotState.QUEUED) {
            return Optional.empty();
        }
        // Never wait for another replica's pass while holding a connection: if one runs, it may already have read
        // the queue without this request, so look again shortly instead.
        var afterPass = transaction.execute(status -> tryToAdmitWhatFits(requestId));
        if (afterPass == null || afterPass.isEmpty()) {
            return stateOf(requestId).orElseThrow() == SlotState.QUEUED ? Optional.of(busyRecheck()) : Optional.empty();
        }
        // Still queued after its own pass: no other pass admits it while this run goes on (its task is picked), and
        // every pass after this run admits it and wakes its task; the recheck only matters if a wake-up is lost.
        return afterPass.get() == SlotState.QUEUED ? Optional.of(limits.recheckInterval()) : Optional.empty();
    }

    /**
     * Queues a request that runs again after it ended (a composite retried from its failed component, or abandoned),
     * within the caller's transaction: it waits for its slots like a first execution, and its next run asks for its
     * turn. A request queued or admitted already is left as it is.
     */
    void queueAgain(UUID requestId) {
        enqueue(requests.require(requestId));
    }

    /** Frees the request's slot (or its place in the queue) and admits whoever fits now. Idempotent. */
    void release(UUID requestId) {
        transaction.executeWithoutResult(status -> {
            var released = jdbc.sql(
                            """
                            update execution_admission set state = 'RELEASED', released_at = :now
                            where request_id = :id and state <> 'RELEASED'""")
                    .param("now", timestamp(clock.instant()))
                    .param("id", requestId)
                    .update();
            if (released > 0) {
                admitWhatFits();
            }
        });
    }

    private void enqueue(RequestView request) {
        var claim = claims.of(request);
        jdbc.sql(
                        """
                        insert into execution_admission
                            (request_id, service, account_id, region, resource, batch_id, batch_limit, slots, state,
                             queued_at)
                        values (:id, :service, :account, :region, :resource, :batch, :batchLimit, :slots, 'QUEUED', :now)
                        on conflict (request_id) do update
                            set state = 'QUEUED', queued_at = excluded.queued_at, admitted_at = null, released_at = null,
                                slots = excluded.slots
                            where execution_admission.state = 'RELEASED'""")
                .param("id", request.id())
                .param("service", claim.service().name())
                .param("account", claim.accountId())
                .param("region", claim.region())
                .param("resource", claim.resource())
                .param("batch", claim.batch())
                .param("batchLimit", claim.batch() == null ? null : claim.batchLimit())
                .param("slots", claim.slots())
                .param("now", timestamp(clock.instant()))
                .update();
    }

    /**
     * Like {@link #admitWhatFits()} for the run of the request's own task, unless another pass holds the lock.
     *
     * @return the request's place after this pass (read under its lock), or empty when another pass was running
     */
    private Optional<SlotState> tryToAdmitWhatFits(UUID requestId) {
        var locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return Optional.empty();
        }
        admitWhatFitsLocked(requestId);
        return stateOf(requestId);
    }

    /** Within the caller's transaction: admits queued requests oldest first while their scopes have room. */
    void admitWhatFits() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .singleRow();
        admitWhatFitsLocked(null);
    }

    /**
     * Admits what fits and wakes the admitted requests' tasks, which start the moment this transaction commits.
     *
     * <p>A request whose task is running right now (picked) is left in the queue, unless it is the caller's own: that
     * run may already have read its place and would reschedule itself for its recheck, out of reach of this pass's
     * wake-up, holding a slot it does not use. The admitted requests' task rows are locked until the commit, so that
     * no scheduler picks one of them in between and reads its place before this pass is visible.
     *
     * @param self the request whose own task runs this pass, if any
     */
    private void admitWhatFitsLocked(@Nullable UUID self) {
        var taken = new HashMap<String, Integer>();
        jdbc.sql(
                        """
                        select service, account_id, region, resource, batch_id, batch_limit, slots, count(*) as n
                        from execution_admission where state = 'ADMITTED'
                        group by service, account_id, region, resource, batch_id, batch_limit, slots""")
                .query(rs -> {
                    var n = rs.getInt("n");
                    AdmissionClaim.read(rs)
                            .scopes(limits)
                            .forEach(scope -> taken.merge(scope.key(), n * scope.weight(), Integer::sum));
                });
        if (taken.getOrDefault(AdmissionClaim.GLOBAL, 0) >= limits.global()) {
            return;
        }
        var queued = jdbc.sql(
                        """
                        select a.request_id, a.service, a.account_id, a.region, a.resource, a.batch_id, a.batch_limit,
                               a.slots
                        from execution_admission a
                        join scheduled_tasks t on t.task_name = :task and t.task_instance = a.request_id::text
                        where a.state = 'QUEUED' and (not t.picked or a.request_id = :self)
                          and not exists (select 1 from execution_batch_hold h where h.batch_id = a.batch_id)
                        order by a.queued_at, a.request_id limit :window""")
                .param("task", RequestExecutionTask.TASK.getTaskName())
                .param("self", self)
                .param("window", limits.scanWindow())
                .query((rs, row) -> Map.entry(rs.getObject("request_id", UUID.class), AdmissionClaim.read(rs)))
                .list();
        var fitting = new ArrayList<String>();
        for (var entry : queued) {
            var scopes = entry.getValue().scopes(limits);
            if (scopes.stream().allMatch(scope -> scope.fits(taken))) {
                scopes.forEach(scope -> taken.merge(scope.key(), scope.weight(), Integer::sum));
                fitting.add(entry.getKey().toString());
                if (taken.getOrDefault(AdmissionClaim.GLOBAL, 0) >= limits.global()) {
                    break;
                }
            }
        }
        if (fitting.isEmpty()) {
            return;
        }
        // A task picked since the read above is left for the next pass; so is one whose row another transaction
        // holds (a scheduler picking it, its run rescheduling itself).
        var admitted = jdbc.sql(
                        """
                        select task_instance from scheduled_tasks
                        where task_name = :task and task_instance in (:ids)
                          and (not picked or task_instance = cast(:self as text))
                        for update skip locked""")
                .param("task", RequestExecutionTask.TASK.getTaskName())
                .param("ids", fitting)
                .param("self", self == null ? null : self.toString())
                .query(String.class)
                .list();
        if (admitted.isEmpty()) {
            return;
        }
        var now = timestamp(clock.instant());
        jdbc.sql(
                        """
                        update execution_admission set state = 'ADMITTED', admitted_at = :now
                        where request_id in (:ids) and state = 'QUEUED'""")
                .param("now", now)
                .param("ids", admitted.stream().map(UUID::fromString).toList())
                .update();
        // Wake the admitted requests' tasks now rather than at their recheck. db-scheduler's table is part of our
        // schema (V1); the caller's own task is running and takes its step in this run.
        jdbc.sql(
                        """
                        update scheduled_tasks set execution_time = :now
                        where task_name = :task and task_instance in (:ids) and not picked and execution_time > :now""")
                .param("now", now)
                .param("task", RequestExecutionTask.TASK.getTaskName())
                .param("ids", admitted)
                .update();
        if (admitted.stream().anyMatch(id -> self == null || !id.equals(self.toString()))) {
            // Due once this commits: this replica's scheduler looks for them then, not at its next poll.
            lookForDueWorkAfterCommit();
        }
    }

    private void lookForDueWorkAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
            }
        });
    }

    /** Soon, with jitter, so that requests that met a busy pass do not all come back at once. */
    private Duration busyRecheck() {
        var ceiling = Math.max(4, Math.min(limits.recheckInterval().toMillis(), 1000));
        return Duration.ofMillis(ceiling / 4 + ThreadLocalRandom.current().nextLong(ceiling * 3 / 4));
    }

    private Optional<SlotState> stateOf(UUID requestId) {
        return jdbc.sql("select state from execution_admission where request_id = :id")
                .param("id", requestId)
                .query((rs, row) -> SlotState.valueOf(rs.getString("state")))
                .optional();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    private enum SlotState {
        QUEUED,
        ADMITTED,
        RELEASED
    }
}
