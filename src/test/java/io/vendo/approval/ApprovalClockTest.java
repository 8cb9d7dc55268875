package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.Mailbox;
import io.vendo.support.MutableClock;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The approval's clock on the durable scheduler, driven by a controllable clock: a reminder after 24 h, escalation
 * to the fallback group after 48 h, expiry after 7 days; and the requester's right to withdraw.
 */
@VendoIntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class ApprovalClockTest {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Mailbox.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private String submitToProduction(String siteName) {
        return ApiClient.as("requester", port).submit("prod-eu-west-1", siteName, "Go live");
    }

    private String state(String id) {
        return jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, id);
    }

    private void awaitAudit(String id, String action) {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from audit_event where subject_id = ? and action = ?",
                                Integer.class,
                                id,
                                action),
                        count -> count > 0);
    }

    @Test
    void remindsThenEscalatesThenExpires() {
        var id = submitToProduction("clock-site");
        var invitation = Mailbox.awaitAbout("lead@vendo.local", "Approval needed", "clock-site");
        assertThat(Mailbox.body(invitation)).contains("waits for your approval");
        Mailbox.awaitAbout("approver@vendo.local", "Approval needed", "clock-site");
        var events = ApiClient.as("requester", port).get("/api/v1/requests/" + id + "/events");
        assertThat(events.body().findValuesAsString("action")).contains("approval.opened");
        assertThat(events.body().toString()).contains("1 from team-leads and 1 from platform-team");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        awaitAudit(id, "approval.reminded");
        Mailbox.awaitAbout("lead@vendo.local", "Approval needed", "still waits for your approval");
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");

        clock.advance(Duration.ofHours(24));
        awaitAudit(id, "approval.escalated");
        Mailbox.awaitAbout("admin@vendo.local", "Approval needed", "was escalated to admins");

        clock.advance(Duration.ofDays(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id), "EXPIRED"::equals);
        awaitAudit(id, "request.expired");
        Mailbox.awaitAbout("requester@vendo.local", "EXPIRED", "No decision before the approval deadline");
        var late = ApiClient.as("lead", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void theRequesterMayCancelWhilePendingAndNobodyElseMay() {
        var id = submitToProduction("cancelled-site");

        var byOther = ApiClient.as("lead", port).postJson("/api/v1/requests/" + id + "/cancel", "{}");
        assertThat(byOther.status()).isEqualTo(403);
        assertThat(byOther.contentType()).isEqualTo("application/problem+json");

        var cancelled = ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/cancel", "{}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("state").asString()).isEqualTo("CANCELLED");

        var decision = ApiClient.as("lead", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\"}");
        assertThat(decision.status()).isEqualTo(409);
        assertThat(ApiClient.as("requester", port)
                        .postJson("/api/v1/requests/" + id + "/cancel", "{}")
                        .status())
                .isEqualTo(409);
        awaitAudit(id, "request.cancelled");
        assertThat(jdbc.queryForObject("select status from approval where request_id = ?::uuid", String.class, id))
                .isEqualTo("CLOSED");
    }
}
