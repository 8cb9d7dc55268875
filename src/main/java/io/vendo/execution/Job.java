package io.vendo.execution;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.TargetDetails;
import io.vendo.request.RequestKind;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One approved request with everything its executor needs: the pinned blueprint version, the target, the tags every
 * created resource carries; for a day-2 request its kind and the handles AWS knows its environment by (StackId,
 * ProvisionedProductId, AccountId, StackSetName…), empty for PROVISION. It holds no view of the request: the parameters reach executors only as
 * {@link DeploymentParameters}, whose NoEcho values are decrypted for an AWS call and masked everywhere else.
 */
@NamedInterface(name = "kinds", propagate = false)
public record Job(
        UUID requestId,
        DeploymentParameters parameters,
        BlueprintVersionDetails blueprint,
        TargetDetails targetDetails,
        Map<String, String> tags,
        boolean terminationProtection,
        RequestKind kind,
        Map<String, String> handles) {

    public Job {
        handles = Map.copyOf(handles);
    }

    public AwsTarget target() {
        return AwsTarget.of(targetDetails);
    }

    /**
     * The idempotency token of one mutating call of this request: every retry, restart or second replica sends the
     * same token for the same call. Letters, digits and hyphens, a letter first: valid for every AWS token field used.
     */
    public String token(String operation) {
        return "vendo-" + requestId + "-" + operation;
    }

    /** A name for what the request creates: at most {@code max} characters, a letter first, then letters, digits, hyphens. */
    public String resourceName(int max) {
        var prefix = "vendo-" + blueprint.slug().replaceAll("[^A-Za-z0-9-]", "-");
        var suffix = "-" + requestId;
        return prefix.substring(0, Math.max(0, Math.min(prefix.length(), max - suffix.length()))) + suffix;
    }
}
