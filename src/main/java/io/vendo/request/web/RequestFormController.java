package io.vendo.request.web;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.StackSetChoice;
import io.vendo.catalog.StackSetChoiceRefusedException;
import io.vendo.catalog.TargetDetails;
import io.vendo.catalog.TargetNotAllowedException;
import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal;
import io.vendo.request.AccountResource;
import io.vendo.request.AccountResources;
import io.vendo.request.DraftSecrets;
import io.vendo.request.PromotionChecks;
import io.vendo.request.PromotionRefusedException;
import io.vendo.request.Requests;
import io.vendo.request.SubmitRequest;
import io.vendo.web.FormProblems;
import io.vendo.web.FormTokens;
import io.vendo.web.PageController;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
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
 * The form generated from a blueprint's parameters, its review, and its submission. The form goes to a review page
 * first (where it goes, its tier, who must approve, what will be created, how long it may live), and only "Submit
 * request" there files it, once: the form's token makes a double click or a retry go where the first submission went.
 */
@PageController
class RequestFormController {

    private final Catalog catalog;
    private final Requests requests;
    private final AccountResources accountResources;
    private final RequestFormValidator validator;
    private final FormTokens formTokens;
    private final DraftSecrets secrets;
    private final RequestReview review;
    private final RequestAgain again;

    RequestFormController(
            Catalog catalog,
            Requests requests,
            AccountResources accountResources,
            RequestFormValidator validator,
            FormTokens formTokens,
            DraftSecrets secrets,
            RequestReview review,
            RequestAgain again) {
        this.catalog = catalog;
        this.requests = requests;
        this.accountResources = accountResources;
        this.validator = validator;
        this.formTokens = formTokens;
        this.secrets = secrets;
        this.review = review;
        this.again = again;
    }

    /** The form object for this blueprint's newest version, before anything is bound to it. */
    @ModelAttribute("form")
    RequestForm form(@PathVariable String slug) {
        var blueprint = catalog.latestVersion(slug);
        return new RequestForm(blueprint, catalog.targetsFor(blueprint), secrets);
    }

    @InitBinder("form")
    void binding(WebDataBinder binder) {
        binder.setAllowedFields(
                "target",
                "promotion[*]",
                "organizationalUnits",
                "regions",
                "parameters[*]",
                "sealed[*]",
                "justification",
                "formToken",
                "step");
        binder.addValidators(validator);
    }

    /**
     * A new form, with the template's defaults; with {@code from}, a copy of an earlier request the viewer may see
     * ("request again", {@link RequestAgain}), its secrets left to type again and its promotion's targets checked again.
     */
    @GetMapping("/blueprints/{slug}/request")
    String blank(
            @ModelAttribute("form") RequestForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable UUID from,
            Actor actor,
            Model model) {
        form.setFormToken(formTokens.issue());
        form.setStep(RequestForm.REVIEW);
        var earlier = from == null ? null : requests.get(from, actor);
        again.fill(form, earlier, binding);
        var earlierChoice =
                earlier == null ? Optional.<StackSetChoice>empty() : requests.stackSetChoiceOf(earlier.id());
        form.chooseStackSetTargets(earlierChoice.orElse(StackSetChoice.NONE));
        if (earlier != null) {
            model.addAttribute("copiedFrom", earlier.id());
        }
        if (binding.hasErrors()) {
            model.addAttribute("messages", FormProblems.byField(binding));
            return showForm(model, form, FormProblems.of(binding, RequestFormController::fieldId, "request-form"));
        }
        return showForm(model, form, List.of());
    }

