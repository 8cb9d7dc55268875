package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.Mailbox;
import io.vendo.support.MutableClock;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Approval by e-mail link over real SMTP: mail scanners' fetches change nothing, only the addressed approver's POST
 * after login decides, and every refused attempt is audited.
 */
@VendoIntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class ApprovalLinkFlowTest {

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

    private String submit(String siteName) {
        return ApiClient.as("requester", port).submit("sandbox-eu-west-1", siteName, "Campaign page");
    }

    private String state(String id) {
        return jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, id);
    }

    private List<String> refusals(String id) {
        return jdbc.queryForList(
                "select details ->> 'reason' from audit_event where action = 'approval.refused' and subject_id = ?"
                        // Rows are appended by asynchronous listeners: the attempts' own time orders them.
                        + " order by occurred_at, id",
                String.class,
                id);
    }

    private String linkFor(String approver, String siteName) {
        return Mailbox.approvalLink(Mailbox.awaitAbout(approver + "@vendo.local", "Approval needed", siteName));
    }

    @Test
    void onlyTheAddressedApproversPostAfterLoginDecidesAndEveryRefusalIsAudited() {
        var id = submit("link-site");
        var link = linkFor("approver", "link-site");
        var mail = Mailbox.to("approver@vendo.local").stream()
                .filter(message -> Mailbox.body(message).contains("link-site"))
                .findFirst()
                .orElseThrow();
        assertThat(Mailbox.subject(mail))
                .isEqualTo("Approval needed: Static website on Sandbox (eu-west-1) by requester");
        assertThat(Mailbox.body(mail)).contains("Campaign page").contains("SiteName = link-site");
        // The requester is never invited to decide their own request.
        assertThat(Mailbox.to("requester@vendo.local"))
                .noneMatch(message -> Mailbox.subject(message).startsWith("Approval needed"));

        // Mail scanners and link previews: HEAD and GETs without a session only meet the login page.
        var scanner = new WebSession(port);
        assertThat(scanner.head(link).status()).isEqualTo(302);
        assertThat(scanner.get(link).status()).isEqualTo(302);
        assertThat(scanner.get(link + "?decision=APPROVE").location()).endsWith("/login");
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");

        // Another approver with this link is turned away, and so is the requester.
        var lead = new WebSession(port).logIn("lead");
        assertThat(lead.get(link).status()).isEqualTo(403);
        assertThat(lead.post(link, Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        var requester = new WebSession(port).logIn("requester");
        assertThat(requester.post(link, Map.of("decision", "APPROVE")).status()).isEqualTo(403);
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");

        // The addressed approver sees the request, then decides with a POST.
        var approver = new WebSession(port).logIn("approver");
        var page = approver.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Decide on this request")
                .contains("link-site")
                .contains("Campaign page");
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");
        var decided = approver.post(link, Map.of("decision", "APPROVE", "comment", "Fine by me"));
        assertThat(decided.status()).isEqualTo(302);
        assertThat(decided.location()).endsWith("/requests/" + id);
        assertThat(state(id)).isIn("APPROVED", "IN_PROGRESS", "DRY_RUN");

        // The link works once.
        var replay = approver.post(link, Map.of("decision", "REJECT", "comment", "changed my mind"));
        assertThat(replay.status()).isEqualTo(410);
        assertThat(jdbc.queryForObject(
                        "select channel from approval_decision where request_id = ?::uuid", String.class, id))
                .isEqualTo("EMAIL_LINK");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refusals(id))
                .containsExactly(
                        "This approval link was sent to another approver; log in as approver or use the inbox",
                        "This approval link was sent to another approver; log in as approver or use the inbox",
                        "This approval link was sent to another approver; log in as approver or use the inbox",
                        "This approval link cannot be used: the link was already used"));
        assertThat(jdbc.queryForList(
                        "select actor from audit_event where action = 'approval.refused' and subject_id = ?"
                                + " order by occurred_at, id",
                        String.class,
                        id))
                .containsExactly("lead", "lead", "requester", "approver");
        // The requester hears about the decision.
        Mailbox.await("requester@vendo.local", "APPROVED", 1);
    }

    @Test
    void forgedAndExpiredLinksAreRefusedAndAudited() {
        var id = submit("expiring-site");
        var link = linkFor("lead", "expiring-site");
        var lead = new WebSession(port).logIn("lead");

        var forged =
                lead.get(link.substring(0, link.lastIndexOf('/') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(forged.status()).isEqualTo(404);

        clock.advance(Duration.ofHours(73));
        var expired = lead.post(link, Map.of("decision", "APPROVE"));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refusals(id))
                .contains("This approval link cannot be used: the link expired"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'approval.refused'"
                                + " and details ->> 'reason' = 'This approval link is not valid'",
                        Integer.class))
                .isPositive();
    }

    @Test
    void noTokenIsStoredInClear() {
        var id = submit("hashed-site");
        var link = linkFor("admin", "hashed-site");
        var token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForObject(
                        "select count(*) from approval_link where request_id = ?::uuid and token_hash = ?",
                        Integer.class,
                        id,
                        token))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where serialized_event like ?",
                        Integer.class,
                        "%" + token + "%"))
                .isZero();
    }
}
