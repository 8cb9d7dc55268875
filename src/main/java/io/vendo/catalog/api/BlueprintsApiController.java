package io.vendo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogQuery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.web.ApiScopes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog", description = "What can be requested, and where")
@RequestMapping("/api/v1/blueprints")
class BlueprintsApiController {

    static final String SCHEMA_JSON = "application/schema+json";

    private final Catalog catalog;

    BlueprintsApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The blueprints that take requests, filtered: {@code q} (words in name, description, slug, owner), {@code kind},
     * {@code owner}, {@code tag} ({@code key} or {@code key=value}), {@code environment} (a tier the blueprint may
     * deploy to). {@code retired=true} lists retired ones too.
     */
    @Operation(
            operationId = "listBlueprints",
            summary = "List the blueprints",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @GetMapping
    List<BlueprintResponse> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable BlueprintKind kind,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable EnvironmentTier environment,
            @RequestParam(defaultValue = "false") boolean retired) {
        return catalog.search(new CatalogQuery(q, kind, owner, tag, environment, retired)).stream()
                .map(BlueprintResponse::of)
                .toList();
    }

    /** A blueprint by slug (or id), with its metadata and versions. */
    @Operation(
            operationId = "getBlueprint",
            summary = "Get a blueprint with its versions",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @GetMapping("/{blueprint}")
    BlueprintDetailsResponse get(@PathVariable String blueprint) {
        var details = details(blueprint);
        return BlueprintDetailsResponse.of(details, catalog.versions(details.slug()));
    }

    /** The version's parameter model as a JSON Schema (draft 2020-12) for a request's {@code parameters}. */
    @Operation(
            operationId = "getBlueprintVersionSchema",
            summary = "A version's parameters as a JSON Schema",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @GetMapping(
            value = "/{blueprint}/versions/{number}",
            produces = {SCHEMA_JSON, MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> schema(@PathVariable String blueprint, @PathVariable int number) {
        var slug = details(blueprint).slug();
        return ParameterSchema.of(
                catalog.version(slug, number), "/api/v1/blueprints/%s/versions/%d".formatted(slug, number));
    }

    /** The version's template, exactly as it was added. */
    @Operation(
            operationId = "getBlueprintVersionTemplate",
            summary = "A version's template",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @GetMapping(value = "/{blueprint}/versions/{number}/template", produces = MediaType.TEXT_PLAIN_VALUE)
    String template(@PathVariable String blueprint, @PathVariable int number) {
        return catalog.version(details(blueprint).slug(), number).templateBody();
    }

    private BlueprintDetails details(String slugOrId) {
        try {
            return catalog.blueprint(UUID.fromString(slugOrId));
        } catch (IllegalArgumentException notAnId) {
            return catalog.blueprint(slugOrId);
        }
    }

    record BlueprintResponse(
            UUID id,
            String slug,
            String name,
            String description,
            BlueprintKind kind,
            String owner,
            int latestVersion,
            Map<String, String> tags,
            List<EnvironmentTier> allowedEnvironments,
            boolean retired) {

        static BlueprintResponse of(BlueprintDetails blueprint) {
            var metadata = blueprint.metadata();
            return new BlueprintResponse(
                    blueprint.id(),
                    blueprint.slug(),
                    metadata.name(),
                    metadata.description(),
                    blueprint.kind(),
                    metadata.owner(),
                    blueprint.latestVersion(),
                    metadata.tags(),
                    metadata.allowedEnvironments(),
                    blueprint.retired());
        }
    }
}
