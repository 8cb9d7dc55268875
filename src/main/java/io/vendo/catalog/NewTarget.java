package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target to add to the catalog, or the new settings of one (matched by slug).
 *
 * @param allowedBlueprints slugs of the blueprints that may deploy here; empty: every blueprint
 * @param allowedOrganizationalUnits the OUs that ACCOUNT blueprints may place new accounts in from here; empty: the
 *     blueprint's own list decides
 */
public record NewTarget(
        String slug,
        String name,
        String accountId,
        String region,
        EnvironmentTier environment,
        @Nullable String executionRoleArn,
        @Nullable String externalId,
        List<String> allowedBlueprints,
        List<String> allowedOrganizationalUnits) {

    public NewTarget {
        allowedBlueprints = List.copyOf(allowedBlueprints);
        allowedOrganizationalUnits = List.copyOf(allowedOrganizationalUnits);
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
