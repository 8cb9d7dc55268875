package io.vendo.request;

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

/** The request API as an integration uses it, in dry-run mode: good input is stored, bad input is refused. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class RequestApiTest {

    private static final String VALID =
            """
            {"blueprint": "static-website", "target": "sandbox-eu-west-1",
             "parameters": {"SiteName": "docs-site"}, "justification": "Team documentation"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient requester() {
        return ApiClient.as("requester", port);
    }

    private int storedRequests() {
        return jdbc.queryForObject("select count(*) from vending_request", Integer.class);
    }

    @Test
    void submittedRequestWaitsForApprovalWithDefaultsFilledIn() {
        var response = requester().postJson("/api/v1/requests", VALID);

        assertThat(response.status()).isEqualTo(201);
        var body = response.body();
        assertThat(body.path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(body.path("requester").asString()).isEqualTo("requester");
        assertThat(body.path("team").asString()).isEqualTo("web-team");
        assertThat(body.path("parameters").path("SiteName").asString()).isEqualTo("docs-site");
        assertThat(body.path("parameters").path("IndexDocument").asString()).isEqualTo("index.html");
        assertThat(body.path("parameters").path("NoncurrentVersionDays").asString())
                .isEqualTo("30");

        var read = requester().get("/api/v1/requests/" + body.path("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("justification").asString()).isEqualTo("Team documentation");
    }

    @Test
    void approvedRequestEndsInDryRunWithTheRenderedCallsNeverSucceeded() {
        var id = requester()
                .postJson("/api/v1/requests", VALID)
                .body()
                .path("id")
                .asString();

        ApiClient.as("approver", port).postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");

        var request = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> requester().get("/api/v1/requests/" + id).body(),
                        body -> body.path("state").asString().equals("DRY_RUN"));
        assertThat(request.path("dryRunPlan").asString())
                .startsWith("In account 111122223333, region eu-west-1:")
                .contains("CloudFormation CreateChangeSet\n  StackName: vendo-static-website-" + id)
                .contains("ChangeSetType: CREATE")
                .contains("ClientToken: vendo-" + id + "-create-change-set")
                .contains("Parameter SiteName: docs-site")
                .contains("Tag vendo:request-id: " + id)
                .contains("CloudFormation ExecuteChangeSet")
                .contains("ClientRequestToken: vendo-" + id + "-execute-change-set");
        assertThat(request.path("outputs").isEmpty()).isTrue();
    }

    @Test
    void unknownBlueprintOrTargetIsNotFoundAndNothingIsStored() {
        var before = storedRequests();

        var blueprint = requester().postJson("/api/v1/requests", VALID.replace("static-website", "no-such-thing"));
        var target = requester().postJson("/api/v1/requests", VALID.replace("sandbox-eu-west-1", "nowhere"));

        assertThat(blueprint.status()).isEqualTo(404);
        assertThat(blueprint.contentType()).isEqualTo("application/problem+json");
        assertThat(blueprint.body().path("detail").asString()).isEqualTo("No blueprint 'no-such-thing' in the catalog");
        assertThat(target.status()).isEqualTo(404);
        assertThat(target.body().path("detail").asString()).isEqualTo("No target 'nowhere' in the catalog");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void parameterValuesCloudFormationWouldRefuseAreListedAndNothingIsStored() {
        var before = storedRequests();

        var response = requester()
                .postJson(
                        "/api/v1/requests",
                        """
                {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                 "parameters": {"SiteName": "Bad Name", "Versioning": "Sometimes", "Colour": "blue"},
                 "justification": "x"}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        var errors = response.body().path("errors");
        assertThat(errors.path("SiteName").asString())
                .isEqualTo("Parameter 'SiteName' failed to satisfy constraint: "
                        + "must be 3 to 41 lower-case letters, digits or hyphens, starting with a letter");
        assertThat(errors.path("Versioning").asString())
                .isEqualTo("Parameter 'Versioning' must be one of AllowedValues");
        assertThat(errors.path("Colour").asString()).isEqualTo("Parameters: [Colour] do not exist in the template");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void missingParameterAndMissingFieldsAreRefused() {
        var missingParameter = requester()
                .postJson(
                        "/api/v1/requests",
                        """
                {"blueprint": "static-website", "target": "sandbox-eu-west-1", "justification": "x"}
                """);
        var missingFields = requester().postJson("/api/v1/requests", "{\"blueprint\": \"static-website\"}");

        assertThat(missingParameter.status()).isEqualTo(400);
        assertThat(missingParameter.body().path("errors").path("SiteName").asString())
                .isEqualTo("Parameters: [SiteName] must have values");
        assertThat(missingFields.status()).isEqualTo(400);
        assertThat(missingFields.contentType()).isEqualTo("application/problem+json");
        assertThat(missingFields.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("target", "justification");
    }

    @Test
    void malformedJsonAndWrongContentTypeAreRefusedAsProblems() {
        var before = storedRequests();

        var malformed = requester().postJson("/api/v1/requests", "{\"blueprint\": ");
        var wrongType = requester().post("/api/v1/requests", "text/plain", VALID);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).isEqualTo("application/problem+json");
        assertThat(malformed.body().path("detail").asString())
                .isEqualTo("The request body is not valid JSON for this operation");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).isEqualTo("application/problem+json");
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void unknownRequestIsNotFoundAndOthersRequestsAreInvisibleToRequesters() {
        var unknown = requester().get("/api/v1/requests/00000000-0000-0000-0000-000000000000");
        var adminsRequest = ApiClient.as("admin", port)
                .postJson("/api/v1/requests", VALID)
                .body()
                .path("id")
                .asString();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(requester().get("/api/v1/requests/" + adminsRequest).status())
                .isEqualTo(404);
        assertThat(ApiClient.as("approver", port)
                        .get("/api/v1/requests/" + adminsRequest)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anonymousCallersAreChallenged() {
        var response = ApiClient.as("nobody", port).get("/api/v1/blueprints");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
}
