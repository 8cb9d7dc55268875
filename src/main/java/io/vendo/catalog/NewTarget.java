package io.vendo.catalog;

import org.jspecify.annotations.Nullable;

/** A target to add to the catalog. */
public record NewTarget(
        String slug,
        String name,
        String accountId,
        String region,
        EnvironmentTier environment,
        @Nullable String executionRoleArn,
        @Nullable String externalId) {}
