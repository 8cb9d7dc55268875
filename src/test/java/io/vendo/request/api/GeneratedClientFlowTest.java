package io.vendo.request.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vendo.client.ApiClient;
import io.vendo.client.ApiException;
import io.vendo.client.api.ApprovalsApi;
import io.vendo.client.api.CatalogApi;
import io.vendo.client.api.EnvironmentsApi;
import io.vendo.client.api.RequestsApi;
import io.vendo.client.model.BlueprintResponse;
import io.vendo.client.model.CreateRequestBody;
import io.vendo.client.model.DecisionBody;
import io.vendo.client.model.DecommissionBody;
import io.vendo.client.model.EventResponse;
import io.vendo.client.model.ExtensionBody;
import io.vendo.client.model.RequestResponse;
import io.vendo.client.model.TargetResponse;
import io.vendo.client.model.UpdateBody;
import io.vendo.support.VendoIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole request → decision → status flow through the client that openapi-generator makes from the committed
 * OpenAPI document (target/generated-test-sources), against the running portal: if the document and the API part
 * ways, this breaks.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class GeneratedClientFlowTest {

    @LocalServerPort
    int port;

    private ApiClient as(String user) {
        var client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        // The same credentials as the tests' own API client, whatever kind they are.
        var authorization = io.vendo.support.ApiClient.as(user, port).authorization();
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    @Test
    void requestDecisionAndStatusThroughTheGeneratedClient() throws Exception {
        var catalog = new CatalogApi(as("requester"));
        var blueprint = catalog.listBlueprints(null, null, null, null, null, null).stream()
                .map(BlueprintResponse::getSlug)
                .filter("static-website"::equals)
                .findFirst()
                .orElseThrow();
        var target = catalog.listTargets().stream()
                .map(TargetResponse::getSlug)
                .filter("sandbox-eu-west-1"::equals)
                .findFirst()
                .orElseThrow();
        var requests = new RequestsApi(as("requester"));
        var body = new CreateRequestBody()
                .blueprint(blueprint)
                .target(target)
                .parameters(Map.of("SiteName", "generated-client-site"))
                .justification("Submitted through the generated client");
        var key = UUID.randomUUID().toString();

        var submitted = requests.submitRequest(body, key);
        var replayed = requests.submitRequest(body, key);

        assertThat(submitted.getState()).isEqualTo(RequestResponse.StateEnum.PENDING_APPROVAL);
        assertThat(replayed.getId()).isEqualTo(submitted.getId());
        var listed = requests.listRequests(
                List.of("PENDING_APPROVAL"), blueprint, target, "requester", null, null, null, 100);
        assertThat(listed.getItems()).extracting(RequestResponse::getId).contains(submitted.getId());

        var decision = new ApprovalsApi(as("approver"))
                .decideRequest(submitted.getId(), new DecisionBody().decision(DecisionBody.DecisionEnum.APPROVE));
        assertThat(decision.getDecidedBy()).isEqualTo("approver");

        var finished = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> requests.getRequest(submitted.getId()),
                        request -> request.getState() == RequestResponse.StateEnum.DRY_RUN);
        assertThat(finished.getDryRunPlan()).contains("StackName: vendo-static-website-" + submitted.getId());
        assertThat(requests.listRequestEvents(submitted.getId()))
                .extracting(EventResponse::getAction)
                .contains("request.submitted", "request.approved");
    }

    @Test
    void errorsReachTheClientAsProblemDetails() {
        var requests = new RequestsApi(as("requester"));

        assertThatThrownBy(() -> requests.getRequest(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.getCode()).isEqualTo(404);
                    assertThat(error.getResponseHeaders().firstValue("Content-Type"))
                            .hasValue("application/problem+json");
                });
        assertThatThrownBy(() -> requests.listRequests(null, null, null, null, null, null, "bogus", 1000))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.getCode()).isEqualTo(400);
                    assertThat(error.getResponseBody()).contains("\"cursor\"", "\"limit\"");
                });
    }

    /** The environment operations through the generated client: pages, problem details, refusals of what is unknown. */
    @Test
    void environmentsThroughTheGeneratedClient() throws Exception {
        var environments = new EnvironmentsApi(as("requester"));

        var page = environments.listEnvironments(true, List.of("ACTIVE"), null, null, "SANDBOX", null, null, 5);
        assertThat(page.getItems())
                .allSatisfy(environment -> assertThat(environment.getOwner()).isEqualTo("requester"));
        var unknown = UUID.randomUUID();
        assertThatThrownBy(() -> environments.getEnvironment(unknown))
                .isInstanceOfSatisfying(
                        ApiException.class, error -> assertThat(error.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> environments.extendEnvironment(
                        unknown,
                        new ExtensionBody()
                                .expiresAt(java.time.OffsetDateTime.now().plusDays(30))
                                .justification("longer"),
                        UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(
                        ApiException.class, error -> assertThat(error.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> environments.updateEnvironment(
                        unknown,
                        new UpdateBody()
                                .version(2)
                                .parameters(java.util.Map.of("SiteName", "renamed"))
                                .justification("rename"),
                        UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.getCode()).isEqualTo(404);
                    assertThat(error.getResponseHeaders().firstValue("Content-Type"))
                            .hasValue("application/problem+json");
                });
        assertThatThrownBy(() -> environments.decommissionEnvironment(
                        unknown, new DecommissionBody().justification("done"), null))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.getCode()).isEqualTo(404);
                    assertThat(error.getResponseHeaders().firstValue("Content-Type"))
                            .hasValue("application/problem+json");
                });
    }
}
