package io.vendo.environment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface EnvironmentRepository extends Repository<Environment, UUID>, JpaSpecificationExecutor<Environment> {

    Environment save(Environment environment);

    Optional<Environment> findById(UUID id);

    /** For filing a day-2 request: two filed at once are serialized, and the second sees the first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Environment e where e.id = :id")
    Optional<Environment> lockById(UUID id);

    @Query("select e from Environment e where e.origin.provisionedBy = :requestId")
    Optional<Environment> findByProvisionedBy(UUID requestId);

    @Query("select e from Environment e where e.requests.busyWith = :requestId")
    Optional<Environment> findByBusyWith(UUID requestId);

    @Query(
            "select count(e) from Environment e where e.origin.blueprintSlug = :blueprintSlug and e.ownership.team = :team"
                    + " and e.condition.status in :statuses")
    long countByBlueprintSlugAndTeamAndStatusIn(
            String blueprintSlug, String team, Collection<EnvironmentStatus> statuses);

    /** Environments whose lease may need the clock: a reminder or expiry by {@code horizon}. */
    @Query(
            "select e.id from Environment e where e.lease.expiresAt is not null and e.lease.expiresAt <= :horizon"
                    + " and e.lease.paused = false and e.condition.status <> io.vendo.environment.EnvironmentStatus.DECOMMISSIONED")
    List<UUID> leasesDueBy(Instant horizon);
}
