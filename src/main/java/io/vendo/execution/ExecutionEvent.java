package io.vendo.execution;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something AWS did or said while executing a request: a change set computed, a status reached, an account created.
 * Audited on the request, so it appears on the request's timeline.
 */
public record ExecutionEvent(
        UUID eventId, UUID requestId, Instant occurredAt, String action, Map<String, String> details)
        implements AuditableEvent {

    public ExecutionEvent {
        details = Map.copyOf(details);
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String subjectId() {
        return requestId.toString();
    }
}
