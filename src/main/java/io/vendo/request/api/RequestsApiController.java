package io.vendo.request.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.audit.AuditEntry;
import io.vendo.audit.AuditTrail;
import io.vendo.catalog.StackSetChoice;
import io.vendo.identity.Actor;
import io.vendo.request.RequestSearch;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import io.vendo.web.ApiScopes;
import io.vendo.web.IdempotentCalls;
import io.vendo.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests", description = "Submit requests, follow them to their end, withdraw them")
class RequestsApiController {

    private final Requests requests;
    private final AuditTrail auditTrail;
    private final IdempotentCalls idempotentCalls;

    RequestsApiController(Requests requests, AuditTrail auditTrail, IdempotentCalls idempotentCalls) {
        this.requests = requests;
        this.auditTrail = auditTrail;
        this.idempotentCalls = idempotentCalls;
    }

    /**
     * Submits a request. With an {@code Idempotency-Key} header, a retry with the same key and body returns the first
     * response (marked {@code Idempotent-Replayed: true}) instead of creating a second request.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "submitRequest",
            summary = "Submit a request",
            description = "Validates the parameters against the blueprint's template exactly as CloudFormation would"
                    + " and stores the request, which then waits for approval. With `promotion`, it is the first step"
                    + " of a promotion: each further target gets the same version and values once the step before it"
                    + " succeeded (see `getRequestPromotion`). A StackSet request may choose its `organizationalUnits`"
                    + " (among its target's, checked with AWS Organizations) and `regions` (among its blueprint's)."
                    + " With an `Idempotency-Key`, a retry"
                    + " with the same key and body returns the first response instead of creating a second request.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "201",
            description = "Stored; waits for approval.",
            content = @Content(schema = @Schema(implementation = RequestResponse.class)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown blueprint or target",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, parameter values or promotion steps (each listed in `errors`, a step as"
                    + " `promotion[i]`)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> submit(
            @Valid @RequestBody CreateRequestBody body,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        return idempotentCalls.once(http, idempotencyKey, actor.username(), body, () -> created(body, actor));
    }

    private ResponseEntity<RequestResponse> created(CreateRequestBody body, Actor actor) {
        var submitted = requests.submit(
                new SubmitRequest(
                        body.blueprint(),
                        body.target(),
                        body.parameters() == null ? Map.of() : body.parameters(),
                        body.justification(),
                        body.promotion() == null ? List.of() : body.promotion(),
                        new StackSetChoice(
                                body.organizationalUnits() == null ? List.of() : body.organizationalUnits(),
                                body.regions() == null ? List.of() : body.regions())),
                actor);
        // Relative (RFC 9110 allows it): an absolute one would be built from the Host header the caller chose.
        var location = URI.create("/api/v1/requests/" + submitted.id());
        return ResponseEntity.created(location)
                .body(RequestResponse.of(submitted, requests.stackSetChoiceOf(submitted.id())));
    }

    /**
     * The requests the caller may see, newest first, a page at a time. Filters combine; the cursor of a page is only
     * meaningful with the filters it was returned for.
     */
    @GetMapping
    @Operation(
            operationId = "listRequests",
            summary = "List requests",
            description = "The requests the caller may see, newest first, a page at a time; filters combine.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    RequestPage list(@ParameterObject @Valid RequestListQuery query, BindingResult binding, Actor actor) {
        var errors = InvalidInputException.errors(binding);
        RequestSearch.Position after = null;
        if (query.getCursor() != null && !errors.containsKey("cursor")) {
            after = RequestCursor.decode(query.getCursor()).orElse(null);
            if (after == null) {
                errors.put("cursor", "not a cursor returned by this list");
            }
        }
        if (query.getSubmittedFrom() != null
                && query.getSubmittedBefore() != null
                && !query.getSubmittedFrom().isBefore(query.getSubmittedBefore())) {
            errors.putIfAbsent("submittedBefore", "must be later than submittedFrom");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var result = requests.search(
                new RequestSearch(
                        query.getState() == null ? Set.of() : Set.copyOf(query.getState()),
                        query.getBlueprint(),
                        query.getTarget(),
                        query.getRequester(),
                        query.getSubmittedFrom(),
                        query.getSubmittedBefore(),
                        after,
                        query.limitOrDefault()),
                actor);
        var items = result.requests().stream().map(RequestResponse::of).toList();
        var next = result.hasMore() ? RequestCursor.after(result.requests().getLast()) : null;
        return new RequestPage(items, next);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getRequest",
            summary = "Get a request",
            description = "Its state, parameters, outputs, and the dry-run plan or failure reason when there is one.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    RequestResponse get(@PathVariable UUID id, Actor actor) {
        return RequestResponse.of(requests.get(id, actor), requests.stackSetChoiceOf(id));
    }

    /** Withdraws a request that has not started yet; only its requester may. */
    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelRequest",
            summary = "Withdraw a request",
            description = "Withdraws a request that has not started: one waiting for approval, or approved and not yet"
                    + " taken up by the executor. Only its requester may.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(responseCode = "200", description = "Withdrawn: the request is CANCELLED")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not the request's requester (or lacks the scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The request has started or ended: only PENDING_APPROVAL and APPROVED requests can be"
                    + " withdrawn",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    RequestResponse cancel(@PathVariable UUID id, Actor actor) {
        return RequestResponse.of(requests.cancel(id, actor));
    }

    /** The request's audit trail, oldest first: submissions, decisions, refused attempts, reminders, AWS progress. */
    @GetMapping("/{id}/events")
    @Operation(
            operationId = "listRequestEvents",
            summary = "A request's timeline",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    List<EventResponse> events(@PathVariable UUID id, Actor actor) {
        requests.get(id, actor);
        return auditTrail.timeline(id.toString()).stream()
                .map(EventResponse::of)
                .toList();
    }

    record EventResponse(Instant occurredAt, String actor, String action, Map<String, String> details) {
        static EventResponse of(AuditEntry entry) {
            return new EventResponse(entry.occurredAt(), entry.actor(), entry.action(), entry.details());
        }
    }

    /**
     * @param blueprint the blueprint's slug, as listed by {@code GET /api/v1/blueprints}
     * @param target the target's slug, as listed by {@code GET /api/v1/targets}
     * @param parameters template parameter values by name; omitted ones take the template's default
     * @param justification why this is needed; shown to approvers
     * @param promotion further targets' slugs, in order: after this request succeeds, the same blueprint version and
     *     values go to the first of them as a request of its own, under the approval its tier asks for, and so on;
     *     a step that does not succeed stops the promotion. Follow it at {@code /api/v1/requests/{id}/promotion}
     * @param organizationalUnits for a StackSet blueprint with service-managed permissions: the OU ids ({@code ou-…},
     *     or the root {@code r-…}) to deploy to, each listed by the target's {@code allowedOrganizationalUnits} and
     *     existing in the organization; omitted: the blueprint's
     * @param regions for a StackSet blueprint: the regions to deploy to, some of the blueprint's (deployed in the
     *     blueprint's order); omitted: all of the blueprint's
     */
    record CreateRequestBody(
            @NotBlank String blueprint,
            @NotBlank String target,
            @Nullable Map<String, String> parameters,
            @NotBlank @Size(max = 2000) String justification,
            @Nullable List<String> promotion,
            @Nullable @Size(max = 50) List<String> organizationalUnits,
            @Nullable @Size(max = 50) List<String> regions) {}
}
