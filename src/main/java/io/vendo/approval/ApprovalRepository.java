package io.vendo.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ApprovalRepository extends Repository<Approval, UUID> {

    Approval save(Approval approval);

    Optional<Approval> findById(UUID requestId);

    List<Approval> findByStatusOrderByOpenedAtAsc(ApprovalStatus status);
}
