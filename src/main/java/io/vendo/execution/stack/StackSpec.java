package io.vendo.execution.stack;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything needed to deploy one request's stack through a change set. Names and tokens derive from the request id,
 * so every retry, restart or second replica asks AWS for the same stack and change set with the same tokens.
 *
 * @param stackName the stack's name when a change set creates it; its id (ARN) when one updates it
 * @param update whether the stack exists already (an UPDATE change set) or is created by it (CREATE); an UPDATE one
 *     leaves the stack's tags as they are (they carry the provisioning request's lease and owner) when it has none
 * @param createToken the {@code ClientToken} of CreateChangeSet
 * @param executeToken the {@code ClientRequestToken} of ExecuteChangeSet; the stack's events carry it
 * @param parameters decrypted only while the call is built; shown masked
 */
public record StackSpec(
        UUID requestId,
        String stackName,
        String changeSetName,
        boolean update,
        String createToken,
        String executeToken,
        String templateBody,
        DeploymentParameters parameters,
        List<String> capabilities,
        Map<String, String> tags,
        boolean terminationProtection,
        AwsTarget target) {

    public StackSpec {
        capabilities = List.copyOf(capabilities);
        tags = Map.copyOf(tags);
    }

    /**
     * The spec of the change set computed in this round: the first keeps the request's names; each later one (its
     * predecessor went stale) has its own name and ClientToken, the same on every run of that round.
     */
    public StackSpec inRound(int round) {
        if (round <= 1) {
            return this;
        }
        return new StackSpec(
                requestId,
                stackName,
                changeSetName + "-" + round,
                update,
                createToken + "-" + round,
                executeToken,
                templateBody,
                parameters,
                capabilities,
                tags,
                terminationProtection,
                target);
    }
}
