package io.vendo.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auditable events waiting to be chained into the log (table {@code audit_pending}). Plain JDBC on the caller's
 * transaction: the insert joins the transaction that published the event.
 */
@Component
class AuditInbox {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditInbox(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the event until it is appended; an event that waits already (the same id) is kept once. */
    void add(AuditableEvent event) {
        jdbc.update(
                "insert into audit_pending (event_id, occurred_at, actor, action, subject_id, details)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing",
                event.eventId(),
                // As the log keeps it: PostgreSQL would round the nanoseconds, the log truncates them.
                OffsetDateTime.ofInstant(event.occurredAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                event.actor(),
                event.action(),
                event.subjectId(),
                json.writeValueAsString(event.details()));
    }

    boolean anyWaiting() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from audit_pending)", Boolean.class));
    }

    /** The events that waited longest, oldest first, at most {@code limit}. */
    List<Waiting> oldest(int limit) {
        return jdbc.query(
                "select id, event_id, occurred_at, actor, action, subject_id, details from audit_pending"
                        + " order by id limit ?",
                this::waiting,
                limit);
    }

    /** Which of these events the log holds already. */
    Set<UUID> recordedAmong(Collection<Waiting> waiting) {
        return Set.copyOf(jdbc.queryForList(
                "select event_id from audit_event where event_id = any(cast(? as uuid[]))", UUID.class, (Object)
                        waiting.stream().map(each -> each.eventId().toString()).toArray(String[]::new)));
    }

    void remove(Collection<Waiting> waiting) {
        jdbc.update("delete from audit_pending where id = any(?)", (Object)
                waiting.stream().map(Waiting::id).toArray(Long[]::new));
    }

    private Waiting waiting(ResultSet row, int number) throws SQLException {
        return new Waiting(
                row.getLong("id"),
                row.getObject("event_id", UUID.class),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                row.getString("action"),
                row.getString("subject_id"),
                json.readValue(row.getString("details"), DETAILS));
    }

    /** A waiting event, as the log will record it. */
    record Waiting(
            long id,
            UUID eventId,
            Instant occurredAt,
            String actor,
            String action,
            String subjectId,
            Map<String, String> details)
            implements AuditableEvent {}
}
