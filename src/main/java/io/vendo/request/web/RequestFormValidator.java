package io.vendo.request.web;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.StackSetChoiceRefusedException;
import io.vendo.request.PromotionChecks;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a request form before its review and before it is submitted, field by field in the order the form shows
 * them (target, further targets, a StackSet's OUs and regions, the parameters section by section, justification), so that the error summary reads top to bottom. The
 * catalog decides which parameter values CloudFormation would refuse; {@link ParameterMessages} says why, in words.
 * A value already refused while binding (a control character) keeps that message. Changing the form (the "Change"
 * button on the review) checks nothing.
 */
@Component
class RequestFormValidator implements Validator {

    static final int MAX_JUSTIFICATION = 2000;

    private final Catalog catalog;
    private final PromotionChecks promotions;

    RequestFormValidator(Catalog catalog, PromotionChecks promotions) {
        this.catalog = catalog;
        this.promotions = promotions;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RequestForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (RequestForm) target;
        if (form.editing()) {
            return;
        }
        if (!errors.hasFieldErrors("target") && form.chosenTarget().isEmpty()) {
            errors.rejectValue("target", "required", "Choose where to deploy");
        }
        promotions
                .refusals(form.blueprint(), form.chosenTarget().orElse(null), form.promotion())
                .forEach((field, message) -> {
                    if (!errors.hasFieldErrors(field)) {
                        errors.rejectValue(field, "invalid", message);
                    }
                });
        stackSetChoice(form, errors);
        var refused = refusedParameters(form);
        for (var section : ParameterSection.of(
                form.blueprint().parameters().stream().map(ParameterField::of).toList())) {
            for (var field : section.fields()) {
                var parameter = field.definition();
                var name = "parameters[" + parameter.name() + "]";
                var refusal = refused.get(parameter.name());
                if (refusal != null && !errors.hasFieldErrors(name)) {
                    var raw = form.raw(parameter);
                    errors.rejectValue(
                            name, "invalid", ParameterMessages.of(parameter, raw.isEmpty() ? null : raw, refusal));
                }
            }
        }
        if (!errors.hasFieldErrors("justification")) {
            if (form.getJustification().isBlank()) {
                errors.rejectValue("justification", "required", "Say why this is needed: approvers read it");
            } else if (form.getJustification().length() > MAX_JUSTIFICATION) {
                errors.rejectValue(
                        "justification",
                        "length",
                        "The justification can be at most %d characters (it has %d)"
                                .formatted(
                                        MAX_JUSTIFICATION,
                                        form.getJustification().length()));
            }
        }
    }

    /** A StackSet's OUs and regions: at least one of each the form offers, each one the target and blueprint allow. */
    private void stackSetChoice(RequestForm form, Errors errors) {
        if (form.choosesUnits() && form.getOrganizationalUnits().isEmpty()) {
            errors.rejectValue("organizationalUnits", "required", "Choose at least one organizational unit");
        }
        if (form.choosesRegions() && form.getRegions().isEmpty()) {
            errors.rejectValue("regions", "required", "Choose at least one region");
        }
        var target = form.chosenTarget();
        if (target.isEmpty() || errors.hasFieldErrors("organizationalUnits") || errors.hasFieldErrors("regions")) {
            return;
        }
        try {
            catalog.checkStackSetChoice(form.blueprint(), target.get(), form.stackSetChoice());
        } catch (StackSetChoiceRefusedException e) {
            e.errors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
        }
    }

    private java.util.Map<String, String> refusedParameters(RequestForm form) {
        try {
            catalog.validateParameters(form.blueprint(), form.values());
            return java.util.Map.of();
        } catch (InvalidParametersException e) {
            return e.errors();
        }
    }
}
