package io.vendo.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Requests of the demo blueprint submitted by {@code requester} and approved by {@code approver}, over the API; on a
 * {@link MutableClock}, provisioned to their environment.
 */
public final class ApprovedRequests {

    private final int port;

    public ApprovedRequests(int port) {
        this.port = port;
    }

    /** @return the new request's id, once it is APPROVED */
    public String submitAndApprove(String target, String siteName) {
        var id = ApiClient.as("requester", port).submit(target, siteName, "Needed for the execution tests");
        approve(id);
        return id;
    }

    /** Approves the request as {@code approver}; fails the test unless the decision was accepted. */
    public void approve(String id) {
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        if (decided.status() != 200) {
            throw new AssertionError("Approval was refused: " + decided);
        }
    }

    /**
     * Submits the demo blueprint, approves it and lets the application's clock go on until the request SUCCEEDED.
     *
     * @return the environment the request made
     */
    public UUID provision(String target, String siteName, String justification, MutableClock clock, JdbcTemplate jdbc) {
        return provisioned(ApiClient.as("requester", port).submit(target, siteName, justification), clock, jdbc);
    }

    /**
     * Approves a submitted PROVISION request and lets the application's clock go on until it SUCCEEDED.
     *
     * @return the environment the request made
     */
    public UUID provisioned(String id, MutableClock clock, JdbcTemplate jdbc) {
        approve(id);
        awaitState(id, "SUCCEEDED", clock, jdbc);
        return jdbc.queryForObject("select id from environment where provisioned_by = ?::uuid", UUID.class, id);
    }

    public JsonNode get(String id) {
        return ApiClient.as("requester", port).get("/api/v1/requests/" + id).body();
    }

    public String state(String id) {
        return get(id).path("state").asString();
    }

    public void awaitState(String id, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> state(id), state::equals);
    }

    /** Lets the application's clock go on until the request (of any user) is in the state, read from the database. */
    public static void awaitState(String id, String state, MutableClock clock, JdbcTemplate jdbc) {
        clock.awaitAdvancing(
                () -> jdbc.queryForObject("select state from vending_request where id = ?::uuid", String.class, id),
                state::equals);
    }
}
