package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.approval.ApprovalPolicies;
import io.vendo.approval.NewPolicy;
import io.vendo.approval.Requirement;
import io.vendo.support.ApiClient;
import io.vendo.support.OidcIssuer;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every API endpoint and the key pages × every kind of caller, with the expected answer in each cell. The URL rules
 * are the first gate; the services decide again which requests a caller may see (404 for others' requests, so ids
 * leak nothing) and who may cancel or decide.
 *
 * <p>Fixtures: Rita (team web-team) files requests under the default policy (one approval from any approver); Olga
 * (team data-team) files one under a policy of her own team that only the data-leads group may approve.
 */
@VendoIntegrationTest
@OidcIssuer.WithIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final String SUBMISSION =
            """
            {"blueprint": "static-website", "target": "sandbox-eu-west-1",
             "parameters": {"SiteName": "matrix-site"}, "justification": "Authorization matrix"}
            """;
    private static final String APPROVE = "{\"decision\": \"APPROVE\", \"comment\": \"fine\"}";

    @LocalServerPort
    int port;

    @Autowired
    ApprovalPolicies policies;

    private String ritasRequest;
    private final Map<Caller, WebSession> sessions = new ConcurrentHashMap<>();

    @BeforeAll
    void fixtures() {
        policies.add(new NewPolicy(
                "data-team", null, null, "data-team", false, List.of(new Requirement("data-leads", 1)), null));
        ritasRequest = submitAs(Caller.REQUESTER);
    }

    private String submitAs(Caller caller) {
        var response = caller.api(port).postJson("/api/v1/requests", SUBMISSION);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().path("id").asString();
    }

    /** An API operation, given the caller's client and the port; mutating ones act on a fresh request. */
    enum Endpoint {
        LIST_BLUEPRINTS((test, api) -> api.get("/api/v1/blueprints")),
        LIST_TARGETS((test, api) -> api.get("/api/v1/targets")),
        SUBMIT((test, api) -> api.postJson("/api/v1/requests", SUBMISSION)),
        LIST_REQUESTS((test, api) -> api.get("/api/v1/requests?limit=5")),
        GET_OWN_TEAMS_REQUEST((test, api) -> api.get("/api/v1/requests/" + test.ritasRequest)),
        EVENTS_OF_OWN_TEAMS_REQUEST((test, api) -> api.get("/api/v1/requests/" + test.ritasRequest + "/events")),
        GET_DATA_TEAMS_REQUEST(
                (test, api) -> api.get("/api/v1/requests/" + test.submitAs(Caller.OTHER_TEAM_REQUESTER))),
        CANCEL((test, api) -> api.postJson("/api/v1/requests/" + test.submitAs(Caller.REQUESTER) + "/cancel", "{}")),
        RETRY_NOT_COMPOSITE(
                (test, api) -> api.postJson("/api/v1/requests/" + test.submitAs(Caller.REQUESTER) + "/retry", "{}")),
        APPROVE_DEFAULT_POLICY((test, api) ->
                api.postJson("/api/v1/requests/" + test.submitAs(Caller.REQUESTER) + "/decisions", APPROVE)),
        APPROVE_DATA_TEAMS_REQUEST((test, api) ->
                api.postJson("/api/v1/requests/" + test.submitAs(Caller.OTHER_TEAM_REQUESTER) + "/decisions", APPROVE)),
        LIST_ENVIRONMENTS((test, api) -> api.get("/api/v1/environments?limit=5")),
        EXTEND_UNKNOWN_ENVIRONMENT((test, api) -> api.postJson(
                "/api/v1/environments/" + java.util.UUID.randomUUID() + "/extensions",
                "{\"expiresAt\": \"2030-01-01T00:00:00Z\", \"justification\": \"longer\"}")),
        DECOMMISSION_UNKNOWN_ENVIRONMENT((test, api) -> api.postJson(
                "/api/v1/environments/" + java.util.UUID.randomUUID() + "/decommissions",
                "{\"justification\": \"done\"}")),
        VERIFY_AUDIT_LOG((test, api) -> api.get("/api/v1/audit/verification")),
        SEARCH_AUDIT_LOG((test, api) -> api.get("/api/v1/audit/events?limit=5")),
        SYNC_CATALOG((test, api) -> api.postJson("/api/v1/catalog/sync", "{}")),
        PROMETHEUS_METRICS((test, api) ->
                api.exchange("/actuator/prometheus", request -> request.GET().header("Accept", "text/plain")));

        private final BiFunction<AuthorizationMatrixTest, ApiClient, ApiClient.Response> call;

        Endpoint(BiFunction<AuthorizationMatrixTest, ApiClient, ApiClient.Response> call) {
            this.call = call;
        }
    }

    /** Columns: anonymous, requester, other team's requester, approver, admin, clients with read/write/decide/admin. */
    static Stream<Arguments> api() {
        return Stream.of(
                        row(Endpoint.LIST_BLUEPRINTS, "401 200 200 200 200 200 200 200 200"),
                        row(Endpoint.LIST_TARGETS, "401 200 200 200 200 200 200 200 200"),
                        row(Endpoint.SUBMIT, "401 201 201 201 201 403 201 403 403"),
                        row(Endpoint.LIST_REQUESTS, "401 200 200 200 200 200 403 403 200"),
                        row(Endpoint.GET_OWN_TEAMS_REQUEST, "401 200 404 200 200 200 403 403 200"),
                        row(Endpoint.EVENTS_OF_OWN_TEAMS_REQUEST, "401 200 404 200 200 200 403 403 200"),
                        row(Endpoint.GET_DATA_TEAMS_REQUEST, "401 404 200 404 200 404 403 403 200"),
                        row(Endpoint.CANCEL, "401 200 404 403 403 403 403 403 403"),
                        row(Endpoint.RETRY_NOT_COMPOSITE, "401 409 404 403 403 403 403 403 403"),
                        row(Endpoint.APPROVE_DEFAULT_POLICY, "401 403 403 200 200 403 403 200 403"),
                        row(Endpoint.APPROVE_DATA_TEAMS_REQUEST, "401 403 403 404 403 403 403 404 403"),
                        row(Endpoint.LIST_ENVIRONMENTS, "401 200 200 200 200 200 403 403 200"),
                        row(Endpoint.EXTEND_UNKNOWN_ENVIRONMENT, "401 404 404 404 404 403 404 403 403"),
                        row(Endpoint.DECOMMISSION_UNKNOWN_ENVIRONMENT, "401 404 404 404 404 403 404 403 403"),
                        row(Endpoint.VERIFY_AUDIT_LOG, "401 403 403 403 200 403 403 403 200"),
                        row(Endpoint.SEARCH_AUDIT_LOG, "401 403 403 403 200 403 403 403 200"),
                        row(Endpoint.SYNC_CATALOG, "401 403 403 403 200 403 403 403 200"))
                .flatMap(List::stream);
    }

    /** Metrics are for admins (and a scraper with an admin token); not an API endpoint, so no problem documents. */
    static Stream<Arguments> metrics() {
        return row(Endpoint.PROMETHEUS_METRICS, "401 403 403 403 200 403 403 403 200").stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource
    void metrics(Endpoint endpoint, Caller caller, int expected) {
        var response = endpoint.call.apply(this, caller.api(port));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    }

    private static List<Arguments> row(Endpoint endpoint, String statuses) {
        var expected = Arrays.stream(statuses.split(" ")).map(Integer::valueOf).toList();
        var cells = new ArrayList<Arguments>();
        for (var caller : Caller.values()) {
            cells.add(Arguments.of(endpoint, caller, expected.get(caller.ordinal())));
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource
    void api(Endpoint endpoint, Caller caller, int expected) {
        var response = endpoint.call.apply(this, caller.api(port));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400 && endpoint != Endpoint.PROMETHEUS_METRICS) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        if (expected == 401) {
            assertThat(response.wwwAuthenticate()).anyMatch(challenge -> challenge.startsWith("Bearer"));
        }
    }

    /** Lists show one's own and one's teams' requests (admins: all); approvers find others' in their inbox. */
    @Test
    void listsShowOwnAndTeamRequestsOnly() {
        assertThat(listed(Caller.REQUESTER)).contains(ritasRequest);
        assertThat(listed(Caller.CLIENT_READ)).contains(ritasRequest);
        assertThat(listed(Caller.ADMIN)).contains(ritasRequest);
        assertThat(listed(Caller.CLIENT_ADMIN)).contains(ritasRequest);
        assertThat(listed(Caller.OTHER_TEAM_REQUESTER)).doesNotContain(ritasRequest);
        assertThat(listed(Caller.APPROVER)).doesNotContain(ritasRequest);
    }

    private List<String> listed(Caller caller) {
        var ids = new ArrayList<String>();
        caller.api(port)
                .get("/api/v1/requests?limit=100&requester=rita")
                .body()
                .path("items")
                .forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** Columns: anonymous, requester, other team's requester, approver, admin — each logged in through the issuer. */
    static Stream<Arguments> pages() {
        return Stream.of(
                        pageRow("/", "302 200 200 200 200"),
                        pageRow("/requests", "302 200 200 200 200"),
                        pageRow("/environments", "302 200 200 200 200"),
                        pageRow("ritas-request", "302 200 404 200 200"),
                        pageRow("/approvals", "302 403 403 200 200"),
                        pageRow("/admin/policies", "302 403 403 403 200"),
                        pageRow("/admin/audit", "302 403 403 403 200"))
                .flatMap(List::stream);
    }

    private static List<Arguments> pageRow(String page, String statuses) {
        var expected = Arrays.stream(statuses.split(" ")).map(Integer::valueOf).toList();
        var callers =
                List.of(Caller.ANONYMOUS, Caller.REQUESTER, Caller.OTHER_TEAM_REQUESTER, Caller.APPROVER, Caller.ADMIN);
        var cells = new ArrayList<Arguments>();
        for (int i = 0; i < callers.size(); i++) {
            cells.add(Arguments.of(page, callers.get(i), expected.get(i)));
        }
        return cells;
    }

    @ParameterizedTest(name = "page {0} as {1} → {2}")
    @MethodSource
    void pages(String page, Caller caller, int expected) {
        var path = page.equals("ritas-request") ? "/requests/" + ritasRequest : page;

        var response = session(caller).get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 302) {
            assertThat(response.location()).endsWith("/login");
        }
    }

    private WebSession session(Caller caller) {
        return sessions.computeIfAbsent(caller, who -> {
            var session = new WebSession(port);
            return switch (who) {
                case ANONYMOUS -> session;
                case REQUESTER ->
                    session.logInThroughIssuer(
                            "rita", "rita@example.com", List.of("vendo-requesters", "team-web-team"));
                case OTHER_TEAM_REQUESTER ->
                    session.logInThroughIssuer(
                            "olga", "olga@example.com", List.of("vendo-requesters", "team-data-team"));
                case APPROVER ->
                    session.logInThroughIssuer(
                            "paul", "paul@example.com", List.of("vendo-approvers", "team-platform-team"));
                case ADMIN ->
                    session.logInThroughIssuer(
                            "ada", "ada@example.com", List.of("vendo-admins", "vendo-approvers", "team-admins"));
                default -> throw new IllegalArgumentException("Integrations do not use pages: " + who);
            };
        });
    }
}
