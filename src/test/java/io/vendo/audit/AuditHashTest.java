package io.vendo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123456789Z");

    @Test
    void dependsOnEveryFieldAndThePreviousRow() {
        var hash = AuditHash.of(AuditHash.GENESIS, EVENT, AT, "alice", "request.submitted", "r1", Map.of("a", "1"));

        assertThat(hash).hasSize(64);
        assertThat(AuditHash.of("f".repeat(64), EVENT, AT, "alice", "request.submitted", "r1", Map.of("a", "1")))
                .isNotEqualTo(hash);
        assertThat(AuditHash.of(AuditHash.GENESIS, EVENT, AT, "mallory", "request.submitted", "r1", Map.of("a", "1")))
                .isNotEqualTo(hash);
        assertThat(AuditHash.of(AuditHash.GENESIS, EVENT, AT, "alice", "request.submitted", "r1", Map.of("a", "2")))
                .isNotEqualTo(hash);
    }

    @Test
    void isCanonicalSoThatItCanBeRecomputedFromTheTable() {
        var details = new java.util.LinkedHashMap<String, String>();
        details.put("b", "2");
        details.put("a", "1");

        assertThat(AuditHash.of(AuditHash.GENESIS, EVENT, AT, "alice", "x", "r1", details))
                .isEqualTo(AuditHash.of(
                        AuditHash.GENESIS,
                        EVENT,
                        Instant.parse("2026-11-23T10:00:00.123456Z"),
                        "alice",
                        "x",
                        "r1",
                        Map.of("a", "1", "b", "2")));
    }
}
