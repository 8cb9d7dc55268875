package io.vendo.approval;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ApprovalLinkRepository extends Repository<ApprovalLink, String> {

    ApprovalLink save(ApprovalLink link);

    Optional<ApprovalLink> findById(String tokenHash);
}
