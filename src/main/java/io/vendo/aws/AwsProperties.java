package io.vendo.aws;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.aws}.
 *
 * @param mode {@code auto}: live when credentials resolve from the default chain or an endpoint is set, else dry run;
 *     {@code live} or {@code dry-run} to force one
 * @param endpointUrl one endpoint for every AWS service (LocalStack, a test server); defaults to
 *     {@code AWS_ENDPOINT_URL}
 * @param apiCallTimeout the longest one AWS call may take, retries included
 * @param apiCallAttemptTimeout the longest one attempt of an AWS call may take
 * @param organizationAccountsTtl how long the organization's account e-mails, listed to check a new account's e-mail at
 *     submission, are kept per target before they are listed again
 */
@ConfigurationProperties("vendo.aws")
record AwsProperties(
        @DefaultValue("auto") Mode mode,
        @Nullable URI endpointUrl,
        @DefaultValue("30s") Duration apiCallTimeout,
        @DefaultValue("10s") Duration apiCallAttemptTimeout,
        @DefaultValue("1m") Duration organizationAccountsTtl) {

    enum Mode {
        AUTO,
        LIVE,
        DRY_RUN
    }
}
