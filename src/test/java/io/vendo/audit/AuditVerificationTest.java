package io.vendo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The hash chain finds a row that someone with database access changed behind the portal's back. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class AuditVerificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void verificationReportsTheFirstAlteredRow() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "audited-site", "Audit me");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from audit_event where subject_id = ?", Integer.class, id),
                        count -> count >= 2);
        var admin = ApiClient.as("admin", port);

        var intact = admin.get("/api/v1/audit/verification");
        assertThat(intact.status()).isEqualTo(200);
        assertThat(intact.body().path("firstBrokenRow").isNull()).isTrue();
        assertThat(intact.body().path("rowsChecked").asLong()).isPositive();
        assertThat(ApiClient.as("requester", port)
                        .get("/api/v1/audit/verification")
                        .status())
                .isEqualTo(403);

        var row = jdbc.queryForObject(
                "select min(id) from audit_event where subject_id = ? and action = 'request.submitted'",
                Long.class,
                id);
        var actor = jdbc.queryForObject("select actor from audit_event where id = ?", String.class, row);
        tamper("update audit_event set actor = 'mallory' where id = " + row);
        try {
            var broken = admin.get("/api/v1/audit/verification");
            assertThat(broken.body().path("firstBrokenRow").asLong()).isEqualTo(row);
        } finally {
            tamper("update audit_event set actor = '%s' where id = %d".formatted(actor, row));
        }
        assertThat(admin.get("/api/v1/audit/verification")
                        .body()
                        .path("firstBrokenRow")
                        .isNull())
                .isTrue();
    }

    /** What an attacker with the database owner's rights could do: switch off the append-only trigger and write. */
    private void tamper(String sql) {
        jdbc.execute("alter table audit_event disable trigger audit_event_append_only");
        try {
            jdbc.execute(sql);
        } finally {
            jdbc.execute("alter table audit_event enable trigger audit_event_append_only");
        }
    }
}
