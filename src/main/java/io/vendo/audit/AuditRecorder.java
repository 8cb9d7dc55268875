package io.vendo.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every {@link AuditableEvent} in the transaction that publishes it: the event waits in the
 * {@link AuditInbox}, a row written with what it reports, so that it exists exactly when that commits, crash or not;
 * the {@link AuditAppender} chains it into the log after the commit. An event published again is recorded once.
 */
@Component
class AuditRecorder {

    private final AuditInbox inbox;
    private final AuditAppender appender;

    AuditRecorder(AuditInbox inbox, AuditAppender appender) {
        this.inbox = inbox;
        this.appender = appender;
    }

    @EventListener
    @Transactional
    void record(AuditableEvent event) {
        inbox.add(event);
        appender.wakeAfterCommit();
    }
}
