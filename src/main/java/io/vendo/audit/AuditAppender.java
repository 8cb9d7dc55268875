package io.vendo.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chains the waiting auditable events ({@link AuditInbox}) into the log, a batch per transaction: one lock of the
 * chain, one read of its head, one batched insert and one delete, however many events wait. Appending one event per
 * transaction (as the asynchronous listener did) cost each event a publication, two bookkeeping transactions and a
 * transaction of its own, all serialised by the chain's lock.
 *
 * <p>Woken after every commit that left events waiting; and every few seconds regardless, for events whose wake-up
 * was lost (a replica that stopped between the commit and the append) or another replica's. The chain's lock makes
 * replicas take turns; an append that fails is logged and tried again at the next wake-up.
 */
@Component
class AuditAppender implements AutoCloseable {

    /** Events per transaction: bounds what one append holds in memory and how long it holds the chain's lock. */
    static final int BATCH = 500;

    private static final long SWEEP_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(AuditAppender.class);

    private final AuditInbox inbox;
    private final AuditEventRepository repository;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("audit-appender").daemon().factory());

    AuditAppender(
            AuditInbox inbox,
            AuditEventRepository repository,
            JdbcTemplate jdbc,
            JsonMapper json,
            PlatformTransactionManager transactionManager) {
        this.inbox = inbox;
        this.repository = repository;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
        worker.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Appends what waits once the current transaction commits (at once, without a transaction). */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    /** Appends what waits, soon, on the appender's thread; wake-ups before it starts count once. */
    void wake() {
        if (woken.compareAndSet(false, true)) {
            worker.execute(() -> {
                woken.set(false);
                appendWaiting();
            });
        }
    }

    /** The regular look: one cheap read, and a transaction only when something waits. */
    private void sweep() {
        try {
            if (inbox.anyWaiting()) {
                appendWaiting();
            }
        } catch (RuntimeException e) {
            log.warn("Looking for waiting audit events failed; looking again in {} s", SWEEP_SECONDS, e);
        }
    }

    /** Appends batches until none is full, i.e. until what waited when this started is in the log. */
    void appendWaiting() {
        try {
            while (Boolean.TRUE.equals(transaction.execute(status -> appendBatch()))) {
                // the batch was full: more may wait
            }
        } catch (RuntimeException e) {
            log.warn("Appending waiting audit events failed; they stay waiting and are tried again", e);
        }
    }

    /** @return whether the batch was full */
    private boolean appendBatch() {
        repository.lockChain();
        var waiting = inbox.oldest(BATCH);
        if (waiting.isEmpty()) {
            return false;
        }
        var recorded = inbox.recordedAmong(waiting);
        var previousHash = repository.latestHash().orElse(AuditHash.GENESIS);
        var rows = new ArrayList<AuditEvent>();
        for (var event : waiting) {
            if (!recorded.contains(event.eventId())) {
                var row = new AuditEvent(event, previousHash);
                rows.add(row);
                previousHash = row.hash();
            }
        }
        jdbc.batchUpdate(AuditEvent.INSERT, rows, rows.size(), this::bind);
        inbox.remove(waiting);
        return waiting.size() == BATCH;
    }

    private void bind(PreparedStatement statement, AuditEvent row) throws SQLException {
        statement.setObject(1, row.eventId());
        statement.setObject(2, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
        statement.setString(3, row.actor());
        statement.setString(4, row.action());
        statement.setString(5, row.subjectId());
        statement.setString(6, json.writeValueAsString(row.details()));
        statement.setString(7, row.previousHash());
        statement.setString(8, row.hash());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
