package io.vendo.approval.web;

import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionChannel;
import io.vendo.approval.DecisionOutcome;
import io.vendo.identity.Actor;
import io.vendo.web.InvalidInputException;
import io.vendo.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals inbox, the decision panel of a request page, the decision form, and the confirmation page behind an
 * e-mail link. Following a link (GET, HEAD) only shows; deciding takes a POST from a logged-in approver.
 */
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

    /** Loaded into the request page: policy, decisions so far, and the buttons when the viewer may decide. */
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
            @ModelAttribute DecisionComment form,
            BindingResult binding,
            Actor actor,
            HttpServletRequest http,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute(
                    "decisionError",
                    "The comment " + InvalidInputException.errors(binding).getOrDefault("comment", "is not valid"));
            return "redirect:/requests/" + id;
        }
        var comment = form.getComment();
        if (decision == DecisionOutcome.REJECT && comment.isBlank()) {
            redirect.addFlashAttribute("decisionError", "Give the requester a reason for the rejection.");
            return "redirect:/requests/" + id;
        }
        approvals.decide(id, actor, decision, comment, DecisionChannel.WEB, http.getRemoteAddr());
        redirect.addFlashAttribute("notice", notice(decision));
        return "redirect:/requests/" + id;
    }

    /** Safe for mail scanners: renders the request and the question, changes nothing. */
    @GetMapping("/approvals/{token}")
    String confirmation(
            @PathVariable String token,
            @RequestParam(required = false) DecisionOutcome decision,
            Actor actor,
            HttpServletRequest http,
            Model model) {
        var confirmation = approvals.confirmation(token, actor, http.getRemoteAddr());
        model.addAttribute("token", token);
        model.addAttribute("request", confirmation.request());
        model.addAttribute("approval", confirmation.approval());
        model.addAttribute("resources", confirmation.resources());
        model.addAttribute("suggested", decision);
        return "approval/confirm";
    }

    @PostMapping("/approvals/{token}")
    String decideByLink(
            @PathVariable String token,
            @RequestParam DecisionOutcome decision,
            @ModelAttribute DecisionComment form,
            BindingResult binding,
            Actor actor,
            HttpServletRequest http,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute(
                    "decisionError",
                    "The comment " + InvalidInputException.errors(binding).getOrDefault("comment", "is not valid"));
            redirect.addAttribute("decision", decision);
            return "redirect:/approvals/" + token;
        }
        var request = approvals.decideByLink(token, actor, decision, form.getComment(), http.getRemoteAddr());
        redirect.addFlashAttribute("notice", notice(decision));
        return "redirect:/requests/" + request.id();
    }

    /** The free-text part of a decision form, bound so that a refused comment comes back as the form's message. */
    static class DecisionComment {
        private String comment = "";

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }

    private static String notice(DecisionOutcome decision) {
        return decision == DecisionOutcome.APPROVE ? "You approved this request." : "You rejected this request.";
    }
}
