package io.vendo.aws;

import io.vendo.execution.AwsTarget;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.servicecatalog.ServiceCatalogClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Whether Vendo runs live or as a dry run, and SDK clients per target: one per (service, region, role), cached,
 * configured alike (standard retries, timeouts, optional endpoint override), with the target's role assumed through
 * STS. A dry run only when asked for, or when no AWS configuration exists at all: a configured chain that fails is
 * live and unreachable ({@link AwsReachability}), never a silent dry run.
 */
@Component
class AwsConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AwsConnection.class);

    private final AwsProperties properties;
    private final @Nullable URI endpoint;
    private final boolean live;
    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, StsClient> stsClients = new ConcurrentHashMap<>();
    private final DefaultCredentialsProvider baseCredentials =
            DefaultCredentialsProvider.builder().build();

    private final AwsErrorMetrics errorMetrics;
    private final AwsConfiguration configuration;
    private final String dryRunReason;
    private final String probeRegion;

    AwsConnection(AwsProperties properties, AwsErrorMetrics errorMetrics) {
        this.properties = properties;
        this.errorMetrics = errorMetrics;
        this.endpoint = properties.endpointUrl() != null ? properties.endpointUrl() : endpointFromEnvironment();
        var found = AwsConfiguration.ofThisProcess(endpoint == null ? null : endpoint.toString());
        if (properties.dryRun() || properties.mode() == AwsProperties.Mode.DRY_RUN) {
            live = false;
            dryRunReason = "asked for (vendo.aws.mode=dry-run)";
        } else if (properties.mode() == AwsProperties.Mode.LIVE || found.present()) {
            live = true;
            dryRunReason = "";
        } else if (credentialsResolve()) {
            // Nothing configured, yet the chain found credentials: the instance metadata service (an EC2 role).
            found = new AwsConfiguration(java.util.List.of("credentials from the instance metadata service"));
            live = true;
            dryRunReason = "";
        } else {
            live = false;
            dryRunReason =
                    "no AWS configuration exists (no endpoint, access keys, web identity, profile, profile file or"
                            + " container credentials)";
        }
        this.configuration = found;
        this.probeRegion = regionForProbes();
        if (live) {
            log.info("AWS is configured ({}): approved requests are executed against AWS", configuration.describe());
        } else {
            log.info(
                    "Dry run, {}: approved requests show the calls Vendo would make, nothing is created", dryRunReason);
        }
    }

    boolean live() {
        return live;
    }

    AwsConfiguration configuration() {
        return configuration;
    }

    /** Why Vendo runs dry; empty when it runs live. */
    String dryRunReason() {
        return dryRunReason;
    }

    /**
     * Who AWS says the portal is (STS GetCallerIdentity with its own credentials): proves that the credentials
     * resolve and that AWS accepts them.
     *
     * @throws SdkException when they do not resolve, or AWS refuses them, or cannot be reached
     */
    String callerIdentity() {
        var sts = stsClients.computeIfAbsent(
                probeRegion, region -> configure(StsClient.builder(), region, baseCredentials, true)
                        .build());
        return sts.getCallerIdentity().arn();
    }

    /** For reads: the SDK retries throttling and transient failures itself (retry mode standard). */
    CloudFormationClient cloudFormation(AwsTarget target) {
        return client(CloudFormationClient.class, CloudFormationClient::builder, target, true);
    }

    /**
     * For mutating calls: the SDK does not retry them. A mutating call whose response was lost goes back to the
     * executor, which looks up what AWS has before it sends the call again; so even a call without a token (CreateAccount)
     * is never repeated blindly.
     */
    CloudFormationClient cloudFormationWrites(AwsTarget target) {
        return client(CloudFormationClient.class, CloudFormationClient::builder, target, false);
    }

    ServiceCatalogClient serviceCatalog(AwsTarget target) {
        return client(ServiceCatalogClient.class, ServiceCatalogClient::builder, target, true);
    }

    ServiceCatalogClient serviceCatalogWrites(AwsTarget target) {
        return client(ServiceCatalogClient.class, ServiceCatalogClient::builder, target, false);
    }

    Ec2Client ec2(AwsTarget target) {
        return client(Ec2Client.class, Ec2Client::builder, target, true);
    }

    OrganizationsClient organizations(AwsTarget target) {
        return client(OrganizationsClient.class, OrganizationsClient::builder, target, true);
    }

    OrganizationsClient organizationsWrites(AwsTarget target) {
        return client(OrganizationsClient.class, OrganizationsClient::builder, target, false);
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C client(
            Class<C> type, Supplier<B> builder, AwsTarget target, boolean retries) {
        var key = new ClientKey(type, target.region(), target.roleArn(), target.externalId(), retries);
        return type.cast(
                clients.computeIfAbsent(key, k -> configure(builder.get(), k.region(), credentialsFor(k), retries)
                        .build()));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, String region, AwsCredentialsProvider credentials, boolean retries) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(config -> config.retryStrategy(
                                retries ? AwsRetryStrategy.standardRetryStrategy() : AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(errorMetrics)
                        .apiCallTimeout(properties.apiCallTimeout())
                        .apiCallAttemptTimeout(properties.apiCallAttemptTimeout()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private AwsCredentialsProvider credentialsFor(ClientKey key) {
        if (key.roleArn() == null) {
            return baseCredentials;
        }
        var sts = stsClients.computeIfAbsent(
                key.region(), region -> configure(StsClient.builder(), region, baseCredentials, true)
                        .build());
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(assume -> {
                    assume.roleArn(key.roleArn()).roleSessionName("vendo");
                    if (key.externalId() != null) {
                        assume.externalId(key.externalId());
                    }
                })
                .build();
    }

    /** The SDK's region for the portal itself (AWS_REGION, profile), else us-east-1. */
    private static String regionForProbes() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            return Region.US_EAST_1.id();
        }
    }

    /** The SDK's own convention for pointing every client at an emulator such as LocalStack. */
    private static @Nullable URI endpointFromEnvironment() {
        var url = System.getenv("AWS_ENDPOINT_URL");
        return url == null || url.isBlank() ? null : URI.create(url);
    }

    private boolean credentialsResolve() {
        try {
            baseCredentials.resolveCredentials();
            return true;
        } catch (SdkClientException e) {
            log.debug("No AWS credentials in the default chain", e);
            return false;
        }
    }

    @Override
    public void destroy() {
        clients.values().forEach(SdkClient::close);
        stsClients.values().forEach(StsClient::close);
        baseCredentials.close();
    }

    private record ClientKey(
            Class<?> service, String region, @Nullable String roleArn, @Nullable String externalId, boolean retries) {
        ClientKey {
            Objects.requireNonNull(region);
        }
    }
}
