package io.vendo.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ApprovalLinkRepository extends Repository<ApprovalLink, String> {

    ApprovalLink save(ApprovalLink link);

    List<ApprovalLink> saveAll(Iterable<ApprovalLink> links);

    Optional<ApprovalLink> findById(String tokenHash);

    /** @return 1 when this call used the link, 0 when it had been used already */
    @Modifying
    @Query("update ApprovalLink link set link.usedAt = :now where link.tokenHash = :tokenHash and link.usedAt is null")
    int markUsed(String tokenHash, Instant now);
}
