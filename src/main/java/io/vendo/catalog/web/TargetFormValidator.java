package io.vendo.catalog.web;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What a target form must be for the catalog to read it: a tier from the list. What the catalog then refuses (account
 * id, region, role, external id, slugs) it says itself, every field at once.
 */
class TargetFormValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return TargetForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (TargetForm) target;
        if (errors.hasFieldErrors("environment")) {
            return;
        }
        try {
            form.parsedEnvironment();
        } catch (IllegalArgumentException unknown) {
            errors.rejectValue("environment", "unknown", "Choose SANDBOX, DEV, STAGING or PROD");
        }
    }
}
