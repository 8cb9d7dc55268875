package io.vendo.promotion;

import jakarta.persistence.LockModeType;
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

    /** Held until the transaction ends: deliveries of the same success file its next step one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Promotion p where p.id = :id")
    Optional<Promotion> lockById(UUID id);
}
