package io.vendo.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A row of the audit log. Immutable once written; {@link #hash} chains it to the row before it. */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, String> details;

    @Column(name = "previous_hash", nullable = false, updatable = false)
    private String previousHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    /** How {@link AuditAppender} inserts a batch of rows, in the order of {@link #eventId()} to {@link #hash()}. */
    static final String INSERT = "insert into audit_event"
            + " (event_id, occurred_at, actor, action, subject_id, details, previous_hash, hash)"
            + " values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)";

    protected AuditEvent() {}

    AuditEvent(AuditableEvent event, String previousHash) {
        this.eventId = event.eventId();
        // PostgreSQL keeps microseconds and would round the rest; truncate first so the stored time hashes the same.
        this.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        this.actor = event.actor();
        this.action = event.action();
        this.subjectId = event.subjectId();
        this.details = Map.copyOf(event.details());
        this.previousHash = previousHash;
        this.hash = AuditHash.of(previousHash, eventId, occurredAt, actor, action, subjectId, details);
    }

    /** Whether this row still matches its hash and follows the given one. */
    boolean intactAfter(String expectedPreviousHash) {
        return previousHash.equals(expectedPreviousHash)
                && hash.equals(AuditHash.of(previousHash, eventId, occurredAt, actor, action, subjectId, details));
    }

    Long id() {
        return Objects.requireNonNull(id, "an audit event has its id once stored");
    }

    UUID eventId() {
        return eventId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    String subjectId() {
        return subjectId;
    }

    Map<String, String> details() {
        return details;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }

    AuditRecord toRecord() {
        return new AuditRecord(id(), occurredAt, actor, action, subjectId, details, hash);
    }

    AuditEntry toEntry() {
        return new AuditEntry(occurredAt, actor, action, details);
    }
}
