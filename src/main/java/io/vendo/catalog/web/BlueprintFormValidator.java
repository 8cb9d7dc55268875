package io.vendo.catalog.web;

import java.time.format.DateTimeParseException;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What a blueprint form must be for the catalog to read it, in the order the form shows its fields: a kind, tags as
 * {@code key=value} lines, known tiers, a duration, a whole number. What the catalog then refuses (names, lengths,
 * policies, templates, deliveries) it says itself.
 */
class BlueprintFormValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return BlueprintForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (BlueprintForm) target;
        check(errors, "kind", "Choose a kind", form::parsedKind);
        check(errors, "tags", "Write one tag per line as key=value", form::parsedTags);
        check(errors, "allowedEnvironments", "Choose tiers from the list", form::parsedEnvironments);
        check(errors, "maxLifetime", "Give an ISO-8601 duration such as P30D or PT12H", form::parsedMaxLifetime);
        check(errors, "quotaPerTeam", "Give a whole number, or leave it empty for no quota", form::parsedQuota);
    }

    /** Rejects the field when reading it fails, unless binding refused it already. */
    private static void check(Errors errors, String field, String message, Runnable read) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        try {
            read.run();
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            errors.rejectValue(field, "unreadable", message);
        }
    }
}
