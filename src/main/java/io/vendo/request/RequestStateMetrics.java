package io.vendo.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A gauge of requests per state, counted in PostgreSQL (so every replica agrees), once per scrape. */
@Component
class RequestStateMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Map<RequestState, Long> snapshot = Map.of();
    private Instant takenAt = Instant.MIN;

    RequestStateMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var state : RequestState.values()) {
            Gauge.builder("vendo.requests", this, metrics -> metrics.count(state))
                    .description("Requests by state")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    private synchronized double count(RequestState state) {
        var now = clock.instant();
        if (takenAt.plus(FRESH_FOR).isBefore(now)) {
            var counts = new EnumMap<RequestState, Long>(RequestState.class);
            jdbc.sql("select state, count(*) as n from vending_request group by state")
                    .query(rs -> {
                        counts.put(RequestState.valueOf(rs.getString("state")), rs.getLong("n"));
                    });
            snapshot = counts;
            takenAt = now;
        }
        return snapshot.getOrDefault(state, 0L);
    }
}
