package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document is exactly what the portal generates. After an API change, rewrite it with
 * {@code ./mvnw verify -Dfrontend.skip=true -Dtest=OpenApiDocumentTest -Dvendo.openapi.write=true} and commit it (the
 * generated client in the test sources is built from it on the next build).
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/resources/openapi/vendo-api.yaml");

    @LocalServerPort
    int port;

    private HttpResponse<String> anonymousGet(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void committedDocumentIsTheGeneratedOne() throws Exception {
        var generated = anonymousGet("/v3/api-docs.yaml").body();
        if (Boolean.getBoolean("vendo.openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }

        assertThat(Files.exists(COMMITTED))
                .as(
                        "%s is missing: run ./mvnw verify -Dfrontend.skip=true -Dtest=OpenApiDocumentTest"
                                + " -Dvendo.openapi.write=true",
                        COMMITTED)
                .isTrue();
        assertThat(Files.readString(COMMITTED))
                .as(
                        "The API changed but %s did not: run ./mvnw verify -Dfrontend.skip=true -Dtest=OpenApiDocumentTest"
                                + " -Dvendo.openapi.write=true, review the diff and commit it",
                        COMMITTED)
                .isEqualTo(generated);
    }

    @Test
    void documentDescribesEveryOperationWithIdsScopesAndProblemDetails() throws Exception {
        var response = anonymousGet("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());

        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        var operations = document.path("paths").findParents("operationId");
        assertThat(operations).isNotEmpty();
        for (var operation : operations) {
            var id = operation.path("operationId").asString();
            assertThat(id).as("operation id").matches("[a-z][A-Za-z]+").doesNotContain("_");
            assertThat(operation.path("tags")).as("%s tags", id).isNotEmpty();
            assertThat(operation.path("security").path(0).path("bearer"))
                    .as("%s scopes", id)
                    .isNotEmpty();
            assertThat(operation.path("responses").path("400").path("content").has("application/problem+json"))
                    .as("%s documents problem details", id)
                    .isTrue();
        }
        var submitResponses =
                document.path("paths").path("/api/v1/requests").path("post").path("responses");
        assertThat(submitResponses.propertyNames()).contains("201", "409", "413", "415", "422");
    }

    @Test
    void everyOperationTakingAnIdempotencyKeyDocumentsTheReplayAndTheKeysRefusals() throws Exception {
        JsonNode document = JsonMapper.builder()
                .build()
                .readTree(anonymousGet("/v3/api-docs").body());
        var idempotent = document.path("paths").findParents("operationId").stream()
                .filter(operation -> operation.path("parameters").valueStream().anyMatch(parameter -> "Idempotency-Key"
                        .equals(parameter.path("name").asString())))
                .toList();

        assertThat(idempotent)
                .extracting(operation -> operation.path("operationId").asString())
                .contains(
                        "submitRequest",
                        "submitRequestBatch",
                        "extendEnvironment",
                        "updateEnvironment",
                        "decommissionEnvironment",
                        "abandonRequest");
        for (var operation : idempotent) {
            var id = operation.path("operationId").asString();
            var key = operation
                    .path("parameters")
                    .valueStream()
                    .filter(parameter ->
                            "Idempotency-Key".equals(parameter.path("name").asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(key.path("in").asString()).as("%s key", id).isEqualTo("header");
            assertThat(key.path("description").asString()).as("%s key", id).contains("24 hours");
            assertThat(key.path("schema").path("maxLength").asInt())
                    .as("%s key", id)
                    .isEqualTo(255);
            var responses = operation.path("responses");
            // What creates something says where (201); what moves a request on answers with it (200).
            var created = responses.has("201") ? responses.path("201") : responses.path("200");
            assertThat(created.path("headers").propertyNames())
                    .as("%s success headers", id)
                    .contains("Idempotent-Replayed");
            assertThat(created.path("headers").has("Location"))
                    .as("%s Location", id)
                    .isEqualTo(responses.has("201"));
            assertThat(created.path("headers")
                            .path("Idempotent-Replayed")
                            .path("schema")
                            .path("type")
                            .asString())
                    .isEqualTo("boolean");
            assertThat(responses.path("409").path("description").asString())
                    .as("%s 409", id)
                    .contains("same `Idempotency-Key` is still being processed");
            assertThat(responses.path("422").path("description").asString())
                    .as("%s 422", id)
                    .contains("already used");
            assertThat(responses.path("422").path("content").has("application/problem+json"))
                    .as("%s 422 problem", id)
                    .isTrue();
            assertThat(responses.path("400").path("description").asString())
                    .as("%s 400", id)
                    .contains("more than one `Idempotency-Key` header");
        }
    }
}
