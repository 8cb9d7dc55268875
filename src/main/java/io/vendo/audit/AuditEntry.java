package io.vendo.audit;

import java.time.Instant;
import java.util.Map;

/** One row of a subject's timeline. */
public record AuditEntry(Instant occurredAt, String actor, String action, Map<String, String> details) {}
