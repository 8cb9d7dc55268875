package io.vendo.audit;

import io.vendo.digest.Sha256;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * SHA-256 over the previous row's hash and this row's content, in a canonical form (sorted details, microsecond
 * timestamps as PostgreSQL stores them), so that the chain can be recomputed from the table alone.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(
            String previousHash,
            UUID eventId,
            Instant occurredAt,
            String actor,
            String action,
            String subjectId,
            Map<String, String> details) {
        var canonical = new StringBuilder()
                .append(previousHash)
                .append('\n')
                .append(eventId)
                .append('\n')
                .append(occurredAt.truncatedTo(ChronoUnit.MICROS))
                .append('\n')
                .append(actor)
                .append('\n')
                .append(action)
                .append('\n')
                .append(subjectId);
        new TreeMap<>(details)
                .forEach((key, value) ->
                        canonical.append('\n').append(key).append('=').append(value));
        return Sha256.hex(canonical.toString());
    }
}
