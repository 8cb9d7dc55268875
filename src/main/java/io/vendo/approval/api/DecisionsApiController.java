package io.vendo.approval.api;

import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionChannel;
import io.vendo.approval.DecisionOutcome;
import io.vendo.identity.Actor;
import io.vendo.request.RequestState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
class DecisionsApiController {

    private final Approvals approvals;

    DecisionsApiController(Approvals approvals) {
        this.approvals = approvals;
    }

    @PostMapping(path = "/api/v1/requests/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionResponse decide(
            @PathVariable UUID id, @Valid @RequestBody DecisionBody body, Actor actor, HttpServletRequest http) {
        var comment = body.comment() == null ? "" : body.comment();
        var request = approvals.decide(id, actor, body.decision(), comment, DecisionChannel.API, http.getRemoteAddr());
        return new DecisionResponse(id, body.decision(), actor.username(), request.state());
    }

    /** @param comment optional when approving; the reason, required, when rejecting */
    record DecisionBody(@NotNull DecisionOutcome decision, @Nullable @Size(max = 2000) String comment) {}

    /** @param requestState the request's state after the decision */
    record DecisionResponse(UUID requestId, DecisionOutcome decision, String decidedBy, RequestState requestState) {}
}
