package io.vendo.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What the platform team says about a blueprint besides its template. It may change without a new version.
 *
 * @param tags tags applied to everything the blueprint creates
 * @param allowedEnvironments the tiers it may be deployed to; empty: every tier
 * @param approvalPolicy the name of the approval policy for its requests; none: the policy matching the request's
 *     scope
 * @param maxLifetime how long what it creates may live before it must be extended; none: no limit
 * @param quotaPerTeam how many active requests of it one team may have; none: no limit
 */
@NamedInterface("blueprints")
public record BlueprintMetadata(
        String name,
        String description,
        String owner,
        Map<String, String> tags,
        List<EnvironmentTier> allowedEnvironments,
        @Nullable String approvalPolicy,
        @Nullable Duration maxLifetime,
        @Nullable Integer quotaPerTeam) {

    public BlueprintMetadata {
        tags = Map.copyOf(tags);
        allowedEnvironments = List.copyOf(allowedEnvironments);
    }

    /** Whether the blueprint may be deployed to a target of this tier. */
    public boolean allows(EnvironmentTier environment) {
        return allowedEnvironments.isEmpty() || allowedEnvironments.contains(environment);
    }
}
