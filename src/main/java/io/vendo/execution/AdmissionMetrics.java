package io.vendo.execution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gauges of the admission queue, read from PostgreSQL so that every replica reports the same figures: requests
 * waiting for a slot, and operations in flight per AWS service. One query serves all gauges of a scrape.
 */
@Component
class AdmissionMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final AdmissionQueue queue;
    private final Clock clock;
    private Map<String, Integer> snapshot = Map.of();
    private Instant takenAt = Instant.MIN;

    AdmissionMetrics(AdmissionQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("vendo.execution.queue.depth", this, metrics -> metrics.count("QUEUED"))
                .description("Approved requests waiting for an admission slot")
                .register(registry);
        for (var service : AdmissionService.values()) {
            Gauge.builder("vendo.execution.in.flight", this, metrics -> metrics.count(service.name()))
                    .description("Operations holding an admission slot, by the AWS service they count against")
                    .tag("service", service.name().toLowerCase())
                    .register(registry);
        }
    }

    private synchronized double count(String bucket) {
        var now = clock.instant();
        if (takenAt.plus(FRESH_FOR).isBefore(now)) {
            snapshot = queue.occupancy();
            takenAt = now;
        }
        return snapshot.getOrDefault(bucket, 0);
    }
}
