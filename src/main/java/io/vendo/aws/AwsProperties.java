package io.vendo.aws;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.aws}.
 *
 * @param mode {@code auto}: live when any AWS configuration exists (an endpoint; access keys, web identity, a profile,
 *     profile files or container credentials for the SDK's default chain; or credentials from the instance metadata
 *     service), else dry run; a configured chain that fails is live and unreachable (readiness DOWN, executions
 *     wait), never a dry run. {@code live} or {@code dry-run} to force one
 * @param dryRun true: a dry run whatever is configured, the same as {@code mode: dry-run}
 * @param endpointUrl one endpoint for every AWS service (LocalStack, a test server); defaults to
 *     {@code AWS_ENDPOINT_URL}
 * @param apiCallTimeout the longest one AWS call may take, retries included
 * @param apiCallAttemptTimeout the longest one attempt of an AWS call may take
 * @param reachabilityCheckInterval how often the portal checks, with STS GetCallerIdentity, that its AWS credentials
 *     resolve and are accepted (readiness, the admins' banner, and whether executions go on or wait)
 * @param organizationAccountsTtl how long the organization's account e-mails, listed to check a new account's e-mail at
 *     submission, are kept per target before they are listed again
 */
@ConfigurationProperties("vendo.aws")
record AwsProperties(
        @DefaultValue("auto") Mode mode,
        @DefaultValue("false") boolean dryRun,
        @Nullable URI endpointUrl,
        @DefaultValue("30s") Duration apiCallTimeout,
        @DefaultValue("10s") Duration apiCallAttemptTimeout,
        @DefaultValue("1m") Duration organizationAccountsTtl,
        @DefaultValue("30s") Duration reachabilityCheckInterval) {

    enum Mode {
        AUTO,
        LIVE,
        DRY_RUN
    }
}
