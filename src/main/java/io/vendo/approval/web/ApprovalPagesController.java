package io.vendo.approval.web;

import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionChannel;
import io.vendo.approval.DecisionOutcome;
import io.vendo.identity.Actor;
import io.vendo.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approvals inbox, the decision panel of a request page, and the decision form's submission. */
@PageController
class ApprovalPagesController {

    private final Approvals approvals;

    ApprovalPagesController(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/approvals")
    String inbox(Actor actor, Model model) {
        model.addAttribute("requests", approvals.inbox(actor));
        return "approval/inbox";
    }

    /** Loaded into the request page: decisions so far, and the buttons when the viewer may decide. */
    @GetMapping("/requests/{id}/approval")
    String panel(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("requestId", id);
        model.addAttribute("approval", approvals.view(id, actor));
        return "approval/panel :: panel";
    }

    @PostMapping("/requests/{id}/decisions")
    String decide(
            @PathVariable UUID id,
            @RequestParam DecisionOutcome decision,
            @RequestParam(defaultValue = "") String comment,
            Actor actor,
            RedirectAttributes redirect) {
        if (decision == DecisionOutcome.REJECT && comment.isBlank()) {
            redirect.addFlashAttribute("decisionError", "Give the requester a reason for the rejection.");
            return "redirect:/requests/" + id;
        }
        var request = approvals.decide(id, actor, decision, comment, DecisionChannel.WEB);
        redirect.addFlashAttribute(
                "notice",
                decision == DecisionOutcome.APPROVE ? "You approved this request." : "You rejected this request.");
        return "redirect:/requests/" + request.id();
    }
}
