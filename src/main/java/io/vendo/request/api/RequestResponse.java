package io.vendo.request.api;

import io.vendo.catalog.StackSetChoice;
import io.vendo.request.ChangePreview;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request as the API returns it.
 *
 * @param environmentId the environment a day-2 request acts on
 * @param preview what an UPDATE request will change, as AWS computed it before approval
 * @param previewPending whether AWS is still computing it (approvers are asked once it is there)
 * @param stackSet the organizational units and regions a StackSet request chose (in submit's and get's answers);
 *     absent when it left them to its blueprint
 */
record RequestResponse(
        UUID id,
        RequestKind kind,
        RequestState state,
        @Nullable UUID environmentId,
        String blueprint,
        int blueprintVersion,
        String target,
        Map<String, String> parameters,
        String justification,
        String requester,
        String team,
        Map<String, String> outputs,
        @Nullable String failureReason,
        @Nullable String dryRunPlan,
        @Nullable ChangePreview preview,
        boolean previewPending,
        Instant submittedAt,
        Instant updatedAt,
        @Nullable StackSetTargets stackSet) {

    static RequestResponse of(RequestView request) {
        return of(request, Optional.empty());
    }

    static RequestResponse of(RequestView request, Optional<StackSetChoice> stackSet) {
        return new RequestResponse(
                request.id(),
                request.kind(),
                request.state(),
                request.environmentId(),
                request.blueprintSlug(),
                request.blueprintVersion(),
                request.targetSlug(),
                request.parameters(),
                request.justification(),
                request.requester(),
                request.team(),
                request.outputs(),
                request.failureReason(),
                request.dryRunPlan(),
                request.preview(),
                request.previewPending(),
                request.submittedAt(),
                request.updatedAt(),
                stackSet.map(choice -> new StackSetTargets(choice.organizationalUnits(), choice.regions()))
                        .orElse(null));
    }

    /**
     * @param organizationalUnits the OUs its StackSet deploys to; empty: the blueprint's
     * @param regions the regions, in the order they are deployed; empty: the blueprint's
     */
    record StackSetTargets(List<String> organizationalUnits, List<String> regions) {}
}
