package io.vendo.approval.web;

import io.vendo.approval.Approvals;
import io.vendo.digest.Sha256;
import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.web.RequestPageSection;
import io.vendo.web.FormTokens;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The approval's part of a request's page: the policy, what it still waits for, the decisions, and the decision form
 * for an approver it waits for. The version is the approval as shown (its text has no maps, so it reads the same on
 * every replica) and whether this viewer may decide.
 */
@Component
class ApprovalSection implements RequestPageSection {

    private final Approvals approvals;
    private final FormTokens formTokens;

    ApprovalSection(Approvals approvals, FormTokens formTokens) {
        this.approvals = approvals;
        this.formTokens = formTokens;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Part> read(RequestView request, Actor viewer) {
        var approval = approvals.view(request.id(), viewer);
        return Optional.of(new Part(
                "approval/panel :: panel",
                Map.of("approval", approval, "requestId", request.id(), "formToken", formTokens.issue()),
                Sha256.hex(approval.toString())));
    }
}
