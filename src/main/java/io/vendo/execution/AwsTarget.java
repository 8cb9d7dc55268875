package io.vendo.execution;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Where to call AWS: account, region and the role to assume there (none: the portal's own credentials). */
@NamedInterface("provisioning")
public record AwsTarget(String accountId, String region, @Nullable String roleArn, @Nullable String externalId) {}
