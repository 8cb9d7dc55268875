package io.vendo.environment.web;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.environment.EnvironmentView;
import io.vendo.environment.Environments;
import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal;
import io.vendo.request.RequestView;
import io.vendo.web.PageController;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An environment's "Update" action: a form generated from the chosen blueprint version's parameters (the
 * environment's own, or a newer one), prefilled with the current values; NoEcho fields stay empty and keep their value
 * unless typed again. Values are validated on the server exactly as a new request's are, each refused value shown
 * beside its field (the page answers 200, as the request form does); nothing is stored until the form is accepted.
 */
@PageController
class EnvironmentUpdateController {

    private static final String PREFIX = "parameters[";

    private final Environments environments;
    private final Catalog catalog;

    EnvironmentUpdateController(Environments environments, Catalog catalog) {
        this.environments = environments;
        this.catalog = catalog;
    }

    @GetMapping("/environments/{id}/update")
    String form(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        var environment = environments.get(id, actor);
        requireActor(environment, actor);
        var versions = environments.updatableVersions(environment);
        if (versions.isEmpty()) {
            redirect.addFlashAttribute(
                    "actionError",
                    "Blueprint %s is retired: its environments are not updated".formatted(environment.blueprintSlug()));
            return "redirect:/environments/" + id;
        }
        var chosen = version != null && versions.contains(version) ? version : environment.blueprintVersion();
        return render(environment, versions, chosen, current(environment), "", Map.of(), null, model);
    }

    @PostMapping("/environments/{id}/updates")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        var environment = environments.get(id, actor);
        var versions = environments.updatableVersions(environment);
        var version = parseVersion(form.getFirst("version"), environment.blueprintVersion());
        var justification =
                form.getOrDefault("justification", List.of("")).getFirst().strip();
        var values = new LinkedHashMap<String, String>();
        form.forEach((key, submitted) -> {
            if (key.startsWith(PREFIX) && key.endsWith("]")) {
                values.put(key.substring(PREFIX.length(), key.length() - 1), String.join(",", submitted));
            }
        });
        if (justification.isBlank() || justification.length() > 1000) {
            return render(
                    environment,
                    versions,
                    version,
                    values,
                    justification,
                    Map.of("justification", "Say why the environment should change (at most 1000 characters)"),
                    null,
                    model);
        }
        try {
            var request = environments.update(id, version, values, justification, actor);
            redirect.addFlashAttribute(
                    "notice",
                    request.previewPending()
                            ? "Update requested: AWS computes the change set, and approvers see it before they decide."
                            : "Update requested.");
            return "redirect:/requests/" + request.id();
        } catch (InvalidParametersException invalid) {
            var messages = new LinkedHashMap<String, String>();
            invalid.errors().forEach((name, message) -> messages.put(PREFIX + name + "]", message));
            return render(environment, versions, version, values, justification, messages, null, model);
        } catch (Refusal refused) {
            return render(environment, versions, version, values, justification, Map.of(), refused.getMessage(), model);
        }
    }

    private String render(
            EnvironmentView environment,
            List<Integer> versions,
            int version,
            Map<String, String> values,
            String justification,
            Map<String, String> messages,
            @Nullable String actionError,
            Model model) {
        var definitions = catalog.version(environment.blueprintSlug(), version).parameters();
        var shown = new LinkedHashMap<String, String>();
        for (var definition : definitions) {
            var value = values.getOrDefault(definition.name(), definition.defaultValue());
            // NoEcho values are never sent to the browser: left empty, they keep what the environment has.
            shown.put(definition.name(), definition.noEcho() || value == null ? "" : value);
        }
        model.addAttribute("environment", environment);
        model.addAttribute("versions", versions);
        model.addAttribute("version", version);
        model.addAttribute("definitions", definitions);
        model.addAttribute("values", shown);
        model.addAttribute("secretsKept", secretsKept(environment, definitions));
        model.addAttribute("justification", justification);
        model.addAttribute("messages", messages);
        model.addAttribute("actionError", actionError);
        return "environment/update";
    }

    /** The NoEcho parameters the environment has a value for: left empty, they keep it. */
    private static List<String> secretsKept(EnvironmentView environment, List<ParameterDefinition> definitions) {
        return definitions.stream()
                .filter(ParameterDefinition::noEcho)
                .map(ParameterDefinition::name)
                .filter(environment.parameters()::containsKey)
                .toList();
    }

    private static Map<String, String> current(EnvironmentView environment) {
        var values = new LinkedHashMap<String, String>(environment.parameters());
        values.replaceAll((name, value) -> RequestView.MASK.equals(value) ? "" : value);
        return values;
    }

    private static int parseVersion(@Nullable String version, int fallback) {
        try {
            return version == null || version.isBlank() ? fallback : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void requireActor(EnvironmentView environment, Actor actor) {
        if (!environment.actionableBy(actor)) {
            throw new AccessDeniedException(
                    "%s may not update environment %s".formatted(actor.username(), environment.id()));
        }
    }
}
