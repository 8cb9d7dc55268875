package io.vendo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.scheduler}: the durable task scheduler that all modules share.
 *
 * @param threads how many tasks one replica runs at once
 * @param pollingInterval how often the scheduler looks for due work; work this replica schedules starts when it is due
 *     regardless (at once, or woken when due within a quarter of an hour), so this bounds how late work scheduled by
 *     other replicas, or left by a stopped one, starts here
 * @param heartbeatInterval how often a replica marks its running work alive; the work of a replica that missed
 *     {@code missedHeartbeats} beats is taken over by another
 * @param missedHeartbeats see {@code heartbeatInterval}
 */
@ConfigurationProperties("vendo.scheduler")
record SchedulerProperties(
        @DefaultValue("8") int threads,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("20s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats) {}
