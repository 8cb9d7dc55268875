package io.vendo.environment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.environment.lease}.
 *
 * @param reminders how long before its lease ends an environment's owner is reminded, once each per expiry
 * @param checkInterval how often the lease's clock looks for reminders and expiries that are due
 */
@ConfigurationProperties("vendo.environment.lease")
record LeaseProperties(
        @DefaultValue({"7d", "1d"}) List<Duration> reminders, @DefaultValue("15m") Duration checkInterval) {

    LeaseProperties {
        reminders = List.copyOf(reminders);
    }

    /** The earliest reminder: how far ahead the clock must look. */
    Duration horizon() {
        return reminders.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
