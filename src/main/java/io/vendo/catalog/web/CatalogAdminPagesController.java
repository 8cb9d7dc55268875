package io.vendo.catalog.web;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.CatalogQuery;
import io.vendo.catalog.Delivery;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.InvalidEntryException;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewVersion;
import io.vendo.refusal.Refusal;
import io.vendo.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform team curates the catalog: blueprints (create, new version, metadata, retire), targets, and the
 * catalog directory sync. A refused form comes back with a message per field and stores nothing.
 */
@io.vendo.web.PageController
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

    @GetMapping("/admin/blueprints")
    String blueprints(Model model) {
        return renderList(model, new BlueprintForm(), Map.of());
    }

    @PostMapping("/admin/blueprints")
    String create(
            @ModelAttribute("form") BlueprintForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return renderList(model, form, InvalidInputException.errors(binding));
        }
        var errors = new LinkedHashMap<String, String>();
        var metadata = form.metadata(errors);
        BlueprintKind kind = null;
        try {
            kind = BlueprintKind.valueOf(form.getKind());
        } catch (IllegalArgumentException e) {
            errors.put("kind", "Choose a kind");
        }
        if (!errors.isEmpty()) {
            return renderList(model, form, errors);
        }
        try {
            var delivery = Delivery.fromYaml(kind, form.getDelivery());
            var version = administration.create(new NewBlueprint(
                    form.getSlug().strip(),
                    kind,
                    metadata,
                    new NewVersion(form.getTemplate(), form.getCapabilities(), delivery)));
            redirect.addFlashAttribute(
                    "notice",
                    "Blueprint %s added as version 1: it is in the catalog now.%s"
                            .formatted(version.name(), warnings(version.patternWarnings())));
            return "redirect:/admin/blueprints/" + version.slug();
        } catch (InvalidEntryException e) {
            return renderList(model, form, e.errors());
        }
    }

    @PostMapping("/admin/catalog/sync")
    String sync(Model model) {
        model.addAttribute("report", administration.synchronize());
        return renderList(model, new BlueprintForm(), Map.of());
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
        return renderList(model, new BlueprintForm(), Map.of());
    }

    @GetMapping("/admin/blueprints/{slug}")
    String blueprint(@PathVariable String slug, Model model) {
        var blueprint = catalog.blueprint(slug);
        var latest = catalog.version(slug, blueprint.latestVersion());
        var version = new BlueprintForm();
        version.setTemplate(latest.templateBody());
        version.setCapabilities(latest.capabilities());
        version.setDelivery(latest.delivery().toYaml());
        return renderBlueprint(model, slug, BlueprintForm.of(blueprint), version, Map.of());
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
            return renderBlueprint(
                    model, slug, BlueprintForm.of(blueprint), form, InvalidInputException.errors(binding));
        }
        try {
            var outcome = administration.addVersion(
                    blueprint.id(),
                    new NewVersion(
                            form.getTemplate(),
                            form.getCapabilities(),
                            Delivery.fromYaml(blueprint.kind(), form.getDelivery())));
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
                                            warnings(outcome.version().patternWarnings()))
                            : "Nothing changed: version %d already holds this template and these settings."
                                    .formatted(outcome.version().number()));
            return "redirect:/admin/blueprints/" + slug;
        } catch (InvalidEntryException e) {
            return renderBlueprint(model, slug, BlueprintForm.of(blueprint), form, e.errors());
        }
    }

    @PostMapping("/admin/blueprints/{slug}/metadata")
    String describe(
            @PathVariable String slug,
            @ModelAttribute("form") BlueprintForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var blueprint = catalog.blueprint(slug);
        var errors = new LinkedHashMap<String, String>(InvalidInputException.errors(binding));
        var metadata = form.metadata(errors);
        var version = new BlueprintForm();
        var latest = catalog.version(slug, blueprint.latestVersion());
        version.setTemplate(latest.templateBody());
        version.setCapabilities(latest.capabilities());
        version.setDelivery(latest.delivery().toYaml());
        if (!errors.isEmpty() || binding.hasErrors()) {
            errors.putAll(InvalidInputException.errors(binding));
            return renderBlueprint(model, slug, form, version, errors);
        }
        try {
            administration.describe(blueprint.id(), metadata);
            redirect.addFlashAttribute("notice", "Metadata saved.");
            return "redirect:/admin/blueprints/" + slug;
        } catch (InvalidEntryException e) {
            return renderBlueprint(model, slug, form, version, e.errors());
        }
    }

    @PostMapping("/admin/blueprints/{slug}/retire")
    String retire(@PathVariable String slug, RedirectAttributes redirect) {
        administration.retire(catalog.blueprint(slug).id());
        redirect.addFlashAttribute(
                "notice", "Blueprint retired: it takes no new requests; requests made before are unaffected.");
        return "redirect:/admin/blueprints/" + slug;
    }

    @GetMapping("/admin/targets")
    String targets(Model model) {
        return renderTargets(model, new TargetForm(), Map.of(), null);
    }

    @PostMapping("/admin/targets")
    String createTarget(
            @ModelAttribute("form") TargetForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return renderTargets(model, form, InvalidInputException.errors(binding), null);
        }
        var errors = new LinkedHashMap<String, String>();
        var target = form.toNewTarget(null, errors);
        if (!errors.isEmpty()) {
            return renderTargets(model, form, errors, null);
        }
        try {
            administration.createTarget(target);
        } catch (InvalidEntryException e) {
            return renderTargets(model, form, e.errors(), null);
        }
        redirect.addFlashAttribute("notice", "Target %s added.".formatted(target.name()));
        return "redirect:/admin/targets";
    }

    @GetMapping("/admin/targets/{slug}")
    String target(@PathVariable String slug, Model model) {
        return renderTargets(model, TargetForm.of(catalog.target(slug)), Map.of(), slug);
    }

    @PostMapping("/admin/targets/{slug}")
    String updateTarget(
            @PathVariable String slug,
            @ModelAttribute("form") TargetForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var existing = catalog.target(slug);
        form.setSlug(slug);
        if (binding.hasErrors()) {
            return renderTargets(model, form, InvalidInputException.errors(binding), slug);
        }
        var errors = new LinkedHashMap<String, String>();
        var target = form.toNewTarget(existing.externalId(), errors);
        if (!errors.isEmpty()) {
            return renderTargets(model, form, errors, slug);
        }
        try {
            administration.updateTarget(slug, target);
        } catch (InvalidEntryException e) {
            return renderTargets(model, form, e.errors(), slug);
        }
        redirect.addFlashAttribute("notice", "Target %s saved.".formatted(target.name()));
        return "redirect:/admin/targets";
    }

    private static String warnings(List<String> warnings) {
        return warnings.isEmpty() ? "" : " Warning: " + String.join("; ", warnings) + ".";
    }

    private String renderList(Model model, BlueprintForm form, Map<String, String> errors) {
        model.addAttribute("blueprints", catalog.search(new CatalogQuery(null, null, null, null, null, true)));
        model.addAttribute("directory", administration.syncSource().orElse(null));
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", administration.lastSync().orElse(null));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("importErrors")) {
            model.addAttribute("importErrors", Map.of());
        }
        model.addAttribute("kinds", BlueprintKind.values());
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute("capabilities", CAPABILITIES);
        return "admin/blueprints";
    }

    private String renderBlueprint(
            Model model, String slug, BlueprintForm form, BlueprintForm version, Map<String, String> errors) {
        var blueprint = catalog.blueprint(slug);
        model.addAttribute("blueprint", blueprint);
        model.addAttribute("versions", catalog.versions(slug));
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("environments", EnvironmentTier.values());
        model.addAttribute("capabilities", CAPABILITIES);
        return "admin/blueprint";
    }

    private String renderTargets(
            Model model,
            TargetForm form,
            Map<String, String> errors,
            @org.jspecify.annotations.Nullable String editing) {
        model.addAttribute("targets", catalog.targets());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        model.addAttribute("regions", catalog.regions());
        model.addAttribute("environments", EnvironmentTier.values());
        return "admin/targets";
    }
}
