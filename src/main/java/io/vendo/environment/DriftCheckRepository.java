package io.vendo.environment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DriftCheckRepository extends Repository<DriftCheck, UUID> {

    DriftCheck save(DriftCheck check);

    Optional<DriftCheck> findById(UUID id);

    /** The check that runs now, if any: at most one per environment. */
    @Query("select d from DriftCheck d where d.environmentId = :environmentId and d.finishedAt is null")
    Optional<DriftCheck> running(UUID environmentId);

    /** The newest check of the environment that ended in one of these states. */
    Optional<DriftCheck> findFirstByEnvironmentIdAndStateInOrderByRequestedAtDesc(
            UUID environmentId, Collection<DriftCheckState> states);

    /** The newest check of the environment, whatever its outcome. */
    Optional<DriftCheck> findFirstByEnvironmentIdOrderByRequestedAtDesc(UUID environmentId);

    /**
     * STACK environments standing as made (ACTIVE or DRIFTED), free of day-2 requests, older than {@code cutoff}, with
     * no check running and none requested since {@code cutoff}: the schedule checks them now.
     */
    @Query(
            value =
                    """
                    select e.id from environment e
                    where e.blueprint_kind = 'STACK' and e.status in ('ACTIVE', 'DRIFTED') and e.busy_with is null
                      and e.created_at <= :cutoff
                      and not exists (select 1 from drift_check d where d.environment_id = e.id
                                      and (d.finished_at is null or d.requested_at > :cutoff))
                    order by e.created_at
                    limit :limit""",
            nativeQuery = true)
    List<UUID> dueForCheck(Instant cutoff, int limit);
}
