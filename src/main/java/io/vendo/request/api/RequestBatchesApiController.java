package io.vendo.request.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.request.SubmitBatch;
import io.vendo.request.UpdateFleet;
import io.vendo.web.ApiScopes;
import io.vendo.web.IdempotentCalls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/request-batches")
@Tag(name = "Request batches", description = "Fleets: many deployments of one blueprint, one approval, rolled out")
class RequestBatchesApiController {

    private final Requests requests;
    private final IdempotentCalls idempotentCalls;

    RequestBatchesApiController(Requests requests, IdempotentCalls idempotentCalls) {
        this.requests = requests;
        this.idempotentCalls = idempotentCalls;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "submitRequestBatch",
            summary = "Submit a fleet: one request per row, one approval for all",
            description = "Every row is validated exactly as a single request (target, parameters, placement, quota);"
                    + " all rows are stored or none. Row 0's approval decides every row; once approved, rows execute"
                    + " under the admission limits and the rollout policy. With an `Idempotency-Key`, a retry with the"
                    + " same key and body returns the first response instead of storing a second batch.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "201",
            description = "Stored; waits for approval.",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid rows, nothing stored: every problem in `errors` keyed like the body"
                    + " (`rows[3].parameters.SiteName`) and in `rows` as `{index, field, message}`; or invalid fields",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown blueprint",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The rows would exceed the team's quota of the blueprint",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> submit(
            @Valid @RequestBody CreateBatchBody body,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        return idempotentCalls.once(http, idempotencyKey, actor.username(), body, () -> created(body, actor));
    }

    private ResponseEntity<BatchResponse> created(CreateBatchBody body, Actor actor) {
        var rollout = body.rollout();
        var batch = requests.submitBatch(
                new SubmitBatch(
                        body.blueprint(),
                        body.justification(),
                        body.rows().stream()
                                .map(row -> new SubmitBatch.Row(
                                        row.target() == null ? "" : row.target(),
                                        row.parameters() == null ? Map.of() : row.parameters()))
                                .toList(),
                        rollout == null ? null : rollout.maxInFlight(),
                        rollout == null ? null : rollout.pauseAfterFailures()),
                actor);
        return ResponseEntity.created(URI.create("/api/v1/request-batches/" + batch.id()))
                .body(BatchResponse.of(batch));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getRequestBatch",
            summary = "Get a batch with each row's progress",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    BatchResponse get(@PathVariable UUID id, Actor actor) {
        return BatchResponse.of(requests.batch(id, actor));
    }

    @PostMapping("/{id}/resume")
    @Operation(
            operationId = "resumeRequestBatch",
            summary = "Resume a paused rollout",
            description = "The rows not started yet start again; the rollout pauses again after as many new"
                    + " failures. Only the batch's requester may.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(responseCode = "200", description = "Resumed: the batch is ROLLING again")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not the batch's requester (or lacks the scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The rollout is not paused",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    BatchResponse resume(@PathVariable UUID id, Actor actor) {
        return BatchResponse.of(requests.resumeBatch(id, actor));
    }

    @PostMapping(path = "/{id}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateRequestBatch",
            summary = "Roll a blueprint version and/or parameter values out to every environment a fleet created",
            description = "Files an UPDATE request for the environment of each of the fleet's rows, as a batch of its"
                    + " own: values left out keep each environment's current ones (NoEcho values too), and rows"
                    + " without an environment to update (the row did not succeed, decommissioned, busy, already up to"
                    + " date) are left out and listed in `skipped` with the reason. AWS computes each row's preview"
                    + " (change set) first; one approval decides every row, opened once every preview is there, and"
                    + " bound to that set of previews: a decision names the batch's `approvalRound`, and when a row's"
                    + " preview goes stale and is computed again the approval asks again in a new round (a decision"
                    + " on the old one is refused with 409). Once approved, the rows run under the rollout policy"
                    + " (the fleet's unless given) and the admission limits. Only the fleet's requester may, once the"
                    + " fleet and its earlier updates ended.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "201",
            description = "Filed; waits for its previews and its approval",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Nothing to update, a version that does not exist, an unknown parameter, or rows the update"
                    + " cannot apply to (`errors` keyed `rows[3].parameters.SiteName`, `rows[3].version`); nothing"
                    + " stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not the fleet's requester (or lacks the scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown batch, or one the caller may not see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The fleet (or its last update) is still rolling out, or the batch is itself an update",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> update(
            @PathVariable UUID id,
            @Valid @RequestBody UpdateBatchBody body,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        return idempotentCalls.once(
                http,
                idempotencyKey,
                actor.username(),
                Map.of("operation", "fleet-update", "batch", id.toString(), "body", body),
                () -> {
                    var rollout = body.rollout();
                    var batch = requests.updateFleet(
                            id,
                            new UpdateFleet(
                                    body.version(),
                                    body.parameters() == null ? Map.of() : body.parameters(),
                                    body.justification(),
                                    rollout == null ? null : rollout.maxInFlight(),
                                    rollout == null ? null : rollout.pauseAfterFailures()),
                            actor);
                    return ResponseEntity.created(URI.create("/api/v1/request-batches/" + batch.id()))
                            .body(BatchResponse.of(batch));
                });
    }

    /**
     * @param version the blueprint version to roll out; left out: each environment keeps its own
     * @param parameters the values to change, by parameter name; those left out keep each environment's current one
     * @param justification why the fleet should change; shown to approvers
     * @param rollout how the approved rows are rolled out; left out: the fleet's policy
     */
    record UpdateBatchBody(
            @Nullable @Positive Integer version,
            @Nullable Map<String, String> parameters,
            @NotBlank @Size(max = 2000) String justification,
            @Valid @Nullable RolloutBody rollout) {}

    /**
     * @param blueprint the blueprint's slug; its newest version is pinned for every row
     * @param justification why this is needed; shown to approvers, the same for every row
     * @param rows one deployment each: a target's slug and parameter values (omitted ones take the template's default)
     * @param rollout how the approved rows are rolled out; omitted: the portal's defaults
     */
    record CreateBatchBody(
            @NotBlank String blueprint,
            @NotBlank @Size(max = 2000) String justification,
            @NotEmpty List<RowBody> rows,
            @Valid @Nullable RolloutBody rollout) {}

    /**
     * @param target the target's slug, as listed by {@code GET /api/v1/targets}
     * @param parameters template parameter values by name
     */
    record RowBody(@Nullable String target, @Nullable Map<String, String> parameters) {}

    /**
     * @param maxInFlight rows executing at once, besides the admission limits per account and overall
     * @param pauseAfterFailures failed rows after which the rollout pauses until resumed
     */
    record RolloutBody(@Min(1) @Nullable Integer maxInFlight, @Min(1) @Nullable Integer pauseAfterFailures) {}
}
