package io.vendo.approval;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Decisions read across approvals: what one approver decided, newest first. They are written by {@link Approval}. */
interface DecisionRepository extends Repository<Decision, UUID> {

    List<Decision> findByApproverOrderByDecidedAtDesc(String approver, Limit limit);
}
