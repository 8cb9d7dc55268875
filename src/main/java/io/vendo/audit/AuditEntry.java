package io.vendo.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** One row of a subject's timeline. */
@NamedInterface("records")
public record AuditEntry(Instant occurredAt, String actor, String action, Map<String, String> details) {}
