package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.RawHttp;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Values no honest client sends are refused where they enter, with the field named and nothing stored: control
 * characters (NUL reached PostgreSQL), direction marks in names, {@code null} inside lists and maps, instants past
 * what a timestamp holds, wildcard content types. Over real HTTP, against the whole portal.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class HostileInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static String request(String parameters, String justification) {
        return """
                {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                 "parameters": %s, "justification": "%s"}
                """
                .formatted(parameters, justification);
    }

    private static void assertRefused(ApiClient.Response response, String field, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body().path("errors").path(field).asString()).contains(message);
    }

    // Item 8: control characters

    @Test
    void nulInARequestBodyIsRefusedWithItsField() {
        var requests = rows("vending_request");
        var requester = ApiClient.as("requester", port);

        assertRefused(
                requester.postJson("/api/v1/requests", request("{\"SiteName\": \"nul-site\"}", "before\\u0000after")),
                "justification",
                "control character U+0000");
        assertRefused(
                requester.postJson("/api/v1/requests", request("{\"SiteName\": \"nul\\u0000site\"}", "why")),
                "parameters.SiteName",
                "control character U+0000");
        assertRefused(
                requester.postJson("/api/v1/requests", request("{\"Site\\u0000Name\": \"site\"}", "why")),
                "parameters",
                "key that contains the control character U+0000");
        assertRefused(
                requester.postJson("/api/v1/requests", request("{\"SiteName\": \"a\\ud800b\"}", "why")),
                "parameters.SiteName",
                "unpaired surrogate");
        assertThat(rows("vending_request")).isEqualTo(requests);
    }

    @Test
    void justificationsKeepTheirLineBreaksAndTabs() {
        var response = ApiClient.as("requester", port)
                .postJson("/api/v1/requests", request("{\"SiteName\": \"multi-line\"}", "first line\\n\\tsecond"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("justification").asString()).isEqualTo("first line\n\tsecond");
    }

    @Test
    void nulInListFiltersIsRefusedWithTheParameter() {
        assertRefused(
                ApiClient.as("requester", port).get("/api/v1/requests?requester=%00"),
                "requester",
                "control character U+0000");
        assertRefused(
                ApiClient.as("requester", port).get("/api/v1/requests?blueprint=a%00b&target=%1B"),
                "target",
                "control character U+001B");
        assertRefused(ApiClient.as("admin", port).get("/api/v1/audit/events?actor=%00"), "actor", "U+0000");
        assertRefused(ApiClient.as("admin", port).get("/api/v1/audit/events?subject=x%7F"), "subject", "U+007F");
    }

    @Test
    void nulInADecisionCommentIsRefusedAndDecidesNothing() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "comment-site", "Comment check");

        var response = ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + id + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"no\\u0000\"}");

        assertRefused(response, "comment", "U+0000");
        assertThat(jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, id))
                .isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void namesRefuseLineBreaksAndDirectionMarksThatDisguiseThem() {
        var admin = ApiClient.as("admin", port);
        var before = jdbc.queryForObject("select name from blueprint where slug = 'static-website'", String.class);

        assertRefused(
                admin.put(
                        "/api/v1/blueprints/static-website",
                        "{\"name\": \"Static \\u202Eetisbew\", \"owner\": \"web-team\", \"description\": \"d\"}"),
                "name",
                "direction mark U+202E");
        assertRefused(
                admin.put(
                        "/api/v1/blueprints/static-website",
                        "{\"name\": \"Static\\nwebsite\", \"owner\": \"web-team\", \"description\": \"d\"}"),
                "name",
                "single line");
        assertRefused(
                admin.postJson(
                        "/api/v1/targets",
                        "{\"slug\": \"nul-target\", \"name\": \"N\\u0000\", \"accountId\": \"111122223333\","
                                + " \"region\": \"eu-west-1\", \"environment\": \"DEV\"}"),
                "name",
                "U+0000");
        assertThat(jdbc.queryForObject("select name from blueprint where slug = 'static-website'", String.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from target where slug = 'nul-target'", Integer.class))
                .isZero();
    }

    @Test
    void formsShowARefusedControlCharacterAsTheFieldsMessage() {
        var requests = rows("vending_request");
        var requester = new WebSession(port).logIn("requester");
        requester.get("/blueprints/static-website/request");

        var form = requester.post(
                "/blueprints/static-website/request",
                Map.of(
                        "target", "sandbox-eu-west-1",
                        "parameters[SiteName]", "form\u0000site",
                        "justification", "Form with NUL"));

        assertThat(form.status()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(form.body())).contains("contains the control character U+0000");
        assertThat(rows("vending_request")).isEqualTo(requests);

        var admin = new WebSession(port).logIn("admin");
        admin.get("/admin/targets");
        var target = new LinkedHashMap<String, String>();
        target.put("slug", "form-nul");
        target.put("name", "Form\u0000target");
        target.put("accountId", "111122223333");
        target.put("region", "eu-west-1");
        target.put("environment", "DEV");
        var refused = admin.post("/admin/targets", target);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("contains the control character U+0000");
        assertThat(jdbc.queryForObject("select count(*) from target where slug = 'form-nul'", Integer.class))
                .isZero();

        var filtered = admin.get("/admin/audit?actor=%00");
        assertThat(filtered.status()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(filtered.body())).contains("'actor' contains the control character U+0000");
    }

    // Item 9: null inside collections

    @Test
    void nullInsideListsAndMapsIsRefusedWithItsPlace() {
        var requests = rows("vending_request");
        var blueprints = rows("blueprint");
        var targets = rows("target");
        var requester = ApiClient.as("requester", port);
        var admin = ApiClient.as("admin", port);

        assertRefused(
                requester.postJson("/api/v1/requests", request("{\"SiteName\": null}", "why")),
                "parameters.SiteName",
                "must not be null");
        var metadata = "\"name\": \"N\", \"owner\": \"o\", \"description\": \"d\"";
        assertRefused(
                admin.put("/api/v1/blueprints/static-website", "{" + metadata + ", \"tags\": {\"k\": null}}"),
                "tags.k",
                "must not be null");
        assertRefused(
                admin.put("/api/v1/blueprints/static-website", "{" + metadata + ", \"allowedEnvironments\": [null]}"),
                "allowedEnvironments[0]",
                "must not be null");
        assertRefused(
                admin.postJson(
                        "/api/v1/blueprints/static-website/versions",
                        "{\"template\": \"Resources: {}\", \"capabilities\": [\"CAPABILITY_IAM\", null]}"),
                "capabilities[1]",
                "must not be null");
        var target = "\"slug\": \"null-target\", \"name\": \"T\", \"accountId\": \"111122223333\","
                + " \"region\": \"eu-west-1\", \"environment\": \"DEV\"";
        assertRefused(
                admin.postJson("/api/v1/targets", "{" + target + ", \"allowedBlueprints\": [null]}"),
                "allowedBlueprints[0]",
                "must not be null");
        assertRefused(
                admin.postJson(
                        "/api/v1/targets", "{" + target + ", \"allowedOrganizationalUnits\": [\"Sandbox\", null]}"),
                "allowedOrganizationalUnits[1]",
                "must not be null");
        assertRefused(
                admin.postJson(
                        "/api/v1/blueprints",
                        "{\"slug\": \"null-ou\", \"kind\": \"ACCOUNT\", " + metadata
                                + ", \"template\": \"Resources: {}\", \"delivery\": {\"type\": \"OrganizationsAccount\","
                                + " \"allowedOrganizationalUnits\": [null]}}"),
                "delivery.allowedOrganizationalUnits[0]",
                "must not be null");
        assertThat(rows("vending_request")).isEqualTo(requests);
        assertThat(rows("blueprint")).isEqualTo(blueprints);
        assertThat(rows("target")).isEqualTo(targets);
    }

    // Item 10: instants beyond what a timestamp holds

    @Test
    void farOffInstantsAreRefusedWithAMessage() {
        var requester = ApiClient.as("requester", port);
        var admin = ApiClient.as("admin", port);

        assertRefused(
                requester.get("/api/v1/requests?submittedFrom=%2B1000000000-12-31T23:59:59Z"),
                "submittedFrom",
                "between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        assertRefused(
                requester.get("/api/v1/requests?submittedBefore=-999999999-01-01T00:00:00Z"),
                "submittedBefore",
                "between");
        assertRefused(admin.get("/api/v1/audit/events?from=%2B1000000000-01-01T00:00:00Z"), "from", "between");
        assertRefused(admin.get("/api/v1/audit/events?to=-1000000000-01-01T00:00:00Z"), "to", "between");
        var handMade = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("1\nrequests\n+1000000000-12-31T23:59:59Z\n00000000-0000-0000-0000-000000000001"
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(requester.get("/api/v1/requests?cursor=" + handMade), "cursor", "not a cursor");
    }

    @Test
    void aLifetimeThatWouldOverflowTheExpiryDateIsRefused() {
        var response = ApiClient.as("admin", port)
                .put(
                        "/api/v1/blueprints/static-website",
                        "{\"name\": \"Static website\", \"owner\": \"web-team\", \"description\": \"d\","
                                + " \"maxLifetime\": \"PT2562047788015215H\"}");

        assertRefused(response, "maxLifetime", "At most 36500 days");
    }

    // Item 12: content types the API cannot read

    @Test
    void aWildcardContentTypeOnAdminBodiesIs415() {
        var targets = rows("target");
        var admin = ApiClient.as("admin", port);
        var target = "{\"slug\": \"wild-target\", \"name\": \"T\", \"accountId\": \"111122223333\","
                + " \"region\": \"eu-west-1\", \"environment\": \"DEV\"}";

        for (var path :
                new String[] {"/api/v1/targets", "/api/v1/blueprints", "/api/v1/blueprints/static-website/versions"}) {
            var response = admin.post(path, "*/*", target);
            assertThat(response.status()).as(path).isEqualTo(415);
            assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        }
        var put = admin.exchange("/api/v1/targets/sandbox-eu-west-1", request -> request.header("Content-Type", "*/*")
                .header("Accept", "application/json")
                .PUT(BodyPublishers.ofString(target)));
        assertThat(put.status()).isEqualTo(415);
        assertThat(rows("target")).isEqualTo(targets);
    }

    @Test
    void aTransferCodingTheServerDoesNotImplementIsAProblem() {
        var targets = rows("target");
        var basic = ApiClient.as("admin", port).authorization();

        var response = RawHttp.send(
                port,
                "POST /api/v1/targets HTTP/1.1",
                Map.of("Authorization", basic, "Content-Type", "application/json", "Transfer-Encoding", "gzip"),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.body()).contains("\"status\":415").contains("Transfer-Encoding");
        assertThat(rows("target")).isEqualTo(targets);
    }
}
