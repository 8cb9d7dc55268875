package io.vendo.request.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.web.ApiScopes;
import io.vendo.web.IdempotentCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the requester of a failed composite request does with it: retry from the failed component, or abandon it. */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests")
class FailedCompositesApiController {

    private final Requests requests;
    private final IdempotentCalls idempotentCalls;

    FailedCompositesApiController(Requests requests, IdempotentCalls idempotentCalls) {
        this.requests = requests;
        this.idempotentCalls = idempotentCalls;
    }

    /** Continues a failed composite request from its failed component; only its requester may. */
    @PostMapping("/{id}/retry")
    @Operation(
            operationId = "retryRequest",
            summary = "Retry a failed composite request from its failed component",
            description = "A failed composite PROVISION request continues: the components that succeeded keep their"
                    + " stacks; the failed component and those it stopped are tried again, each with a new stack and"
                    + " tokens of its own, once admission control gives the request its slots again. Only its"
                    + " requester may, and never after it was abandoned.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(responseCode = "200", description = "Continuing: the request is IN_PROGRESS again")
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not the request's requester (or lacks the scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The request did not fail, is not a composite PROVISION request, or was abandoned",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    RequestResponse retry(@PathVariable UUID id, Actor actor) {
        return RequestResponse.of(requests.retry(id, actor));
    }

    /**
     * Abandons a failed composite request: its stacks are deleted in reverse dependency order and it ends ABANDONED. With
     * an {@code Idempotency-Key}, a call sent again gets the first response instead of a 409.
     */
    @PostMapping("/{id}/abandon")
    @Operation(
            operationId = "abandonRequest",
            summary = "Abandon a failed composite request and delete its stacks",
            description = "A failed composite PROVISION request that will not be retried: every stack its components"
                    + " left in the target account (those that succeeded, and the rolled-back one of a failed"
                    + " component) is deleted, in reverse dependency order, each with DeleteStack and a token derived"
                    + " from the request, the component and the attempt, awaited to DELETE_COMPLETE. The request is"
                    + " ABANDONING meanwhile and ends ABANDONED once no stack is left; if AWS would not delete a stack,"
                    + " it fails again naming it (the stacks it needs are kept) and may be abandoned again. It waits for"
                    + " its admission slots like any execution. Only its requester may; an abandoned request is never"
                    + " retried. With an `Idempotency-Key`, a call sent again gets the first response.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_WRITE))
    @ApiResponse(
            responseCode = "200",
            description = "Abandoning: the request is ABANDONING",
            content = @Content(schema = @Schema(implementation = RequestResponse.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The caller is not the request's requester (or lacks the scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such request, or one the caller may not see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The request did not fail (or is being abandoned), or is not a composite PROVISION request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    ResponseEntity<?> abandon(
            @PathVariable UUID id,
            @RequestHeader(name = IdempotentCalls.HEADER, required = false) @Nullable String idempotencyKey,
            Actor actor,
            HttpServletRequest http) {
        // The call has no body: the request it abandons is what a reused key must match.
        return idempotentCalls.once(
                http,
                idempotencyKey,
                actor.username(),
                Map.of("abandon", id.toString()),
                () -> ResponseEntity.ok(RequestResponse.of(requests.abandon(id, actor))));
    }
}
