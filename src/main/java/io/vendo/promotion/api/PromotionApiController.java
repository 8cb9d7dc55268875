package io.vendo.promotion.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vendo.identity.Actor;
import io.vendo.promotion.NotPromotedException;
import io.vendo.promotion.PromotionView;
import io.vendo.promotion.Promotions;
import io.vendo.web.ApiScopes;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Requests")
class PromotionApiController {

    private final Promotions promotions;

    PromotionApiController(Promotions promotions) {
        this.promotions = promotions;
    }

    @GetMapping("/api/v1/requests/{id}/promotion")
    @Operation(
            operationId = "getRequestPromotion",
            summary = "The promotion a request is a step of",
            description = "Every step in order, each with its target, its state (the request's once it is filed;"
                    + " `WAITING` for the step before it to succeed; `NOT_FILED` once the promotion stopped before it)"
                    + " and its request's id; the promotion is `IN_PROGRESS`, `COMPLETED` or `STOPPED`.",
            security = @SecurityRequirement(name = ApiScopes.SCHEME, scopes = ApiScopes.REQUESTS_READ))
    @ApiResponse(
            responseCode = "404",
            description = "No such request, none the caller may see, or one that is no step of a promotion",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    PromotionView get(@PathVariable UUID id, Actor actor) {
        return promotions.of(id, actor).orElseThrow(() -> new NotPromotedException(id));
    }
}
