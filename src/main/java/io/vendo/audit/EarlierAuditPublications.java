package io.vendo.audit;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events that the event publication registry still holds for the audit listener of earlier versions (an asynchronous
 * listener, delivered from the registry) are moved to the {@link AuditInbox} at start: that listener is gone, and
 * the registry would otherwise keep them undelivered for good. Each is added to the inbox before its publication is
 * completed, so a crash in between adds it again at the next start, and the inbox keeps it once.
 */
@Component
class EarlierAuditPublications {

    static final PublicationTargetIdentifier EARLIER_LISTENER =
            PublicationTargetIdentifier.of("io.vendo.audit.AuditRecorder.record(io.vendo.audit.AuditableEvent)");

    private final EventPublicationRegistry registry;
    private final AuditInbox inbox;
    private final AuditAppender appender;
    private final TransactionTemplate transaction;

    EarlierAuditPublications(
            EventPublicationRegistry registry,
            AuditInbox inbox,
            AuditAppender appender,
            PlatformTransactionManager transactionManager) {
        this.registry = registry;
        this.inbox = inbox;
        this.appender = appender;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void adopt() {
        for (var publication : registry.findIncompletePublications()) {
            if (publication.getTargetIdentifier().equals(EARLIER_LISTENER)
                    && publication.getEvent() instanceof AuditableEvent event) {
                transaction.executeWithoutResult(status -> inbox.add(event));
                registry.markCompleted(event, EARLIER_LISTENER);
            }
        }
        appender.wake();
    }
}
