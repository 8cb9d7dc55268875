package io.vendo.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Where a request deploys: account, region, tier, and the role to assume there (none: the portal's own).
 *
 * @param allowedBlueprints slugs of the blueprints that may deploy here; empty: every blueprint
 * @param allowedOrganizationalUnits OUs that new accounts requested here may go to (empty: no restriction beyond
 *     the blueprint's), and the OUs StackSets with service-managed permissions may deploy to from here (empty: none)
 */
@NamedInterface("targets")
public record TargetDetails(
        UUID id,
        String slug,
        String name,
        String accountId,
        String region,
        EnvironmentTier environment,
        @Nullable String executionRoleArn,
        @Nullable String externalId,
        List<String> allowedBlueprints,
        List<String> allowedOrganizationalUnits) {

    public TargetDetails {
        allowedBlueprints = List.copyOf(allowedBlueprints);
        allowedOrganizationalUnits = List.copyOf(allowedOrganizationalUnits);
    }

    /** A target open to every blueprint. */
    public TargetDetails(
            UUID id,
            String slug,
            String name,
            String accountId,
            String region,
            EnvironmentTier environment,
            @Nullable String executionRoleArn,
            @Nullable String externalId) {
        this(id, slug, name, accountId, region, environment, executionRoleArn, externalId, List.of(), List.of());
    }

    /** Whether this target takes the blueprint. */
    public boolean accepts(String blueprintSlug) {
        return allowedBlueprints.isEmpty() || allowedBlueprints.contains(blueprintSlug);
    }
}
