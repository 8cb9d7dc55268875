package io.vendo.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** A row of the audit log as admins see it. */
@NamedInterface("records")
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String subjectId,
        Map<String, String> details,
        String hash) {}
