package io.vendo.environment;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The drift schedule: every {@code vendo.environment.drift.check-interval} it starts checks of the STACK environments
 * whose last check is older than {@code vendo.environment.drift.every} (new environments once they are that old), at
 * most {@code checks-per-look} at a time, each in a transaction of its own; off with {@code scheduled: false}.
 */
@Component
class DriftSchedule {

    private static final Logger log = LoggerFactory.getLogger(DriftSchedule.class);

    private final DriftCheckRepository checks;
    private final DriftChecks driftChecks;
    private final DriftProperties properties;
    private final Clock clock;

    DriftSchedule(DriftCheckRepository checks, DriftChecks driftChecks, DriftProperties properties, Clock clock) {
        this.checks = checks;
        this.driftChecks = driftChecks;
        this.properties = properties;
        this.clock = clock;
    }

    void look() {
        if (!properties.scheduled()) {
            return;
        }
        var due = checks.dueForCheck(clock.instant().minus(properties.every()), properties.checksPerLook());
        for (var environment : due) {
            try {
                driftChecks
                        .requestBySystem(environment, DriftCheckTrigger.SCHEDULED)
                        .ifPresent(check ->
                                log.info("Environment {}: scheduled drift check {} started", environment, check.id()));
            } catch (RuntimeException e) {
                // One environment that cannot be checked now holds back no other; the next look tries it again.
                log.error("Environment {}: its scheduled drift check could not be started", environment, e);
            }
        }
    }
}
