package io.vendo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vendo.support.TestPostgres;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit table on real PostgreSQL: waiting events are appended in order, each once however often it was recorded
 * (while waiting or after), rows chain to each other and cannot be changed or removed.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({
    TestPostgres.class,
    AuditRecorder.class,
    AuditInbox.class,
    AuditAppender.class,
    AuditLogRepositoryTest.Json.class
})
// Each statement in its own transaction, as the portal writes them: a refused one must not hide the next.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditLogRepositoryTest {

    @Autowired
    AuditRecorder recorder;

    @Autowired
    AuditAppender appender;

    @Autowired
    AuditEventRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    private static AuditableEvent event(UUID id, String subject, String action) {
        return new AuditableEvent() {
            public UUID eventId() {
                return id;
            }

            public Instant occurredAt() {
                return Instant.parse("2026-11-23T10:00:00Z");
            }

            public String actor() {
                return "alice";
            }

            public String action() {
                return action;
            }

            public String subjectId() {
                return subject;
            }

            public Map<String, String> details() {
                return Map.of("target", "sandbox");
            }
        };
    }

    @Test
    void eachRowChainsToThePreviousOneAndAnEventRecordedAgainIsAppendedOnce() {
        var first = UUID.randomUUID();
        var subject = UUID.randomUUID().toString();
        recorder.record(event(first, subject, "request.submitted"));
        recorder.record(event(UUID.randomUUID(), subject, "request.approved"));
        recorder.record(event(first, subject, "request.submitted"));
        appender.appendWaiting();
        recorder.record(event(first, subject, "request.submitted"));
        appender.appendWaiting();

        var rows = repository.findBySubjectIdOrderByOccurredAtAscIdAsc(subject);
        assertThat(rows)
                .extracting(row -> row.toEntry().action())
                .containsExactly("request.submitted", "request.approved");
        var hashes = jdbc.queryForList(
                "select previous_hash, hash from audit_event where subject_id = ? order by id", subject);
        assertThat(hashes.get(1).get("previous_hash")).isEqualTo(hashes.get(0).get("hash"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where previous_hash = ?", Integer.class, AuditHash.GENESIS))
                .isEqualTo(1);
    }

    @Test
    void rowsCannotBeChangedOrRemoved() {
        recorder.record(event(UUID.randomUUID(), "request-2", "request.submitted"));
        appender.appendWaiting();

        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory'"))
                .hasMessageContaining("audit_event is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .hasMessageContaining("audit_event is append-only");
    }

    /** The JSON mapper the portal's context has (the JPA slice has none). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Json {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }
}
