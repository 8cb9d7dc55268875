package io.vendo.promotion;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PromotionRepository extends Repository<Promotion, UUID> {

    Promotion save(Promotion promotion);

    Optional<Promotion> findById(UUID id);

    /** The promotion one of whose steps this request carries out. */
    @Query(value = "select promotion_id from promotion_step where request_id = :requestId", nativeQuery = true)
    Optional<UUID> idByStepRequest(UUID requestId);

    /** The team's promotions with steps neither filed nor refused (including stopped ones: their steps stay unfiled). */
    @Query("select distinct p from Promotion p join p.steps s"
            + " where p.team = :team and s.requestId is null and s.refusal is null")
    List<Promotion> withStepsToFile(String team);

    /** Held until the transaction ends: deliveries of the same success file its next step one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Promotion p where p.id = :id")
    Optional<Promotion> lockById(UUID id);
}
