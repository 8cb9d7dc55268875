package io.vendo.execution;

import io.vendo.catalog.TargetDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Where to call AWS: account, region and the role to assume there (none: the portal's own credentials). */
@NamedInterface("provisioning")
public record AwsTarget(String accountId, String region, @Nullable String roleArn, @Nullable String externalId) {

    /** A catalog target's account, region and role. */
    public static AwsTarget of(TargetDetails target) {
        return new AwsTarget(target.accountId(), target.region(), target.executionRoleArn(), target.externalId());
    }
}
