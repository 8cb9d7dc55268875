package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.execution}.
 *
 * @param firstPollDelay wait after submitting before the first status call (stacks, change sets, products, StackSets)
 * @param maxPollDelay the longest wait between such status calls; waits grow towards it
 * @param accountFirstPollDelay wait after an account creation starts before the first status call
 * @param accountMaxPollDelay the longest wait between status calls on an account creation
 * @param maxAttempts how often a transient AWS failure (5xx, connection trouble) is retried before the request fails;
 *     throttling and a busy Control Tower are waited out until the kind's timeout instead
 * @param retryDelay the first wait after a failed call; it doubles, with jitter
 * @param maxRetryDelay the longest wait after a failed call
 * @param timeouts how long a request of each kind may run before it fails as stuck
 * @param terminationProtection environments whose stacks get termination protection
 * @param costCentreParameter the request parameter whose value is tagged as {@code vendo:cost-centre}, when present
 * @param changeSetPollDelay wait after CreateChangeSet before its first status call: a change set is computed in
 *     seconds, a stack takes as long as its resources, so the two are polled on their own schedules
 */
@ConfigurationProperties("vendo.execution")
record ExecutionProperties(
        @DefaultValue("10s") Duration firstPollDelay,
        @DefaultValue("60s") Duration maxPollDelay,
        @DefaultValue("2m") Duration accountFirstPollDelay,
        @DefaultValue("5m") Duration accountMaxPollDelay,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("5m") Duration maxRetryDelay,
        @DefaultValue Timeouts timeouts,
        @DefaultValue("PROD") Set<EnvironmentTier> terminationProtection,
        @DefaultValue("CostCenter") String costCentreParameter,
        @DefaultValue("3s") Duration changeSetPollDelay) {

    /**
     * Per kind: accounts take 20–30 minutes when all is well, StackSets as long as their slowest region.
     *
     * @param stack how long a STACK request may run
     * @param account how long an ACCOUNT request may run
     * @param serviceCatalogProduct how long a SERVICE_CATALOG_PRODUCT request may run
     * @param stackSet how long a STACK_SET request may run
     * @param composite how long a COMPOSITE request may run, all its components together
     */
    record Timeouts(
            @DefaultValue("3h") Duration stack,
            @DefaultValue("2h") Duration account,
            @DefaultValue("3h") Duration serviceCatalogProduct,
            @DefaultValue("6h") Duration stackSet,
            @DefaultValue("6h") Duration composite) {

        Duration of(BlueprintKind kind) {
            return switch (kind) {
                case STACK -> stack;
                case ACCOUNT -> account;
                case SERVICE_CATALOG_PRODUCT -> serviceCatalogProduct;
                case STACK_SET -> stackSet;
                case COMPOSITE -> composite;
            };
        }
    }
}
