package io.vendo.approval.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionChannel;
import io.vendo.approval.DecisionOutcome;
import io.vendo.identity.Actor;
import io.vendo.request.RequestState;
import io.vendo.web.ApiScopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Approvals", description = "Approve or reject requests")
class DecisionsApiController {

    private final Approvals approvals;

    DecisionsApiController(Approvals approvals) {
        this.approvals = approvals;
    }

    @PostMapping(path = "/api/v1/requests/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "decideRequest",
            summary = "Approve or reject a request",
            description = "Records the caller's decision; the request moves on once its approval policy is met, or"
                    + " ends at the first rejection. Requesters never decide their own requests. A request with a"
                    + " preview (an UPDATE: `preview` on the request) is decided on one round of it: the body names"
                    + " the `round` the caller read (`preview.round`), and a round superseded since (what it showed"
                    + " went stale and AWS computed it again) is refused with 409, naming `currentRound`.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.DECISIONS_WRITE))
    @ApiResponse(responseCode = "200", description = "Recorded; `requestState` is the request's state after it")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid input: every invalid field is listed in `errors`; or no `round` named for a"
                    + " request with a preview",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such request, or none the caller may see",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not decide this request: it is their own, or the approval does not wait for"
                    + " them (or the token lacks the scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "Not now: the caller has decided already, the request no longer waits for approval, the"
                    + " `round` decided on was superseded (the problem's `currentRound` and `currentPreview` name"
                    + " the one to read and decide on; nothing was recorded), or another decision was recorded at"
                    + " the same moment",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    DecisionResponse decide(
            @PathVariable UUID id, @Valid @RequestBody DecisionBody body, Actor actor, HttpServletRequest http) {
        var comment = body.comment() == null ? "" : body.comment();
        var request = approvals.decide(
                id, actor, body.decision(), comment, DecisionChannel.API, http.getRemoteAddr(), body.round());
        return new DecisionResponse(id, body.decision(), actor.username(), request.state());
    }

    /**
     * @param comment optional when approving; the reason, required, when rejecting
     * @param round the round of the request's preview the caller decided on ({@code preview.round}); required when
     *     the request has a preview
     */
    record DecisionBody(
            @NotNull DecisionOutcome decision,
            @Nullable @Size(max = 2000) String comment,
            @Nullable @Min(1) Integer round) {}

    /** @param requestState the request's state after the decision */
    record DecisionResponse(UUID requestId, DecisionOutcome decision, String decidedBy, RequestState requestState) {}
}
