package io.vendo.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.request.batch}: fleets, one submission of many rows.
 *
 * @param maxRows the most rows one batch may have
 * @param maxInFlight how many rows of a batch execute at once when its submission does not say (the admission limits
 *     per account and overall hold besides)
 * @param pauseAfterFailures after how many failed rows a batch's rollout pauses when its submission does not say: rows
 *     not started yet wait until someone resumes it
 */
@ConfigurationProperties("vendo.request.batch")
record BatchProperties(
        @DefaultValue("1000") int maxRows,
        @DefaultValue("10") int maxInFlight,
        @DefaultValue("3") int pauseAfterFailures) {}
