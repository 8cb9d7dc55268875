package io.vendo.audit.api;

import io.vendo.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of the audit log, newest first.
 *
 * @param items the entries of this page
 * @param nextCursor pass it as {@code cursor} to get the next page; absent on the last page
 */
record AuditEventPage(List<AuditEventResponse> items, @Nullable String nextCursor) {

    /**
     * @param id the entry's position in the append-only log
     * @param subjectId what the entry is about, e.g. a request id
     * @param hash the entry's link in the hash chain
     */
    record AuditEventResponse(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String subjectId,
            Map<String, String> details,
            String hash) {

        static AuditEventResponse of(AuditRecord record) {
            return new AuditEventResponse(
                    record.id(),
                    record.occurredAt(),
                    record.actor(),
                    record.action(),
                    record.subjectId(),
                    record.details(),
                    record.hash());
        }
    }
}
