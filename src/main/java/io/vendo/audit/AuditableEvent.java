package io.vendo.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A domain event that belongs in the audit log. Modules declare it on their events; audit never depends on them. */
@NamedInterface("events")
public interface AuditableEvent {

    /** Unique per event occurrence, so that a redelivered event is recorded once. */
    UUID eventId();

    Instant occurredAt();

    /** Who caused it: a username, or {@code system} for the scheduler. */
    String actor();

    /** What happened, e.g. {@code request.submitted}. */
    String action();

    /** The id of the thing it happened to, e.g. a request id. */
    String subjectId();

    /** Facts worth keeping, shown in the timeline. Never secrets. */
    Map<String, String> details();
}
