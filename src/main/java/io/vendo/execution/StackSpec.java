package io.vendo.execution;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything needed to create one request's stack. The name and the token derive from the request id, so every
 * retry, restart or second replica asks AWS for the same stack with the same token.
 */
public record StackSpec(
        UUID requestId,
        String stackName,
        String clientRequestToken,
        String templateBody,
        Map<String, String> parameters,
        List<String> capabilities,
        Map<String, String> tags,
        AwsTarget target) {

    public StackSpec {
        parameters = Map.copyOf(parameters);
        capabilities = List.copyOf(capabilities);
        tags = Map.copyOf(tags);
    }
}
