package io.vendo.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of {@code /api/v1/**} that springdoc generates from the controllers, served at
 * {@code /v3/api-docs} and committed as {@code src/main/resources/openapi/vendo-api.yaml}. Here: what holds for every
 * operation (the bearer token scheme and its scopes, problem+json errors), so that controllers only say what is
 * particular to them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";

    static final String INVALID_INPUT = "Invalid input: every invalid field or parameter is listed in `errors`";

    private static final String DESCRIPTION =
            """
            Vend AWS environments: list the catalog, submit requests, decide approvals, follow a request to its end.

            **Authentication.** Every operation needs an OAuth 2.0 access token (a JWT from the company's Cognito user \
            pool) as `Authorization: Bearer …`; people's tokens carry their groups, integrations' client-credentials \
            tokens carry scopes: `vendo/requests.read`, `vendo/requests.write`, `vendo/decisions.write`, \
            `vendo/admin`. Each operation names the scope it needs.

            **Errors** are RFC 9457 problem details (`application/problem+json`). A 400 for invalid input lists every \
            invalid field or query parameter in `errors`, by name. Bodies larger than 64 KiB (160 KiB on \
            `/api/v1/blueprints`, whose bodies carry a template of up to CloudFormation's 51,200 bytes) are refused \
            with 413 before they are read; JSON nested deeper than 32 levels, strings longer than 65,536 characters and \
            numbers longer than 64 digits are refused with 400. Text may not contain control characters (free text \
            keeps tabs and line breaks; names are single lines without invisible direction marks), `null` is refused \
            inside lists and maps, and instants lie between the years 1 and 9999; each refusal names its field, such \
            as `parameters.SiteName` or `allowedEnvironments[0]`. Requests refused before they reach an operation \
            (a malformed path, oversized headers, an unknown method) are answered with problem details too. When two \
            calls change the same thing at once, the one that loses gets 409 and changed nothing.

            **Pagination.** Lists are returned newest first, a page at a time: pass a page's `nextCursor` back as \
            `cursor` (unchanged, with the same filters) for the next page; the last page has no `nextCursor`. Pages \
            neither skip nor repeat items while new ones are added.

            **Idempotency.** The operations that create something take an `Idempotency-Key` header (1 to 255 \
            characters, per caller; each such operation lists it): a retry with the same key and body returns the \
            first response with `Idempotent-Replayed: true` and creates nothing; the same key with another body is \
            refused with 422; a retry while the first is still being processed gets 409 and may be repeated shortly. \
            Keys are kept for 24 hours.
            """;

    @Bean
    OpenAPI vendoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vendo API").version("v1").description(DESCRIPTION))
                .servers(List.of(new Server().url("/").description("this portal")))
                .components(new Components()
                        .addSecuritySchemes(
                                ApiScopes.SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token of the company's identity provider;"
                                                + " client-credentials tokens need the scope each operation"
                                                + " names.")));
    }

    /** Adds the problem schema and, to every operation, the error responses that any of them can give. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            ModelConverters.getInstance(true)
                    .readAll(new AnnotatedType(ProblemDocument.class))
                    .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                add(operation, "400", INVALID_INPUT);
                add(operation, "401", "No valid access token");
                add(operation, "403", "The token lacks the role or scope this operation needs");
                add(operation, "406", "The `Accept` header allows no JSON");
                add(operation, "500", "An unexpected error; nothing was changed");
                if (operation.getRequestBody() != null) {
                    add(operation, "413", "The body is larger than the limit: 64 KiB, or 160 KiB for blueprints");
                    add(operation, "415", "The body is not `application/json`");
                }
                if (hasPathParameter(operation)) {
                    add(operation, "404", "No such item, or none the caller may see");
                }
                sort(operation);
            }));
        };
    }

    private static boolean hasPathParameter(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
    }

    private static void add(Operation operation, String status, String description) {
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, problem(description));
        }
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static void sort(Operation operation) {
        var sorted = new TreeMap<>(operation.getResponses());
        operation.getResponses().clear();
        sorted.forEach(operation.getResponses()::addApiResponse);
    }

    /**
     * An RFC 9457 problem detail as the API returns it (documentation only: the API writes Spring's
     * {@code ProblemDetail}).
     *
     * @param type a URI that names the kind of problem; {@code about:blank} when the status says it all
     * @param title a short summary of the kind of problem
     * @param status the HTTP status
     * @param detail what went wrong this time, for people
     * @param instance the path of the request that failed
     * @param errors for invalid input: what is wrong with each field or query parameter, by name
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = PROBLEM)
    record ProblemDocument(
            URI type,
            String title,
            int status,
            @Nullable String detail,
            @Nullable URI instance,
            @Nullable Map<String, String> errors) {}
}
