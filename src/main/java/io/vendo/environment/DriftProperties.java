package io.vendo.environment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.environment.drift}.
 *
 * @param scheduled whether STACK environments are checked for drift on a schedule (on demand they always can be)
 * @param every how old an environment's last drift check may get before the schedule checks it again
 * @param checkInterval how often the schedule looks for environments due for a check
 * @param checksPerLook at most this many checks are started per look, so a large estate is spread over several looks
 *     instead of throttling CloudFormation
 * @param firstPollDelay how long after DetectStackDrift its status is first asked
 * @param maxPollDelay the longest pause between two status calls (they grow from the first)
 * @param timeout a detection still running after this long fails the check
 * @param maxAttempts failed calls (5xx, connection trouble) in a row that fail the check; throttling is waited out
 */
@ConfigurationProperties("vendo.environment.drift")
record DriftProperties(
        @DefaultValue("true") boolean scheduled,
        @DefaultValue("24h") Duration every,
        @DefaultValue("15m") Duration checkInterval,
        @DefaultValue("50") int checksPerLook,
        @DefaultValue("10s") Duration firstPollDelay,
        @DefaultValue("60s") Duration maxPollDelay,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("6") int maxAttempts) {}
