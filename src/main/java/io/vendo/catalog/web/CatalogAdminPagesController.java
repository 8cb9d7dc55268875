package io.vendo.catalog.web;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.CatalogQuery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.InvalidEntryException;
import io.vendo.refusal.Refusal;
import io.vendo.web.InvalidInputException;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform team's list of blueprints: add one with its first version, sync the catalog directory, import a Service
 * Catalog portfolio. A refused blueprint comes back with a message per field and stores nothing.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class CatalogAdminPagesController {

    static final List<String> CAPABILITIES =
            List.of("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND");

    private final Catalog catalog;
    private final CatalogAdministration administration;

    CatalogAdminPagesController(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @InitBinder("form")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields(
                "slug",
                "kind",
                "name",
                "description",
                "owner",
                "tags",
                "allowedEnvironments",
                "approvalPolicy",
                "maxLifetime",
                "quotaPerTeam",
                "capabilities",
                "delivery",
                "template");
        binder.addValidators(new BlueprintFormValidator());
    }

    @GetMapping("/admin/blueprints")
    String blueprints(Model model) {
        return render(model, new BlueprintForm(), null);
    }

    @PostMapping("/admin/blueprints")
    String create(
            @Valid @ModelAttribute("form") BlueprintForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(model, form, binding);
        }
        try {
            var version = administration.create(form.blueprint());
            redirect.addFlashAttribute(
                    "notice",
                    "Blueprint %s added as version 1: it is in the catalog now.%s"
                            .formatted(version.name(), warnings(version.patternWarnings())));
            return "redirect:/admin/blueprints/" + version.slug();
        } catch (InvalidEntryException refused) {
            RefusedEntry.reject(binding, refused);
            return render(model, form, binding);
        }
    }

    @PostMapping("/admin/catalog/sync")
    String sync(Model model) {
        model.addAttribute("report", administration.synchronize());
        return render(model, new BlueprintForm(), null);
    }

    @PostMapping("/admin/catalog/service-catalog-import")
    String importPortfolio(@RequestParam(defaultValue = "") String portfolioId, Model model) {
        model.addAttribute("portfolioId", portfolioId.strip());
        try {
            model.addAttribute("report", administration.importPortfolio(portfolioId.strip()));
        } catch (InvalidEntryException e) {
            model.addAttribute("importErrors", e.errors());
        } catch (Refusal e) {
            model.addAttribute("importErrors", Map.of("import", e.detail()));
        }
        return render(model, new BlueprintForm(), null);
    }

    /** What the admin should know about a version just stored: its patterns that cannot be matched linearly. */
    static String warnings(List<String> warnings) {
        return warnings.isEmpty() ? "" : " Warning: " + String.join("; ", warnings) + ".";
    }

    private String render(Model model, BlueprintForm form, @Nullable BindingResult binding) {
        model.addAttribute("blueprints", catalog.search(new CatalogQuery(null, null, null, null, null, true)));
        model.addAttribute("directory", administration.syncSource().orElse(null));
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", administration.lastSync().orElse(null));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", binding == null ? Map.of() : InvalidInputException.errors(binding));
        if (!model.containsAttribute("importErrors")) {
            model.addAttribute("importErrors", Map.of());
        }
        model.addAttribute("kinds", BlueprintKind.values());
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute("capabilities", CAPABILITIES);
        return "admin/blueprints";
    }
}
