package io.vendo.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Requests of the demo blueprint submitted by {@code requester} and approved by {@code approver}, over the API. */
public final class ApprovedRequests {

    private final int port;

    public ApprovedRequests(int port) {
        this.port = port;
    }

    /** @return the new request's id, once it is APPROVED */
    public String submitAndApprove(String target, String siteName) {
        var id = ApiClient.as("requester", port).submit(target, siteName, "Needed for the execution tests");
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"go\"}");
        if (decided.status() != 200) {
            throw new AssertionError("Approval was refused: " + decided);
        }
        return id;
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
}
