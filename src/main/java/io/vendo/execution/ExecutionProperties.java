package io.vendo.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.execution}.
 *
 * @param threads how many requests one replica works on at once
 * @param schedulerPollingInterval how often the scheduler looks for due work (work scheduled on this replica starts
 *     at once regardless)
 * @param heartbeatInterval how often a replica marks its running work alive; work of a replica that missed
 *     {@code missedHeartbeats} beats is taken over by another
 * @param missedHeartbeats see {@code heartbeatInterval}
 * @param firstPollDelay wait after submitting before the first status call
 * @param maxPollDelay the longest wait between status calls; waits grow towards it
 * @param maxAttempts how often a retryable AWS failure is retried before the request fails
 * @param retryDelay the first wait after a retryable failure; it doubles, with jitter
 */
@ConfigurationProperties("vendo.execution")
record ExecutionProperties(
        @DefaultValue("8") int threads,
        @DefaultValue("5s") Duration schedulerPollingInterval,
        @DefaultValue("20s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue("10s") Duration firstPollDelay,
        @DefaultValue("60s") Duration maxPollDelay,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("5s") Duration retryDelay) {}
