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
import io.vendo.client.model.DriftCheckResponse;
import io.vendo.client.model.EnvironmentResponse;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A drift check through the generated client, in dry-run mode: 202 with the check's Location, and the check ends in
     * DRY_RUN with the calls it would have made; the environment's status stays as it was, and its page says DRY-RUN.
     * Unknown environments are problem details.
     */
    @Test
    void aDriftCheckThroughTheGeneratedClientRunsDryAndSaysSo() throws Exception {
        var environment = seedStackEnvironment("requester");
        var environments = new EnvironmentsApi(as("requester"));

        var started = environments.checkEnvironmentDriftWithHttpInfo(environment);
        assertThat(started.getStatusCode()).isEqualTo(202);
        var check = started.getData();
        assertThat(started.getHeaders().get("location"))
                .containsExactly("/api/v1/environments/%s/drift-checks/%s".formatted(environment, check.getId()));
        var ended = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> environments.getEnvironmentDriftCheck(environment, check.getId()),
                        found -> found.getState() == DriftCheckResponse.StateEnum.DRY_RUN);
        assertThat(ended.getPlan()).contains("CloudFormation DetectStackDrift", "DescribeStackResourceDrifts");
        assertThat(ended.getReason()).startsWith("Dry run");
        assertThat(ended.getDriftedResources()).isEmpty();
        var after = environments.getEnvironment(environment);
        assertThat(after.getStatus()).isEqualTo(EnvironmentResponse.StatusEnum.ACTIVE);
        assertThat(after.getDrift()).isNull();
        assertThat(new io.vendo.support.WebSession(port)
                        .logIn("requester")
                        .get("/environments/" + environment)
                        .body())
                .contains("DRY-RUN: no AWS is configured");
        assertThat(jdbc.queryForObject("select state from drift_check where id = ?", String.class, check.getId()))
                .isEqualTo("DRY_RUN");

        assertThatThrownBy(() -> environments.checkEnvironmentDrift(UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        ApiException.class, error -> assertThat(error.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> environments.getEnvironmentDriftCheck(environment, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        ApiException.class, error -> assertThat(error.getCode()).isEqualTo(404));
    }

    /** A STACK environment as a succeeded request of the demo's static website leaves it (dry runs never succeed). */
    private UUID seedStackEnvironment(String owner) {
        var version = jdbc.queryForMap(
                """
                select v.id, b.name, v.number from blueprint_version v join blueprint b on b.id = v.blueprint_id
                where b.slug = 'static-website' order by v.number desc limit 1""");
        var target = jdbc.queryForMap("select id, slug, name from target where slug = 'sandbox-eu-west-1'");
        var request = UUID.randomUUID();
        var environment = UUID.randomUUID();
        var stackId = "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-static-website-%s/%s"
                .formatted(request, UUID.randomUUID());
        jdbc.update(
                """
                insert into vending_request (id, kind, state, blueprint_version_id, blueprint_slug, blueprint_name,
                    blueprint_version, target_id, target_slug, target_name, parameters, justification, requester, team,
                    outputs, submitted_at, updated_at, version)
                values (?, 'PROVISION', 'SUCCEEDED', ?, 'static-website', ?, ?, ?, ?, ?, '{"SiteName": "seeded"}'::jsonb,
                    'Seeded', ?, 'web-team', '{}'::jsonb, now(), now(), 0)""",
                request,
                version.get("id"),
                version.get("name"),
                version.get("number"),
                target.get("id"),
                target.get("slug"),
                target.get("name"),
                owner);
        jdbc.update(
                """
                insert into environment (id, provisioned_by, parameters_from, blueprint_slug, blueprint_name,
                    blueprint_kind, blueprint_version_id, blueprint_version, target_id, target_slug, target_name, tier,
                    owner, team,
                    parameters, outputs, handles, status, expiry_paused, reminders_sent, history, created_at,
                    updated_at, version)
                values (?, ?, ?, 'static-website', ?, 'STACK', ?, ?, ?, ?, ?, 'SANDBOX', ?, 'web-team',
                    '{"SiteName": "seeded"}'::jsonb, '{}'::jsonb, jsonb_build_object('StackId', ?::text), 'ACTIVE',
                    false, '[]'::jsonb, '[]'::jsonb, now(), now(), 0)""",
                environment,
                request,
                request,
                version.get("name"),
                version.get("id"),
                version.get("number"),
                target.get("id"),
                target.get("slug"),
                target.get("name"),
                owner,
                stackId);
        return environment;
    }
}
