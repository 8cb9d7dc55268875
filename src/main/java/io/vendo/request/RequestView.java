package io.vendo.request;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A request as other modules and the pages see it. NoEcho parameter values show as {@link #MASK}, as in
 * CloudFormation; only {@link Requests#deploymentParameters} reveals them, to the executor.
 *
 * @param environmentId the environment a day-2 request acts on; none for PROVISION
 * @param requestedExpiry the expiry an EXTEND request asks for
 * @param preview what an UPDATE request will change, as AWS computed it before approval
 * @param previewPending whether that preview is being computed (approvers are invited once it is there)
 */
@NamedInterface("views")
public record RequestView(
        UUID id,
        RequestKind kind,
        RequestState state,
        @Nullable UUID environmentId,
        @Nullable Instant requestedExpiry,
        UUID blueprintVersionId,
        String blueprintSlug,
        String blueprintName,
        int blueprintVersion,
        UUID targetId,
        String targetSlug,
        String targetName,
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
        Instant updatedAt) {

    /** What CloudFormation shows for a NoEcho parameter's value. */
    public static final String MASK = "****";
}
