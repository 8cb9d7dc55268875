package io.vendo.execution;

import org.jspecify.annotations.Nullable;

/** Where to call AWS: account, region and the role to assume there (none: the portal's own credentials). */
public record AwsTarget(String accountId, String region, @Nullable String roleArn, @Nullable String externalId) {}
