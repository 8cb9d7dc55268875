package io.vendo.audit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** {@code GET /api/v1/audit/events}: admins page through the log newest first; nobody else reads it. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class AuditEventsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminsPageThroughOneSubjectsEntriesNewestFirst() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "audited-site", "Audit paging");
        ApiClient.as("requester", port).postJson("/api/v1/requests/" + id + "/cancel", "");
        var admin = ApiClient.as("admin", port);
        await().until(() -> jdbc.queryForObject(
                        "select count(*) from audit_event where subject_id = ? and action = 'request.cancelled'",
                        Integer.class,
                        id)
                == 1);
        var stored =
                jdbc.queryForList("select id from audit_event where subject_id = ? order by id desc", Long.class, id);

        var seen = new ArrayList<Long>();
        var page = admin.get("/api/v1/audit/events?limit=1&subject=" + id).body();
        page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
        while (page.hasNonNull("nextCursor")) {
            page = admin.get("/api/v1/audit/events?limit=1&subject=" + id + "&cursor="
                            + page.path("nextCursor").asString())
                    .body();
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
        }

        assertThat(stored).hasSizeGreaterThanOrEqualTo(2);
        // Listeners may still append about this request while the test pages; nothing stored may be skipped.
        assertThat(seen)
                .doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder())
                .containsAll(stored);
    }

    @Test
    void requestersMayNotReadTheLog() {
        var response = ApiClient.as("requester", port).get("/api/v1/audit/events");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aForeignCursorIsRefused() {
        var requestsCursor = ApiClient.as("admin", port).get("/api/v1/audit/events?cursor=MQpyZXF1ZXN0cwo1");

        assertThat(requestsCursor.status()).isEqualTo(400);
        assertThat(requestsCursor.body().path("errors").propertyNames()).containsExactly("cursor");
    }
}
