package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.request.RequestParticipation;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the request module who takes part in deciding a request, so approvers may open what they are asked about. */
@Component
class ApprovalParticipants implements RequestParticipation {

    private final ApprovalRepository approvals;

    ApprovalParticipants(ApprovalRepository approvals) {
        this.approvals = approvals;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean participates(UUID requestId, Actor actor) {
        return approvals
                .findById(requestId)
                .filter(approval -> approval.involves(actor))
                .isPresent();
    }
}
