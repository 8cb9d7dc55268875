package io.vendo.aws;

import io.vendo.execution.AwsAvailability;
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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.servicecatalog.ServiceCatalogClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Whether AWS is reachable at all, and SDK clients per target: one per (service, region, role), cached, configured
 * alike (standard retries, timeouts, optional endpoint override), with the target's role assumed through STS.
 */
@Component
class AwsConnection implements AwsAvailability, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AwsConnection.class);

    private final AwsProperties properties;
    private final @Nullable URI endpoint;
    private final boolean live;
    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, StsClient> stsClients = new ConcurrentHashMap<>();
    private final DefaultCredentialsProvider baseCredentials =
            DefaultCredentialsProvider.builder().build();

    private final AwsErrorMetrics errorMetrics;

    AwsConnection(AwsProperties properties, AwsErrorMetrics errorMetrics) {
        this.properties = properties;
        this.errorMetrics = errorMetrics;
        this.endpoint = properties.endpointUrl() != null ? properties.endpointUrl() : endpointFromEnvironment();
        this.live = switch (properties.mode()) {
            case LIVE -> true;
            case DRY_RUN -> false;
            case AUTO -> endpoint != null || credentialsResolve();
        };
        log.info(
                live
                        ? "AWS is configured: approved requests are executed against AWS"
                        : "AWS is not configured: approved requests are executed as a dry run, nothing is created");
    }

    @Override
    public boolean live() {
        return live;
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
