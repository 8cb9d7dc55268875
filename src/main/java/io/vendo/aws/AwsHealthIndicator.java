package io.vendo.aws;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code aws} health component, part of readiness: DOWN with the reason while AWS is configured but cannot be
 * reached; UP when it can, or in a dry run (which says so).
 */
@Component
class AwsHealthIndicator implements HealthIndicator {

    private final AwsReachability reachability;
    private final AwsConnection connection;

    AwsHealthIndicator(AwsReachability reachability, AwsConnection connection) {
        this.reachability = reachability;
        this.connection = connection;
    }

    @Override
    public Health health() {
        var probe = reachability.state();
        var health = probe.reachable() ? Health.up() : Health.down();
        return health.withDetail("mode", connection.live() ? "live" : "dry-run")
                .withDetail("configuration", connection.configuration().describe())
                .withDetail(probe.reachable() ? "detail" : "reason", probe.detail())
                .withDetail("checkedAt", probe.at().toString())
                .build();
    }
}
