package io.vendo.request.web;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.TargetDetails;
import io.vendo.catalog.TargetNotAllowedException;
import io.vendo.identity.Actor;
import io.vendo.request.AccountResource;
import io.vendo.request.AccountResources;
import io.vendo.request.QuotaExceededException;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import io.vendo.web.InvalidInputException;
import io.vendo.web.PageController;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form generated from a blueprint's parameters, and its submission. */
@PageController
class RequestFormController {

    private static final int MAX_JUSTIFICATION = 2000;

    private final Catalog catalog;
    private final Requests requests;
    private final AccountResources accountResources;

    RequestFormController(Catalog catalog, Requests requests, AccountResources accountResources) {
        this.catalog = catalog;
        this.requests = requests;
        this.accountResources = accountResources;
    }

    @GetMapping("/blueprints/{slug}/request")
    String form(@PathVariable String slug, @RequestParam(required = false) @Nullable String target, Model model) {
        var blueprint = catalog.latestVersion(slug);
        var form = new RequestForm();
        if (target != null) {
            form.setTarget(target);
        }
        // Defaults pre-filled, except secrets: a NoEcho default stays the template's, unseen.
        blueprint.parameters().forEach(parameter -> form.getParameters()
                .put(
                        parameter.name(),
                        parameter.defaultValue() == null || parameter.noEcho()
                                ? ""
                                : ParameterField.display(parameter, parameter.defaultValue())));
        return render(model, blueprint, form, Map.of());
    }

    @PostMapping("/blueprints/{slug}/request")
    String submit(
            @PathVariable String slug,
            @ModelAttribute("form") RequestForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        var blueprint = catalog.latestVersion(slug);
        var errors = new LinkedHashMap<String, String>();
        if (binding.hasErrors()) {
            // A refused value (a control character) is named under its parameter, as the parameter's own rules are.
            InvalidInputException.errors(binding)
                    .forEach((field, message) -> errors.put(parameterName(field), "The value " + message));
            blueprint.parameters().stream().filter(ParameterDefinition::noEcho).forEach(secret -> form.getParameters()
                    .put(secret.name(), ""));
            return render(model, blueprint, form, errors);
        }
        if (catalog.targetsFor(blueprint).stream()
                .noneMatch(target -> target.slug().equals(form.getTarget()))) {
            errors.put("target", "Choose where to deploy");
        }
        if (form.getJustification().isBlank()) {
            errors.put("justification", "Say why this is needed: approvers read it");
        } else if (form.getJustification().length() > MAX_JUSTIFICATION) {
            errors.put("justification", "At most %d characters".formatted(MAX_JUSTIFICATION));
        }
        var values = submittedValues(blueprint, form);
        try {
            catalog.validateParameters(blueprint, values);
        } catch (InvalidParametersException e) {
            // Report every problem at once, not the parameters only after the other fields are right.
            errors.putAll(e.errors());
        }
        if (!errors.isEmpty()) {
            // Never echo a secret back, not even into its own field: the requester types it again.
            blueprint.parameters().stream().filter(ParameterDefinition::noEcho).forEach(secret -> form.getParameters()
                    .put(secret.name(), ""));
            return render(model, blueprint, form, errors);
        }
        RequestView submitted;
        try {
            submitted =
                    requests.submit(new SubmitRequest(slug, form.getTarget(), values, form.getJustification()), actor);
        } catch (InvalidParametersException e) {
            return render(model, blueprint, form, e.errors());
        } catch (TargetNotAllowedException e) {
            return render(model, blueprint, form, e.errors());
        } catch (QuotaExceededException e) {
            return render(model, blueprint, form, Map.of("quota", e.detail()));
        }
        redirect.addFlashAttribute("notice", "Request submitted: it now waits for approval.");
        return "redirect:/requests/" + submitted.id();
    }

    /** {@code parameters[SiteName]} is the parameter {@code SiteName}; other fields keep their names. */
    private static String parameterName(String field) {
        return field.startsWith("parameters[") && field.endsWith("]")
                ? field.substring("parameters[".length(), field.length() - 1)
                : field;
    }

    /** Empty fields of optional parameters mean "use the template's default", as in the CloudFormation console. */
    private static Map<String, String> submittedValues(BlueprintVersionDetails blueprint, RequestForm form) {
        var values = new LinkedHashMap<String, String>();
        form.getParameters().forEach((name, value) -> {
            var definition = blueprint.parameters().stream()
                    .filter(parameter -> parameter.name().equals(name))
                    .findFirst();
            var optional = definition.map(parameter -> !parameter.required()).orElse(false);
            if (!(value.isEmpty() && optional)) {
                values.put(
                        name,
                        definition
                                .map(parameter -> ParameterField.normalize(parameter, value))
                                .orElse(value));
            }
        });
        return values;
    }

    /**
     * The target is chosen on this same form, so the account whose values to offer is known only when the form
     * already holds a target (opened with {@code ?target=}, or shown again after a refused submission) or when the
     * blueprint may go to exactly one target; otherwise the requester types the value (format-checked as before).
     */
    private List<AccountResource> offered(
            ParameterDefinition parameter, RequestForm form, List<TargetDetails> targets) {
        var aws = parameter.parameterType().aws();
        if (aws == null) {
            return List.of();
        }
        var chosen = targets.stream()
                .filter(target -> target.slug().equals(form.getTarget()))
                .findFirst()
                .or(() -> targets.size() == 1 ? Optional.of(targets.getFirst()) : Optional.empty());
        return chosen.flatMap(target -> accountResources.list(target, aws)).orElse(List.of());
    }

    private String render(
            Model model, BlueprintVersionDetails blueprint, RequestForm form, Map<String, String> errors) {
        var targets = catalog.targetsFor(blueprint);
        model.addAttribute("blueprint", blueprint);
        model.addAttribute(
                "sections",
                ParameterSection.of(blueprint.parameters().stream()
                        .map(parameter -> ParameterField.of(parameter, offered(parameter, form, targets)))
                        .toList()));
        model.addAttribute("targets", targets);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "request/form";
    }
}