    @PostMapping("/blueprints/{slug}/request")
    String post(
            @Valid @ModelAttribute("form") RequestForm form,
            BindingResult binding,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        if (form.getFormToken().isBlank()) {
            form.setFormToken(formTokens.issue());
        }
        if (form.editing()) {
            sealQuietly(form);
            return showForm(model, form, List.of());
        }
        if (binding.hasErrors()) {
            return refused(model, form, binding);
        }
        if (!form.submitting()) {
            form.sealSecrets();
            return review.show(model, form, actor);
        }
        var values = form.values();
        try {
            var outcome = formTokens.once(actor.username(), form.getFormToken(), fingerprint(form), () -> {
                var submitted = requests.submit(
                        new SubmitRequest(
                                form.blueprint().slug(),
                                form.getTarget(),
                                values,
                                form.getJustification(),
                                form.promotion(),
                                form.stackSetChoice()),
                        actor);
                return new FormTokens.Outcome(
                        "/requests/" + submitted.id(), "Request submitted: it now waits for approval.");
            });
            redirect.addFlashAttribute("notice", outcome.notice());
            return "redirect:" + outcome.location();
        } catch (InvalidParametersException e) {
            e.errors().forEach((name, message) -> reject(form, binding, name, message));
        } catch (TargetNotAllowedException e) {
            e.errors().forEach((name, message) -> reject(form, binding, name, message));
        } catch (PromotionRefusedException e) {
            e.errors().forEach((name, message) -> reject(form, binding, name, message));
        } catch (StackSetChoiceRefusedException e) {
            e.errors().forEach((name, message) -> reject(form, binding, name, message));
        } catch (FormTokens.TokenUsedException e) {
            // Back to an already submitted review, changed and sent again: a new request needs a new form.
            form.setFormToken(formTokens.issue());
            form.forgetSecrets();
            binding.reject(
                    "used",
                    "This form was already submitted. Check the values and review again to file another request.");
        } catch (Refusal e) {
            // The quota reached, the blueprint retired since the form was opened: said on the form, which is kept.
            if (e.kind() != Refusal.Kind.CONFLICT) {
                throw e;
            }
            binding.reject("refused", e.detail());
        }
        return refused(model, form, binding);
    }

    private String refused(Model model, RequestForm form, BindingResult binding) {
        // Never echo a secret back, not even into its own field: it stays sealed, or is typed again.
        sealQuietly(form);
        model.addAttribute("messages", FormProblems.byField(binding));
        return showForm(model, form, FormProblems.of(binding, RequestFormController::fieldId, "request-form"));
    }

    private void sealQuietly(RequestForm form) {
        try {
            form.sealSecrets();
        } catch (RuntimeException noKey) {
            // Without a key no secret can be carried: the requester types it again.
            form.forgetSecrets();
        }
    }

    /** What distinguishes one submission of a form from another: every field but the secrets' values. */
    private static String fingerprint(RequestForm form) {
        var fields = new TreeMap<String, String>();
        form.values().forEach((name, value) -> fields.put(name, value));
        form.blueprint().parameters().stream()
                .filter(ParameterDefinition::noEcho)
                .forEach(secret -> fields.computeIfPresent(secret.name(), (name, value) -> "(secret)"));
        return FormTokens.fingerprint(
                form.blueprint().slug(),
                form.getTarget(),
                String.join(",", form.promotion()),
                form.stackSetChoice().toString(),
                form.getJustification(),
                fields.toString());
    }

    private static void reject(RequestForm form, BindingResult binding, String name, String message) {
        if (name.equals("target")
                || name.startsWith("promotion")
                || name.equals("organizationalUnits")
                || name.equals("regions")) {
            binding.rejectValue(name, "refused", message);
            return;
        }
        var parameter = form.blueprint().parameters().stream()
                .filter(p -> p.name().equals(name))
                .findFirst();
        if (parameter.isPresent()) {
            binding.rejectValue("parameters[" + name + "]", "refused", message);
        } else {
            binding.reject("refused", message);
        }
    }

    /** The id of the element that shows a field: {@code parameters[SiteName]} is shown by {@code param-SiteName}. */
    static String fieldId(String field) {
        if (field.startsWith("parameters[") && field.endsWith("]")) {
            return "param-" + field.substring("parameters[".length(), field.length() - 1);
        }
        if (field.startsWith("promotion")) {
            return "promotion-" + field.replaceAll("\\D", "").transform(index -> index.isEmpty() ? "0" : index);
        }
        return field;
    }

    private String showForm(Model model, RequestForm form, List<FormProblems.Problem> problems) {
        var targets = form.targets();
        model.addAttribute("blueprint", form.blueprint());
        model.addAttribute(
                "sections",
                ParameterSection.of(form.blueprint().parameters().stream()
                        .map(parameter -> ParameterField.of(parameter, offered(parameter, form, targets)))
                        .toList()));
        model.addAttribute("targets", targets);
        model.addAttribute(
                "promotionSteps",
                form.blueprint().kind() == BlueprintKind.ACCOUNT
                        ? 0
                        : Math.min(targets.size() - 1, PromotionChecks.MAX_FURTHER_TARGETS));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        if (!model.containsAttribute("messages")) {
            model.addAttribute("messages", java.util.Map.of());
        }
        return "request/form";
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
        var chosen =
                form.chosenTarget().or(() -> targets.size() == 1 ? Optional.of(targets.getFirst()) : Optional.empty());
        return chosen.flatMap(target -> accountResources.list(target, aws)).orElse(List.of());
    }
}
