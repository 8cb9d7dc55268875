package io.vendo.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a request deploys: account, region, tier, and the role to assume there (none: the portal's own). */
public record TargetDetails(
        UUID id,
        String slug,
        String name,
        String accountId,
        String region,
        EnvironmentTier environment,
        @Nullable String executionRoleArn,
        @Nullable String externalId) {}
