package io.vendo.environment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.environment.DriftChecks;
import io.vendo.environment.EnvironmentSearch;
import io.vendo.environment.Environments;
import io.vendo.identity.Actor;
import io.vendo.web.ApiScopes;
import io.vendo.web.BoundedInstant;
import io.vendo.web.InvalidInputException;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Environments as their owners, their teams and admins see them; day-2 requests and drift checks have their own. */
@RestController
@RequestMapping("/api/v1/environments")
@Tag(name = EnvironmentsApiController.TAG, description = EnvironmentsApiController.TAG_DESCRIPTION)
class EnvironmentsApiController {

    /** The API document's section for environments, which the day-2 and drift-check controllers share. */
    static final String TAG = "Environments";

    static final String TAG_DESCRIPTION =
            "What requests created: read them, update them, extend their leases, decommission them, check their drift";

    private final Environments environments;
    private final DriftChecks driftChecks;

    EnvironmentsApiController(Environments environments, DriftChecks driftChecks) {
        this.environments = environments;
        this.driftChecks = driftChecks;
    }

    @GetMapping
    @Operation(
            operationId = "listEnvironments",
            summary = "List environments",
            description = "The environments the caller may see (their own and their teams'; admins: all), newest"
                    + " first, a page at a time; filters combine.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    EnvironmentPage list(@ParameterObject @Valid EnvironmentListQuery query, BindingResult binding, Actor actor) {
        var errors = InvalidInputException.errors(binding);
        EnvironmentSearch.Position after = null;
        if (query.getCursor() != null && !errors.containsKey("cursor")) {
            after = EnvironmentCursor.decode(query.getCursor()).orElse(null);
            if (after == null) {
                errors.put("cursor", "not a cursor returned by this list");
            }
        }
        if (query.getExpiringBefore() != null && !BoundedInstant.accepts(query.getExpiringBefore())) {
            errors.putIfAbsent("expiringBefore", "must be an instant between the years 1 and 9999");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var result = environments.search(
                new EnvironmentSearch(
                        query.isMine(),
                        query.getBlueprint(),
                        query.getTarget(),
                        query.getTier(),
                        query.getStatus() == null ? Set.of() : Set.copyOf(query.getStatus()),
                        query.getExpiringBefore(),
                        after,
                        query.limitOrDefault()),
                actor);
        var items = result.environments().stream().map(EnvironmentResponse::of).toList();
        var next =
                result.hasMore() ? EnvironmentCursor.after(result.environments().getLast()) : null;
        return new EnvironmentPage(items, next);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getEnvironment",
            summary = "Get an environment",
            description = "Its status, owner, blueprint version, target, parameters, outputs, AWS handles, lease,"
                    + " history and, for a STACK environment, its newest drift check that found an answer.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @ApiResponse(
            responseCode = "200",
            description = "The environment",
            content = @Content(schema = @Schema(implementation = EnvironmentResponse.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such environment, or none the caller may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    EnvironmentResponse get(@PathVariable UUID id, Actor actor) {
        var environment = environments.get(id, actor);
        return EnvironmentResponse.of(
                environment, driftChecks.verdict(id).map(DriftCheckResponse::of).orElse(null));
    }
}
