package io.vendo.aws;

import io.vendo.catalog.AwsParameterType;
import io.vendo.catalog.TargetDetails;
import io.vendo.execution.AwsTarget;
import io.vendo.request.AccountResource;
import io.vendo.request.AccountResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Lists a target account's VPCs, subnets, key pairs and security groups through EC2, as the target's role, for the
 * request form. A form is rendered often and AWS changes slowly, so each list is kept for a short while per target.
 */
@Component
class Ec2AccountResources implements AccountResources {

    private static final Logger log = LoggerFactory.getLogger(Ec2AccountResources.class);

    /** A form must not hang on AWS: past this the requester types the value instead. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private final AwsConnection connection;
    private final Clock clock;
    private final Map<Key, Listed> cache = new ConcurrentHashMap<>();

    Ec2AccountResources(AwsConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public Optional<List<AccountResource>> list(TargetDetails target, AwsParameterType type) {
        if (!connection.live() || !listable(type)) {
            return Optional.empty();
        }
        var key = new Key(target.accountId(), target.region(), target.executionRoleArn(), type);
        var now = clock.instant();
        var cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.resources());
        }
        var aws = AwsTarget.of(target);
        try {
            var resources = fetch(connection.ec2(aws), type).stream()
                    .sorted(Comparator.comparing(AccountResource::id))
                    .toList();
            cache.put(key, new Listed(resources, now.plus(KEPT_FOR)));
            return Optional.of(resources);
        } catch (SdkException e) {
            log.warn(
                    "Could not list {} in account {} ({}) for the request form; the form asks for a typed value: {}",
                    type.typeName(),
                    target.accountId(),
                    target.region(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean listable(AwsParameterType type) {
        return switch (type) {
            case VPC_ID, SUBNET_ID, KEY_PAIR_NAME, SECURITY_GROUP_ID -> true;
            default -> false;
        };
    }

    private static List<AccountResource> fetch(Ec2Client ec2, AwsParameterType type) {
        Consumer<AwsRequestOverrideConfiguration.Builder> timeout = config -> config.apiCallTimeout(LOOKUP_TIMEOUT);
        return switch (type) {
            case VPC_ID ->
                ec2.describeVpcsPaginator(request -> request.overrideConfiguration(timeout)).vpcs().stream()
                        .map(vpc -> new AccountResource(vpc.vpcId(), name(vpc.tags())))
                        .toList();
            case SUBNET_ID ->
                ec2.describeSubnetsPaginator(request -> request.overrideConfiguration(timeout)).subnets().stream()
                        .map(subnet -> new AccountResource(
                                subnet.subnetId(),
                                Stream.of(name(subnet.tags()), subnet.availabilityZone())
                                        .filter(part -> part != null)
                                        .reduce((a, b) -> a + ", " + b)
                                        .orElse(null)))
                        .toList();
            case SECURITY_GROUP_ID ->
                ec2
                        .describeSecurityGroupsPaginator(request -> request.overrideConfiguration(timeout))
                        .securityGroups()
                        .stream()
                        .map(group -> new AccountResource(
                                group.groupId(),
                                Optional.ofNullable(name(group.tags())).orElse(group.groupName())))
                        .toList();
            // DescribeKeyPairs is not paginated: one call returns every key pair.
            case KEY_PAIR_NAME ->
                ec2.describeKeyPairs(request -> request.overrideConfiguration(timeout)).keyPairs().stream()
                        .map(pair -> new AccountResource(pair.keyName(), null))
                        .toList();
            default -> List.of();
        };
    }

    private static @Nullable String name(List<Tag> tags) {
        return tags.stream()
                .filter(tag -> "Name".equals(tag.key()))
                .map(Tag::value)
                .findFirst()
                .orElse(null);
    }

    private record Key(String accountId, String region, @Nullable String roleArn, AwsParameterType type) {}

    private record Listed(List<AccountResource> resources, Instant until) {}
}
