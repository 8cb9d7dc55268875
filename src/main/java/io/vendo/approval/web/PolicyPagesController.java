package io.vendo.approval.web;

import io.vendo.approval.ApprovalPolicies;
import io.vendo.approval.NewPolicy;
import io.vendo.approval.PolicyRefusedException;
import io.vendo.approval.Requirement;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.web.InvalidInputException;
import io.vendo.web.PageController;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
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

    @GetMapping("/admin/policies")
    String list(Model model) {
        return render(model, new PolicyForm(), new LinkedHashMap<>());
    }

    @PostMapping("/admin/policies")
    String add(
            @ModelAttribute("form") PolicyForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(model, form, InvalidInputException.errors(binding));
        }
        var errors = new LinkedHashMap<String, String>();
        if (form.getName().isBlank()) {
            errors.put("name", "Give the policy a name");
        }
        var requirements = new ArrayList<Requirement>();
        if (!form.isAutoApprove()) {
            parseRequirements(form.getRequirements(), requirements, errors);
        }
        if (!errors.isEmpty()) {
            return render(model, form, errors);
        }
        policies.add(new NewPolicy(
                form.getName().strip(),
                blankToNull(form.getBlueprint()),
                form.getEnvironment().isBlank() ? null : EnvironmentTier.valueOf(form.getEnvironment()),
                blankToNull(form.getTeam()),
                form.isAutoApprove(),
                requirements,
                blankToNull(form.getFallbackGroup())));
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

    /** "team-leads:1, platform-team:2" → two requirements. */
    private static void parseRequirements(String text, List<Requirement> requirements, Map<String, String> errors) {
        for (var part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            var pieces = part.strip().split(":");
            try {
                requirements.add(new Requirement(
                        pieces[0].strip(), pieces.length > 1 ? Integer.parseInt(pieces[1].strip()) : 1));
            } catch (IllegalArgumentException e) {
                errors.put(
                        "requirements", "Write requirements as group:count, separated by commas (e.g. team-leads:1)");
                return;
            }
        }
        if (requirements.isEmpty()) {
            errors.put("requirements", "Name at least one group that must approve, or approve automatically");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String render(Model model, PolicyForm form, Map<String, String> errors) {
        model.addAttribute("policies", policies.all());
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/policies";
    }

    /** The add-policy form. */
    static class PolicyForm {
        private String name = "";
        private String blueprint = "";
        private String environment = "";
        private String team = "";
        private boolean autoApprove;
        private String requirements = "";
        private String fallbackGroup = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getBlueprint() {
            return blueprint;
        }

        public void setBlueprint(String blueprint) {
            this.blueprint = blueprint;
        }

        public String getEnvironment() {
            return environment;
        }

        public void setEnvironment(String environment) {
            this.environment = environment;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        public boolean isAutoApprove() {
            return autoApprove;
        }

        public void setAutoApprove(boolean autoApprove) {
            this.autoApprove = autoApprove;
        }

        public String getRequirements() {
            return requirements;
        }

        public void setRequirements(String requirements) {
            this.requirements = requirements;
        }

        public String getFallbackGroup() {
            return fallbackGroup;
        }

        public void setFallbackGroup(String fallbackGroup) {
            this.fallbackGroup = fallbackGroup;
        }
    }
}
