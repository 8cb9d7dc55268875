package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A target to add to the catalog, or the new settings of one (matched by slug).
 *
 * @param allowedBlueprints slugs of the blueprints that may deploy here; empty or none: every blueprint
 * @param allowedOrganizationalUnits the OUs that ACCOUNT blueprints may place new accounts in from here; empty or
 *     none: the blueprint's own list decides
 */
@NamedInterface(name = "administration", propagate = false)
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

    /** Lists left out (null) are empty, as a form, a request body or a descriptor may leave them out. */
    public NewTarget {
        executionRoleArn = blankToNone(executionRoleArn);
        externalId = blankToNone(externalId);
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

    /** The same settings for the target with this slug. */
    public NewTarget withSlug(String slug) {
        return new NewTarget(
                slug,
                name,
                accountId,
                region,
                environment,
                executionRoleArn,
                externalId,
                allowedBlueprints,
                allowedOrganizationalUnits);
    }

    /** A role or an external id left blank is none, from the form, the API and the directory alike. */
    private static @Nullable String blankToNone(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
