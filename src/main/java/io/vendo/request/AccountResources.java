package io.vendo.request;

import io.vendo.catalog.AwsParameterType;
import io.vendo.catalog.TargetDetails;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * What exists in a target's account for an AWS-specific parameter type (VPCs, subnets, key pairs, security groups),
 * so the request form offers those values instead of a blank input. Implemented by the {@code aws} module.
 */
@NamedInterface("ports")
public interface AccountResources {

    /**
     * The resources of that type in the target's account and region; empty when they cannot be listed (dry run, a
     * type that is not looked up, or AWS failed: then the form keeps its typed input).
     */
    Optional<List<AccountResource>> list(TargetDetails target, AwsParameterType type);
}
