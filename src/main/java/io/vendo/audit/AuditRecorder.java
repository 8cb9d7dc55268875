package io.vendo.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends every {@link AuditableEvent} to the log. Runs after the publishing transaction commits, from the event
 * publication registry, so an event is recorded even if the portal crashes in between; a redelivery is ignored.
 */
@Component
class AuditRecorder {

    private final AuditEventRepository repository;

    AuditRecorder(AuditEventRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void record(AuditableEvent event) {
        repository.lockChain();
        var head = repository.chainHead(event.eventId());
        if (head.isRecorded()) {
            return;
        }
        var previousHash = head.getLatestHash();
        repository.save(new AuditEvent(event, previousHash != null ? previousHash : AuditHash.GENESIS));
    }
}
