package io.vendo.request.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/requests}: cursor pages that neither skip nor repeat, filters, visibility, refused queries. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class RequestListApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static String encoded(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void pagesWalkEveryMatchingRequestOnceNewestFirstEvenWhenNewOnesArrive() {
        var lead = ApiClient.as("lead", port);
        var since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var submitted = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            submitted.add(lead.submit("sandbox-eu-west-1", "paged-site-" + i, "Paging"));
        }
        // Two requests share one submission instant: the id breaks the tie, so neither is lost between pages.
        jdbc.update(
                "update vending_request set submitted_at = (select submitted_at from vending_request where id = ?::uuid)"
                        + " where id = ?::uuid",
                submitted.get(2),
                submitted.get(3));
        var query = "/api/v1/requests?requester=lead&limit=2&submittedFrom=" + encoded(since);

        var seen = new ArrayList<String>();
        var page = lead.get(query).body();
        seen.addAll(ids(page));
        lead.submit("sandbox-eu-west-1", "late-site", "Arrives while paging");
        while (page.hasNonNull("nextCursor")) {
            assertThat(page.path("items")).hasSize(2);
            page = lead.get(query + "&cursor=" + page.path("nextCursor").asString())
                    .body();
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(submitted).doesNotHaveDuplicates();
        var times = jdbc.queryForList(
                "select id::text from vending_request where id::text = any(?) order by submitted_at desc, id desc",
                String.class,
                (Object) submitted.toArray(String[]::new));
        assertThat(seen).containsExactlyElementsOf(times);
    }

    @Test
    void filtersCombine() {
        var lead = ApiClient.as("lead", port);
        var since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var sandbox = lead.submit("sandbox-eu-west-1", "filter-sandbox", "Filters");
        var prod = lead.submit("prod-eu-west-1", "filter-prod", "Filters");
        var cancelled = lead.submit("sandbox-eu-west-1", "filter-cancelled", "Filters");
        lead.postJson("/api/v1/requests/" + cancelled + "/cancel", "");
        var recent = "&requester=lead&submittedFrom=" + encoded(since);

        assertThat(ids(lead.get("/api/v1/requests?target=prod-eu-west-1" + recent)
                        .body()))
                .containsExactly(prod);
        assertThat(ids(lead.get("/api/v1/requests?state=CANCELLED" + recent).body()))
                .containsExactly(cancelled);
        assertThat(ids(lead.get("/api/v1/requests?state=PENDING_APPROVAL&target=sandbox-eu-west-1" + recent)
                        .body()))
                .containsExactly(sandbox);
        assertThat(ids(lead.get("/api/v1/requests?state=CANCELLED&state=PENDING_APPROVAL&blueprint=static-website"
                                + recent)
                        .body()))
                .containsExactly(cancelled, prod, sandbox);
        assertThat(ids(lead.get("/api/v1/requests?blueprint=no-such-blueprint" + recent)
                        .body()))
                .isEmpty();
        assertThat(ids(lead.get("/api/v1/requests?requester=lead&submittedBefore=" + encoded(since))
                        .body()))
                .doesNotContain(sandbox, prod, cancelled);
    }

    @Test
    void requestersListOnlyTheirOwnRequests() {
        var mine = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "own-site", "Visibility");
        var theirs = ApiClient.as("lead", port).submit("sandbox-eu-west-1", "their-site", "Visibility");

        var asRequester = ids(ApiClient.as("requester", port)
                .get("/api/v1/requests?limit=100")
                .body());
        var asAdmin = ids(
                ApiClient.as("admin", port).get("/api/v1/requests?limit=100").body());

        assertThat(asRequester).contains(mine).doesNotContain(theirs);
        assertThat(asAdmin).contains(mine, theirs);
    }

    @Test
    void everyInvalidQueryParameterIsListed() {
        var response = ApiClient.as("requester", port)
                .get("/api/v1/requests?state=DONE&limit=1000&cursor=bm90LWEtY3Vyc29y&submittedFrom=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("state", "limit", "cursor", "submittedFrom");
        assertThat(response.body().path("errors").path("state").asString()).contains("DONE");
    }

    @Test
    void emptyTimeRangeIsRefused() {
        var now = Instant.now();
        var response = ApiClient.as("requester", port)
                .get("/api/v1/requests?submittedFrom=" + encoded(now) + "&submittedBefore=" + encoded(now));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").propertyNames()).containsExactly("submittedBefore");
    }
}
