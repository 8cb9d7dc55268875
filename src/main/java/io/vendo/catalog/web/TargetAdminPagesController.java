package io.vendo.catalog.web;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.InvalidEntryException;
import io.vendo.web.InvalidInputException;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

/**
 * The platform team's targets: add one, change one (its slug stays; an empty external id keeps the stored one, which
 * is never shown). A refused form comes back with a message per field and stores nothing.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class TargetAdminPagesController {

    private final Catalog catalog;
    private final CatalogAdministration administration;

    TargetAdminPagesController(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @InitBinder("form")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields(
                "slug",
                "name",
                "accountId",
                "region",
                "environment",
                "executionRoleArn",
                "externalId",
                "allowedBlueprints",
                "allowedOrganizationalUnits");
        binder.addValidators(new TargetFormValidator());
    }

    @GetMapping("/admin/targets")
    String targets(Model model) {
        return render(model, new TargetForm(), null, null);
    }

    @PostMapping("/admin/targets")
    String create(
            @Valid @ModelAttribute("form") TargetForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(model, form, binding, null);
        }
        try {
            var target = administration.createTarget(form.toNewTarget(null));
            redirect.addFlashAttribute("notice", "Target %s added.".formatted(target.name()));
            return "redirect:/admin/targets";
        } catch (InvalidEntryException refused) {
            RefusedEntry.reject(binding, refused);
            return render(model, form, binding, null);
        }
    }

    @GetMapping("/admin/targets/{slug}")
    String target(@PathVariable String slug, Model model) {
        return render(model, TargetForm.of(catalog.target(slug)), null, slug);
    }

    @PostMapping("/admin/targets/{slug}")
    String update(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") TargetForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var existing = catalog.target(slug);
        form.setSlug(slug);
        if (binding.hasErrors()) {
            return render(model, form, binding, slug);
        }
        try {
            var target = administration.updateTarget(slug, form.toNewTarget(existing.externalId()));
            redirect.addFlashAttribute("notice", "Target %s saved.".formatted(target.name()));
            return "redirect:/admin/targets";
        } catch (InvalidEntryException refused) {
            RefusedEntry.reject(binding, refused);
            return render(model, form, binding, slug);
        }
    }

    private String render(Model model, TargetForm form, @Nullable BindingResult binding, @Nullable String editing) {
        model.addAttribute("targets", catalog.targets());
        model.addAttribute("form", form);
        model.addAttribute("errors", binding == null ? Map.of() : InvalidInputException.errors(binding));
        model.addAttribute("editing", editing);
        model.addAttribute("regions", catalog.regions());
        model.addAttribute("environments", EnvironmentTier.values());
        return "admin/targets";
    }
}
