package io.vendo.approval.web;

import io.vendo.approval.ApprovalPolicies;
import io.vendo.approval.PolicyRefusedException;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import io.vendo.web.FormProblems;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins curate approval policies: which scope needs whose approval. */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class PolicyPagesController {

    private final ApprovalPolicies policies;

    PolicyPagesController(ApprovalPolicies policies) {
        this.policies = policies;
    }

    @InitBinder("form")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields(
                "name",
                "blueprint",
                "environment",
                "team",
                "requestKind",
                "autoApprove",
                "requirements",
                "fallbackGroup");
        binder.addValidators(new PolicyFormValidator());
    }

    @GetMapping("/admin/policies")
    String list(Model model) {
        model.addAttribute("problems", List.of());
        model.addAttribute("messages", Map.of());
        return render(model, new PolicyForm());
    }

    @PostMapping("/admin/policies")
    String add(
            @Valid @ModelAttribute("form") PolicyForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("problems", FormProblems.of(binding, "policy-form"));
            model.addAttribute("messages", FormProblems.byField(binding));
            return render(model, form);
        }
        policies.add(form.toPolicy());
        redirect.addFlashAttribute("notice", "Policy added. Requests submitted from now on use it where it applies.");
        return "redirect:/admin/policies";
    }

    @PostMapping("/admin/policies/{id}/delete")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            policies.remove(id);
        } catch (PolicyRefusedException refused) {
            redirect.addFlashAttribute("policyError", refused.detail());
            return "redirect:/admin/policies";
        }
        redirect.addFlashAttribute("notice", "Policy removed. Pending requests keep the policy they were opened with.");
        return "redirect:/admin/policies";
    }

    private String render(Model model, PolicyForm form) {
        model.addAttribute("policies", policies.all());
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute("requestKinds", RequestKind.values());
        model.addAttribute("form", form);
        return "admin/policies";
    }
}
