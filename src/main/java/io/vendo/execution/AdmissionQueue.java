package io.vendo.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admission queue as people and metrics see it, read from PostgreSQL so that every replica tells the same: a
 * queued request's place and when it may start, and how many requests wait or hold slots. {@link Admission} decides
 * who is admitted; this only reads.
 */
@Component
class AdmissionQueue {

    private final JdbcClient jdbc;
    private final AdmissionProperties limits;
    private final Clock clock;

    AdmissionQueue(JdbcClient jdbc, AdmissionProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** Where a queued request stands, and when it may start judging by recent operations of its service. */
    Optional<Place> place(UUID requestId) {
        return jdbc.sql(
                        """
                        select a.service, a.account_id, a.region, a.resource, a.batch_id, a.batch_limit, a.slots,
                               (select count(*) from execution_admission o
                                 where o.state = 'QUEUED' and (o.queued_at, o.request_id) < (a.queued_at, a.request_id))
                               as ahead
                        from execution_admission a where a.request_id = :id and a.state = 'QUEUED'""")
                .param("id", requestId)
                .query((rs, row) -> new Queued(AdmissionClaim.read(rs), rs.getInt("ahead")))
                .optional()
                .map(queued -> {
                    var position = queued.ahead() + 1;
                    return new Place(position, estimatedStart(queued.claim(), position));
                });
    }

    /** Requests waiting for a slot, and slots taken per service (a composite's several): for the metrics. */
    Map<String, Integer> occupancy() {
        var counts = new HashMap<String, Integer>();
        jdbc.sql(
                        """
                        select case when state = 'QUEUED' then 'QUEUED' else service end as bucket,
                               sum(case when state = 'QUEUED' then 1 else slots end) as n
                        from execution_admission where state <> 'RELEASED' group by 1""")
                .query(rs -> {
                    counts.put(rs.getString("bucket"), rs.getInt("n"));
                });
        return counts;
    }

    private @Nullable Instant estimatedStart(AdmissionClaim claim, int position) {
        var average = jdbc.sql(
                        """
                        select avg(extract(epoch from released_at - admitted_at)) from (
                          select released_at, admitted_at from execution_admission
                          where service = :service and state = 'RELEASED' and admitted_at is not null
                          order by released_at desc limit 20) recent""")
                .param("service", claim.service().name())
                .query(Double.class)
                .optional();
        if (average.isEmpty()) {
            return null;
        }
        var parallel = claim.scopes(limits).stream()
                .mapToInt(AdmissionClaim.Scope::limit)
                .min()
                .orElse(1);
        // Those ahead start in waves of the narrowest limit; each wave lasts about one recent operation.
        var waves = (position + parallel - 1) / parallel;
        return clock.instant().plusMillis(Math.round(average.get() * 1000 * waves));
    }

    private record Queued(AdmissionClaim claim, int ahead) {}

    /**
     * @param position 1 for the next request to start
     * @param estimatedStart none while there are no finished operations to judge by
     */
    record Place(int position, @Nullable Instant estimatedStart) {}
}
