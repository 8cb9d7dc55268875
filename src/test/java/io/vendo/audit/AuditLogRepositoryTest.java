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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit table on real PostgreSQL: rows chain to each other and cannot be changed or removed. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({TestPostgres.class, AuditRecorder.class})
class AuditLogRepositoryTest {

    @Autowired
    AuditRecorder recorder;

    @Autowired
    AuditEventRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    private static AuditableEvent event(UUID id, String action) {
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
                return "request-1";
            }

            public Map<String, String> details() {
                return Map.of("target", "sandbox");
            }
        };
    }

    @Test
    void eachRowChainsToThePreviousOneAndARedeliveryIsRecordedOnce() {
        var first = UUID.randomUUID();
        recorder.record(event(first, "request.submitted"));
        recorder.record(event(UUID.randomUUID(), "request.approved"));
        recorder.record(event(first, "request.submitted"));
        repository.findBySubjectIdOrderByOccurredAtAscIdAsc("request-1");

        var rows = jdbc.queryForList("select previous_hash, hash, action from audit_event order by id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("previous_hash")).isEqualTo(AuditHash.GENESIS);
        assertThat(rows.get(1).get("previous_hash")).isEqualTo(rows.get(0).get("hash"));
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("request.submitted", "request.approved");
    }

    @Test
    void rowsCannotBeChangedOrRemoved() {
        recorder.record(event(UUID.randomUUID(), "request.submitted"));

        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory'"))
                .hasMessageContaining("audit_event is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event")).hasMessageContaining("audit_event is append-only");
    }
}
