package io.vendo.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.SyncReport;
import io.vendo.web.ApiScopes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform team's catalog changes over the API: blueprints, versions, targets, and the directory sync. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Catalog administration", description = "Blueprints, versions and targets (admins)")
class CatalogAdminApiController {

    private final Catalog catalog;
    private final CatalogAdministration administration;

    CatalogAdminApiController(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @Operation(
            operationId = "createBlueprint",
            summary = "Create a blueprint with its first version",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PostMapping(path = "/blueprints", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BlueprintDetailsResponse> create(@RequestBody BlueprintInput input) {
        if (input.kind() == null) {
            throw new InvalidInputException(
                    "kind", "Choose STACK, ACCOUNT, SERVICE_CATALOG_PRODUCT, STACK_SET or COMPOSITE");
        }
        var version = administration.create(
                new NewBlueprint(input.slugOrEmpty(), input.kind(), input.metadata(), input.version()));
        return ResponseEntity.created(URI.create("/api/v1/blueprints/" + version.slug()))
                .body(BlueprintDetailsResponse.of(catalog.blueprint(version.slug()), catalog.versions(version.slug())));
    }

    /** 201 with the new version; 200 with the newest one when it already holds the same template and settings. */
    @Operation(
            operationId = "addBlueprintVersion",
            summary = "Add a version to a blueprint",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PostMapping(path = "/blueprints/{blueprint}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionResponse> addVersion(@PathVariable String blueprint, @RequestBody VersionInput input) {
        var outcome = administration.addVersion(
                catalog.blueprint(blueprint).id(),
                BlueprintInput.version(
                        input.template(),
                        input.capabilities(),
                        input.delivery(),
                        input.components(),
                        input.templates()));
        var body = VersionResponse.of(outcome.version(), outcome.aws());
        var location = URI.create("/api/v1/blueprints/%s/versions/%d"
                .formatted(outcome.version().slug(), outcome.version().number()));
        return outcome.created()
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    @Operation(
            operationId = "updateBlueprint",
            summary = "Change a blueprint's metadata",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PutMapping(path = "/blueprints/{blueprint}", consumes = MediaType.APPLICATION_JSON_VALUE)
    BlueprintDetailsResponse describe(@PathVariable String blueprint, @RequestBody BlueprintInput input) {
        var id = catalog.blueprint(blueprint).id();
        var details = administration.describe(id, input.metadata());
        return BlueprintDetailsResponse.of(details, catalog.versions(details.slug()));
    }

    @Operation(
            operationId = "retireBlueprint",
            summary = "Retire a blueprint",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PostMapping("/blueprints/{blueprint}/retire")
    BlueprintDetailsResponse retire(@PathVariable String blueprint) {
        var details = administration.retire(catalog.blueprint(blueprint).id());
        return BlueprintDetailsResponse.of(details, catalog.versions(details.slug()));
    }

    @Operation(
            operationId = "createTarget",
            summary = "Create a target",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PostMapping(path = "/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TargetAdminResponse> createTarget(@RequestBody NewTarget input) {
        var target = administration.createTarget(input);
        return ResponseEntity.created(URI.create("/api/v1/targets/" + target.slug()))
                .body(TargetAdminResponse.of(target));
    }

    @Operation(
            operationId = "updateTarget",
            summary = "Change a target",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PutMapping(path = "/targets/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TargetAdminResponse updateTarget(@PathVariable String slug, @RequestBody NewTarget input) {
        // The slug may be left out of the body: it is the path's.
        return TargetAdminResponse.of(
                administration.updateTarget(slug, input.slug() == null ? input.withSlug(slug) : input));
    }

    @Operation(
            operationId = "syncCatalog",
            summary = "Sync the catalog directory",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PostMapping("/catalog/sync")
    SyncReport sync() {
        return administration.synchronize();
    }

    /**
     * Each product of the portfolio becomes a blueprint (or a new version of the one imported before) with the form
     * Service Catalog provisions its newest active artifact with; the report says what happened per product.
     */
    @Operation(
            operationId = "importServiceCatalogPortfolio",
            summary = "Import a Service Catalog portfolio's products as blueprints",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.ADMIN))
    @PostMapping(path = "/catalog/service-catalog-imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    SyncReport importPortfolio(@RequestBody PortfolioImportInput input) {
        return administration.importPortfolio(
                input.portfolioId() == null ? "" : input.portfolioId().strip());
    }

    /** @param portfolioId the portfolio, {@code port-…} */
    record PortfolioImportInput(@Nullable String portfolioId) {}

    /** A new version: a template and its delivery, or a COMPOSITE blueprint's components and templates. */
    record VersionInput(
            @Nullable String template,
            @Nullable List<String> capabilities,
            io.vendo.catalog.@Nullable Delivery delivery,
            @Nullable List<BlueprintInput.ComponentInput> components,
            @Nullable Map<String, String> templates) {}

    /** A target as admins see it: with the role and whether an external id is set, never the external id itself. */
    record TargetAdminResponse(
            String slug,
            String name,
            String accountId,
            String region,
            EnvironmentTier environment,
            @Nullable String executionRoleArn,
            boolean externalIdSet,
            List<String> allowedBlueprints,
            List<String> allowedOrganizationalUnits) {

        static TargetAdminResponse of(io.vendo.catalog.TargetDetails target) {
            return new TargetAdminResponse(
                    target.slug(),
                    target.name(),
                    target.accountId(),
                    target.region(),
                    target.environment(),
                    target.executionRoleArn(),
                    target.externalId() != null,
                    target.allowedBlueprints(),
                    target.allowedOrganizationalUnits());
        }
    }
}
