package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Decisions through the API: who may decide, and when. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class DecisionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String submitAs(String user) {
        return ApiClient.as(user, port).submit("sandbox-eu-west-1", "review-site", "Review app");
    }

    private ApiClient.Response decide(String user, String id, String decision, String comment) {
        return ApiClient.as(user, port)
                .postJson(
                        "/api/v1/requests/" + id + "/decisions",
                        "{\"decision\": \"%s\", \"comment\": \"%s\"}".formatted(decision, comment));
    }

    private String state(String id) {
        return jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, id);
    }

    @Test
    void anApproverMayNotApproveTheirOwnRequest() {
        var id = submitAs("approver");

        var response = decide("approver", id, "APPROVE", "");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().path("detail").asString())
                .isEqualTo("Nobody may approve or reject their own request");
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");
        assertThat(jdbc.queryForObject(
                        "select count(*) from approval_decision where request_id = ?::uuid", Integer.class, id))
                .isZero();
    }

    @Test
    void requestersWithoutTheApproverRoleMayNotDecide() {
        var id = submitAs("admin");

        var response = decide("requester", id, "APPROVE", "");

        assertThat(response.status()).isEqualTo(403);
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aDecisionOnARequestThatIsNoLongerPendingIsAConflict() {
        var id = submitAs("requester");
        assertThat(decide("approver", id, "REJECT", "Use the shared docs site").status())
                .isEqualTo(200);

        var late = decide("admin", id, "APPROVE", "");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).isEqualTo("application/problem+json");
        assertThat(late.body().path("detail").asString())
                .isEqualTo("Request %s is REJECTED; only requests waiting for approval can be decided".formatted(id));
        assertThat(state(id)).isEqualTo("REJECTED");
        assertThat(ApiClient.as("requester", port)
                        .get("/api/v1/requests/" + id)
                        .body()
                        .path("failureReason")
                        .asString())
                .isEqualTo("Use the shared docs site");
    }

    @Test
    void aRejectionNeedsAReason() {
        var id = submitAs("requester");

        var response = decide("approver", id, "REJECT", " ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void anUnknownDecisionIsRefused() {
        var id = submitAs("requester");

        var response = decide("approver", id, "MAYBE", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(state(id)).isEqualTo("PENDING_APPROVAL");
    }
}
