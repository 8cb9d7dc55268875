package io.vendo.environment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.environment.Environments;
import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.web.ApiScopes;
import io.vendo.web.BoundedInstant;
import io.vendo.web.IdempotentCalls;
import io.vendo.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The day-2 requests an environment's owner files: an extension, an update, a decommissioning. Each is idempotent per
 * {@code Idempotency-Key}, and each may be refused the same ways, said once here for all of them.
 */
@RestController
@RequestMapping("/api/v1/environments")
@Tag(name = EnvironmentsApiController.TAG, description = EnvironmentsApiController.TAG_DESCRIPTION)
@ApiResponse(
        responseCode = "403",
        description = "The caller is not the environment's owner (nor an admin)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
class DayTwoApiController {

    private final Environments environments;
    private final IdempotentCalls idempotentCalls;

    DayTwoApiController(Environments environments, IdempotentCalls idempotentCalls) {
        this.environments = environments;
        this.idempotentCalls = idempotentCalls;
    }

    @PostMapping(path = "/{id}/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "extendEnvironment",
            summary = "Request a later expiry",
            description = "Files an EXTEND request, which goes through the approval policy for extensions and then"
                    + " moves the lease. Only the owner or an admin may; one day-2 request at a time. With an"
                    + " `Idempotency-Key`, a retry with the same key and body returns the first response.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "201",
            description = "Filed; waits for approval (or was approved by its policy)",
            content = @Content(schema = @Schema(implementation = FiledRequestResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "The expiry is not later than the current one, or past the blueprint's maximum lifetime; or"
                    + " invalid fields",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The environment is busy with another day-2 request or has no lease",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> extend(
            @PathVariable UUID id,
            @Valid @RequestBody ExtensionBody body,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        if (!BoundedInstant.accepts(body.expiresAt())) {
            throw new InvalidInputException(Map.of("expiresAt", "must be an instant between the years 1 and 9999"));
        }
        return once(
                "extensions",
                id,
                body,
                idempotencyKey,
                actor,
                http,
                () -> environments.extend(id, body.expiresAt(), body.justification(), actor));
    }

    @PostMapping(path = "/{id}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateEnvironment",
            summary = "Request new parameter values or a newer blueprint version",
            description = "Files an UPDATE request. Its values are validated against the (new) version's form exactly"
                    + " as a new request's; values left out keep their current ones (NoEcho values too). For a stack,"
                    + " AWS computes the change set first and approvers see it (what is added, modified, removed,"
                    + " replaced) before they decide; once approved, that change set and no other is executed (one"
                    + " that went stale in between is computed again and goes back to the approvers). Only the owner"
                    + " or an admin may; one day-2 request at a time. With an `Idempotency-Key`, a retry with the"
                    + " same key and body returns the first response.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "201",
            description = "Filed; waits for its preview and approval (or was approved by its policy)",
            content = @Content(schema = @Schema(implementation = FiledRequestResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid values for the version's form (each named in `errors`), a version that is older"
                    + " than the environment's or does not exist, nothing to change, or invalid fields",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The environment is busy with another day-2 request or not active, or its blueprint is"
                    + " retired",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> update(
            @PathVariable UUID id,
            @Valid @RequestBody UpdateBody body,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        return once(
                "updates",
                id,
                body,
                idempotencyKey,
                actor,
                http,
                () -> environments.update(id, body.version(), body.parametersOrNone(), body.justification(), actor));
    }

    @PostMapping(path = "/{id}/decommissions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "decommissionEnvironment",
            summary = "Request decommissioning",
            description = "Files a DECOMMISSION request: once approved under the policy for decommissions, everything"
                    + " the environment holds in AWS is removed (resources its template retains are listed). Only the"
                    + " owner or an admin may; one day-2 request at a time. With an `Idempotency-Key`, a retry with"
                    + " the same key and body returns the first response.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "201",
            description = "Filed; waits for approval (or was approved by its policy)",
            content = @Content(schema = @Schema(implementation = FiledRequestResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The environment is busy with another day-2 request or is decommissioned already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> decommission(
            @PathVariable UUID id,
            @Valid @RequestBody DecommissionBody body,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        return once(
                "decommissions",
                id,
                body,
                idempotencyKey,
                actor,
                http,
                () -> environments.decommission(id, body.justification(), actor));
    }

    /**
     * Files the request once per {@code Idempotency-Key}: the same key and body replay the first response. The
     * operation and environment are part of what the key is compared with, so the same key on another environment is
     * refused, not answered with the first one's request.
     */
    private ResponseEntity<?> once(
            String operation,
            UUID environment,
            Object body,
            @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http,
            Supplier<RequestView> file) {
        return idempotentCalls.once(
                http,
                idempotencyKey,
                actor.username(),
                Map.of("operation", operation, "environment", environment.toString(), "body", body),
                () -> created(file.get()));
    }

    private static ResponseEntity<FiledRequestResponse> created(RequestView request) {
        return ResponseEntity.created(URI.create("/api/v1/requests/" + request.id()))
                .body(FiledRequestResponse.of(request));
    }
}
