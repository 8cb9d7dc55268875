package io.vendo.execution;

import io.vendo.request.BatchEvent.BatchPaused;
import io.vendo.request.BatchEvent.BatchResumed;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A paused batch's rows wait in the admission queue: admission passes skip the rows of a held batch. Synchronous, in
 * the transaction that pauses or resumes the batch, so that no pass admits a row of a batch that paused, and a resumed
 * batch's waiting rows are admitted as the resume commits.
 */
@Component
class BatchHolds {

    private final JdbcClient jdbc;
    private final Admission admission;

    BatchHolds(JdbcClient jdbc, Admission admission) {
        this.jdbc = jdbc;
        this.admission = admission;
    }

    @EventListener
    void on(BatchPaused paused) {
        jdbc.sql("insert into execution_batch_hold (batch_id, held_at) values (:batch, :at) on conflict do nothing")
                .param("batch", paused.batchId())
                .param("at", Timestamp.from(paused.occurredAt()))
                .update();
    }

    @EventListener
    void on(BatchResumed resumed) {
        jdbc.sql("delete from execution_batch_hold where batch_id = :batch")
                .param("batch", resumed.batchId())
                .update();
        admission.admitWhatFits();
    }
}
