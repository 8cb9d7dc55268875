package io.vendo.audit.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Checks the audit page's filters in the order the form shows them, with messages that say what to type. */
class AuditSearchFormValidator implements Validator {

    static final int MAX_TEXT = 200;
    private static final String TIME_FORMAT =
            "Enter a date such as 2026-11-01, or a date and time such as 2026-11-01T09:30 (UTC)";

    @Override
    public boolean supports(Class<?> type) {
        return AuditSearchForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (AuditSearchForm) target;
        tooLong(form.getActor(), "actor", "Actor", errors);
        tooLong(form.getAction(), "action", "Action", errors);
        tooLong(form.getSubject(), "subject", "Subject", errors);
        var from = moment(form.getFrom(), false, "from", "From", errors);
        var to = moment(form.getTo(), true, "to", "To", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.rejectValue("to", "order", "To must be later than From");
        }
    }

    private static void tooLong(String value, String field, String label, Errors errors) {
        if (value.length() > MAX_TEXT) {
            errors.rejectValue(field, "length", "%s can have at most %d characters".formatted(label, MAX_TEXT));
        }
    }

    private static @Nullable Instant moment(String value, boolean endOfDay, String field, String label, Errors errors) {
        try {
            return AuditSearchForm.moment(value, endOfDay).orElse(null);
        } catch (IllegalArgumentException notATime) {
            errors.rejectValue(field, "time", "%s: %s".formatted(label, TIME_FORMAT));
            return null;
        }
    }
}
