package io.vendo.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.execution}.
 *
 * @param firstPollDelay wait after submitting before the first status call
 * @param maxPollDelay the longest wait between status calls; waits grow towards it
 * @param maxAttempts how often a retryable AWS failure is retried before the request fails
 * @param retryDelay the first wait after a retryable failure; it doubles, with jitter
 */
@ConfigurationProperties("vendo.execution")
record ExecutionProperties(
        @DefaultValue("10s") Duration firstPollDelay,
        @DefaultValue("60s") Duration maxPollDelay,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("5s") Duration retryDelay) {}
