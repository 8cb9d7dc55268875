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
        if (repository.existsByEventId(event.eventId())) {
            return;
        }
        var previousHash = repository.latestHash().orElse(AuditHash.GENESIS);
        repository.save(new AuditEvent(event, previousHash));
    }
}
