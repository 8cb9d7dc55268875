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
 * One blueprint as the platform team curates it: its metadata (the {@code form}), a new version (the {@code version}
 * form), retiring it. A refused form comes back with a message per field and stores nothing.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class BlueprintAdminPagesController {

    private final Catalog catalog;
    private final CatalogAdministration administration;

    BlueprintAdminPagesController(Catalog catalog, CatalogAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @InitBinder("form")
    void metadataBinding(WebDataBinder binder) {
        binder.setAllowedFields(
                "name",
                "description",
                "owner",
                "tags",
                "allowedEnvironments",
                "approvalPolicy",
                "maxLifetime",
                "quotaPerTeam");
        binder.addValidators(new BlueprintFormValidator());
    }

    @InitBinder("version")
    void versionBinding(WebDataBinder binder) {
        binder.setAllowedFields("template", "capabilities", "delivery");
    }

    @GetMapping("/admin/blueprints/{slug}")
    String blueprint(@PathVariable String slug, Model model) {
        var blueprint = catalog.blueprint(slug);
        return render(model, slug, BlueprintForm.of(blueprint), latestVersion(slug), null);
    }

    @PostMapping("/admin/blueprints/{slug}/versions")
    String addVersion(
            @PathVariable String slug,
            @ModelAttribute("version") BlueprintForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var blueprint = catalog.blueprint(slug);
        if (binding.hasErrors()) {
            return render(model, slug, BlueprintForm.of(blueprint), form, binding);
        }
        try {
            var outcome = administration.addVersion(blueprint.id(), form.version(blueprint.kind()));
            var differences =
                    outcome.aws() == null ? 0 : outcome.aws().differences().size();
            redirect.addFlashAttribute(
                    "notice",
                    outcome.created()
                            ? "Version %d added: new requests use it; earlier requests keep theirs.%s%s"
                                    .formatted(
                                            outcome.version().number(),
                                            differences == 0
                                                    ? ""
                                                    : " AWS's model differs in %d point(s): see the version."
                                                            .formatted(differences),
                                            CatalogAdminPagesController.warnings(
                                                    outcome.version().patternWarnings()))
                            : "Nothing changed: version %d already holds this template and these settings."
                                    .formatted(outcome.version().number()));
            return "redirect:/admin/blueprints/" + slug;
        } catch (InvalidEntryException refused) {
            RefusedEntry.reject(binding, refused);
            return render(model, slug, BlueprintForm.of(blueprint), form, binding);
        }
    }

    @PostMapping("/admin/blueprints/{slug}/metadata")
    String describe(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") BlueprintForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var blueprint = catalog.blueprint(slug);
        if (binding.hasErrors()) {
            return render(model, slug, form, latestVersion(slug), binding);
        }
        try {
            administration.describe(blueprint.id(), form.metadata());
            redirect.addFlashAttribute("notice", "Metadata saved.");
            return "redirect:/admin/blueprints/" + slug;
        } catch (InvalidEntryException refused) {
            RefusedEntry.reject(binding, refused);
            return render(model, slug, form, latestVersion(slug), binding);
        }
    }

    @PostMapping("/admin/blueprints/{slug}/retire")
    String retire(@PathVariable String slug, RedirectAttributes redirect) {
        administration.retire(catalog.blueprint(slug).id());
        redirect.addFlashAttribute(
                "notice", "Blueprint retired: it takes no new requests; requests made before are unaffected.");
        return "redirect:/admin/blueprints/" + slug;
    }

    private BlueprintForm latestVersion(String slug) {
        return BlueprintForm.of(catalog.version(slug, catalog.blueprint(slug).latestVersion()));
    }

    private String render(
            Model model, String slug, BlueprintForm form, BlueprintForm version, @Nullable BindingResult binding) {
        model.addAttribute("blueprint", catalog.blueprint(slug));
        model.addAttribute("versions", catalog.versions(slug));
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("errors", binding == null ? Map.of() : InvalidInputException.errors(binding));
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute("capabilities", CatalogAdminPagesController.CAPABILITIES);
        return "admin/blueprint";
    }
}
