package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target to add to the catalog, or the new settings of one (matched by slug).
 *
 * @param allowedBlueprints slugs of the blueprints that may deploy here; empty or none: every blueprint
 * @param allowedOrganizationalUnits the OUs that ACCOUNT blueprints may place new accounts in from here; empty or
 *     none: the blueprint's own list decides
 */
public record NewTarget(
        String slug,
        String name,
        String accountId,
        String region,
        EnvironmentTier environment,
        @Nullable String executionRoleArn,
        @Nullable String externalId,
        @Nullable List<String> allowedBlueprints,
        @Nullable List<String> allowedOrganizationalUnits) {

    public NewTarget {
        allowedBlueprints = allowedBlueprints == null ? List.of() : List.copyOf(allowedBlueprints);
        allowedOrganizationalUnits =
                allowedOrganizationalUnits == null ? List.of() : List.copyOf(allowedOrganizationalUnits);
    }

    /** A target open to every blueprint. */
    public NewTarget(
            String slug,
            String name,
            String accountId,
            String region,
            EnvironmentTier environment,
            @Nullable String executionRoleArn,
            @Nullable String externalId) {
        this(slug, name, accountId, region, environment, executionRoleArn, externalId, List.of(), List.of());
    }
}
