package io.vendo.catalog.web;

import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.InvalidEntryException;
import io.vendo.refusal.Refusal;
import io.vendo.web.PageController;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a composite blueprint on the admin pages: its descriptor pasted as the catalog directory holds it, with the
 * template files its components name. It is checked exactly as a directory sync checks a folder; a refused one comes
 * back as it was entered, every refusal naming the descriptor's line, and nothing is stored.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class CompositeAdminPagesController {

    /** At most this many rows for template files: a composite deploys a handful of stacks. */
    static final int MAX_TEMPLATES = 20;

    private static final Pattern LINE = Pattern.compile("^line (\\d+), ");

    private final CatalogAdministration administration;

    CompositeAdminPagesController(CatalogAdministration administration) {
        this.administration = administration;
    }

    @InitBinder("composite")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields("slug", "descriptor", "templates[*].name", "templates[*].body");
    }

    @GetMapping("/admin/composites/new")
    String form(Model model) {
        return render(model, CompositeForm.empty(), Map.of());
    }

    @PostMapping("/admin/composites/new")
    String create(
            @ModelAttribute("composite") CompositeForm form,
            @RequestParam(name = "another", required = false) String another,
            Model model,
            RedirectAttributes redirect) {
        if (another != null) {
            if (form.getTemplates().size() < MAX_TEMPLATES) {
                form.addRows(1);
            }
            return render(model, form, Map.of());
        }
        try {
            var version = administration.createComposite(form.getSlug(), form.getDescriptor(), form.templateFiles());
            redirect.addFlashAttribute(
                    "notice",
                    "Composite blueprint %s added as version 1: it is in the catalog now.%s"
                            .formatted(
                                    version.name(), CatalogAdminPagesController.warnings(version.patternWarnings())));
            return "redirect:/admin/blueprints/" + version.slug();
        } catch (InvalidEntryException refused) {
            return render(model, form, refused.errors());
        } catch (Refusal refused) {
            // A slug that is taken.
            return render(model, form, Map.of("slug", refused.detail()));
        }
    }

    private static String render(Model model, CompositeForm form, Map<String, String> errors) {
        if (form.getTemplates().isEmpty()) {
            form.addRows(CompositeForm.FIRST_ROWS);
        }
        // In the descriptor's order: what has no line (the slug, the descriptor as a whole) first.
        var ordered = new LinkedHashMap<String, String>();
        errors.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, String>>comparingInt(error -> lineOf(error.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(error -> ordered.put(error.getKey(), error.getValue()));
        model.addAttribute("composite", form);
        model.addAttribute("errors", ordered);
        return "admin/composite";
    }

    private static int lineOf(String key) {
        var line = LINE.matcher(key);
        return line.find() ? Integer.parseInt(line.group(1)) : 0;
    }
}
