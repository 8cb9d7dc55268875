package io.vendo.approval.web;

import io.vendo.approval.Approvals;
import io.vendo.approval.DecisionChannel;
import io.vendo.approval.DecisionOutcome;
import io.vendo.approval.RoundSupersededException;
import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import io.vendo.web.FormProblems;
import io.vendo.web.FormTokens;
import io.vendo.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals inbox, the decision form of a request page, and the confirmation page behind an e-mail link.
 * Following a link (GET, HEAD) only shows; deciding takes a POST from a logged-in approver. Each rendered decision
 * form carries a one-time token: sent twice, it decides once and both land on the request with the same notice. Each
 * also carries the approval's round it showed: when what that round previewed went stale in the meantime, nothing is
 * decided and the page shows the new preview with why.
 */
@PageController
class ApprovalPagesController {

    private static final int DECIDED_SHOWN = 50;

    private final Approvals approvals;
    private final FormTokens formTokens;
    private final Requests requests;

    ApprovalPagesController(Approvals approvals, FormTokens formTokens, Requests requests) {
        this.approvals = approvals;
        this.formTokens = formTokens;
        this.requests = requests;
    }

    @InitBinder("decisionForm")
    void decisionBinding(WebDataBinder binder) {
        binder.setAllowedFields("decision", "comment", "round", "formToken");
        binder.addValidators(new DecisionFormValidator());
    }

    /** What waits for the approver's decision, oldest first; with {@code ?decided=true}, what they decided, newest first. */
    @GetMapping("/approvals")
    String inbox(@RequestParam(defaultValue = "false") boolean decided, Actor actor, Model model) {
        var showDecided = decided;
        model.addAttribute("showDecided", showDecided);
        if (showDecided) {
            model.addAttribute("decisions", approvals.decidedBy(actor, DECIDED_SHOWN));
        } else {
            var waiting = approvals.inbox(actor);
            model.addAttribute("requests", waiting);
            // A batch's row 0 decides every row: the inbox says so, and sums an update's previews up.
            var batches = new java.util.HashMap<java.util.UUID, io.vendo.request.BatchView>();
            waiting.forEach(request -> requests.batchOf(request.id())
                    .filter(io.vendo.request.BatchRow::leads)
                    .ifPresent(row -> batches.put(request.id(), requests.batch(row.batchId(), actor))));
            model.addAttribute("batches", batches);
        }
        return "approval/inbox";
    }

    /** From the request page; a refused form goes back there with what is wrong (the page shows it above the rest). */
    @PostMapping("/requests/{id}/decisions")
    String decide(
            @PathVariable UUID id,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult binding,
            Actor actor,
            HttpServletRequest http,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute(
                    "decisionError",
                    FormProblems.of(binding, "decision").getFirst().message());
            return "redirect:/requests/" + id;
        }
        try {
            var outcome = formTokens.once(actor.username(), form.getFormToken(), "", () -> {
                approvals.decide(
                        id,
                        actor,
                        form.outcome(),
                        form.getComment(),
                        DecisionChannel.WEB,
                        http.getRemoteAddr(),
                        form.getRound());
                return new FormTokens.Outcome("/requests/" + id, notice(form.outcome()));
            });
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.location();
        } catch (RoundSupersededException superseded) {
            // The page shows the current round's preview above the form again.
            redirect.addFlashAttribute("decisionError", superseded.detail());
            return "redirect:/requests/" + id;
        }
    }

    /**
     * Safe for mail scanners: renders the request and the question, changes nothing.
     *
     * @param round the round the mail showed: when it was superseded since, the page says so above the new preview
     */
    @GetMapping("/approvals/{token}")
    String confirmation(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable DecisionOutcome decision,
            @RequestParam(name = "round", required = false) @Nullable Integer mailedRound,
            Actor actor,
            HttpServletRequest http,
            Model model) {
        var form = new DecisionForm();
        form.setDecision(decision);
        model.addAttribute("problems", List.of());
        model.addAttribute("messages", Map.of());
        model.addAttribute("mailedRound", mailedRound);
        return showConfirmation(token, form, actor, http, model);
    }

    /** A refused decision (a rejection without a reason, say) shows the same page again with what to fix. */
    @PostMapping("/approvals/{token}")
    String decideByLink(
            @PathVariable String token,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult binding,
            Actor actor,
            HttpServletRequest http,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("problems", FormProblems.of(binding, "decision-form"));
            model.addAttribute("messages", FormProblems.byField(binding));
            return showConfirmation(token, form, actor, http, model);
        }
        try {
            var outcome = formTokens.once(actor.username(), form.getFormToken(), "", () -> {
                var request = approvals.decideByLink(
                        token, actor, form.outcome(), form.getComment(), http.getRemoteAddr(), form.getRound());
                return new FormTokens.Outcome("/requests/" + request.id(), notice(form.outcome()));
            });
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.location();
        } catch (RoundSupersededException superseded) {
            // Nothing was decided and the link is still usable: the same page, with the current round's preview.
            model.addAttribute("problems", List.of());
            model.addAttribute("messages", Map.of());
            model.addAttribute("superseded", superseded.detail());
            form.setRound(null);
            form.setFormToken(formTokens.issue());
            return showConfirmation(token, form, actor, http, model);
        }
    }

    private String showConfirmation(
            String token, DecisionForm form, Actor actor, HttpServletRequest http, Model model) {
        var confirmation = approvals.confirmation(token, actor, http.getRemoteAddr());
        if (form.getFormToken().isBlank()) {
            form.setFormToken(formTokens.issue());
        }
        if (form.getRound() == null) {
            form.setRound(confirmation.approval().round());
        }
        model.addAttribute("token", token);
        model.addAttribute("request", confirmation.request());
        model.addAttribute(
                "batch",
                requests.batchOf(confirmation.request().id())
                        .map(row -> requests.batch(row.batchId(), actor))
                        .orElse(null));
        model.addAttribute("approval", confirmation.approval());
        model.addAttribute("resources", confirmation.resources());
        model.addAttribute("suggested", form.getDecision());
        model.addAttribute("decisionForm", form);
        return "approval/confirm";
    }

    private static String notice(@Nullable DecisionOutcome decision) {
        return decision == DecisionOutcome.APPROVE ? "You approved this request." : "You rejected this request.";
    }
}
