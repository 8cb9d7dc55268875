package io.vendo.approval;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ApprovalRepository extends Repository<Approval, UUID> {

    Approval save(Approval approval);

    Optional<Approval> findById(UUID requestId);

    /**
     * Locked until the transaction ends: the rows of a fleet's update report their previews in transactions of their
     * own, and each looks at the others' under this lock, so the last one to commit sees every preview there.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Approval a where a.requestId = :requestId")
    Optional<Approval> lockById(UUID requestId);

    List<Approval> findByStatusOrderByOpenedAtAsc(ApprovalStatus status);
}
