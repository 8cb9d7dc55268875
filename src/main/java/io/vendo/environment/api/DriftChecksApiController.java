package io.vendo.environment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.environment.DriftChecks;
import io.vendo.identity.Actor;
import io.vendo.web.ApiScopes;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Drift checks of a STACK environment: start one, follow it. */
@RestController
@RequestMapping("/api/v1/environments")
@Tag(name = EnvironmentsApiController.TAG, description = EnvironmentsApiController.TAG_DESCRIPTION)
class DriftChecksApiController {

    private final DriftChecks driftChecks;

    DriftChecksApiController(DriftChecks driftChecks) {
        this.driftChecks = driftChecks;
    }

    @PostMapping("/{id}/drift-checks")
    @Operation(
            operationId = "checkEnvironmentDrift",
            summary = "Check a STACK environment for drift",
            description = "Starts a drift check (CloudFormation's DetectStackDrift, then its status until complete,"
                    + " then the resources that differ) and answers at once; follow it at the `Location`. While one"
                    + " runs, asking again answers that one. Only the owner or an admin may; the environment must be"
                    + " ACTIVE or DRIFTED and free of day-2 requests. Without AWS configured the check ends in"
                    + " DRY_RUN and shows the calls it would have made.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "202",
            description = "Started (or already running)",
            headers =
                    @Header(
                            name = HttpHeaders.LOCATION,
                            description = "The drift check, as a path on this portal",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = DriftCheckResponse.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not the environment's owner (nor an admin)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such environment, or none the caller may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "Not a STACK environment, not ACTIVE or DRIFTED, or busy with a day-2 request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<DriftCheckResponse> checkDrift(@PathVariable UUID id, Actor actor) {
        var check = driftChecks.request(id, actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/environments/%s/drift-checks/%s".formatted(id, check.id())))
                .body(DriftCheckResponse.of(check));
    }

    @GetMapping("/{id}/drift-checks/{checkId}")
    @Operation(
            operationId = "getEnvironmentDriftCheck",
            summary = "Get a drift check",
            description = "Its state and, once it ended, CloudFormation's verdict and the resources that differ.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @ApiResponse(
            responseCode = "200",
            description = "The drift check",
            content = @Content(schema = @Schema(implementation = DriftCheckResponse.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such environment or check, or none the caller may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    DriftCheckResponse driftCheck(@PathVariable UUID id, @PathVariable UUID checkId, Actor actor) {
        return DriftCheckResponse.of(driftChecks.get(id, checkId, actor));
    }
}
