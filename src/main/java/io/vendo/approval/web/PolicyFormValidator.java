package io.vendo.approval.web;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import java.util.Arrays;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Checks the add-policy form in the order it shows its fields. */
class PolicyFormValidator implements Validator {

    static final int MAX_TEXT = 200;

    @Override
    public boolean supports(Class<?> type) {
        return PolicyForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (PolicyForm) target;
        if (!errors.hasFieldErrors("name")) {
            if (form.getName().isBlank()) {
                errors.rejectValue("name", "required", "Give the policy a name");
            } else if (form.getName().length() > MAX_TEXT) {
                errors.rejectValue("name", "length", "A name can have at most %d characters".formatted(MAX_TEXT));
            }
        }
        if (!errors.hasFieldErrors("environment")
                && !form.getEnvironment().isBlank()
                && Arrays.stream(EnvironmentTier.values())
                        .noneMatch(tier -> tier.name().equals(form.getEnvironment()))) {
            errors.rejectValue("environment", "unknown", "Choose an environment from the list");
        }
        if (!errors.hasFieldErrors("requestKind")
                && !form.getRequestKind().isBlank()
                && Arrays.stream(RequestKind.values())
                        .noneMatch(kind -> kind.name().equals(form.getRequestKind()))) {
            errors.rejectValue("requestKind", "unknown", "Choose a kind of request from the list");
        }
        if (form.isAutoApprove() || errors.hasFieldErrors("requirements")) {
            return;
        }
        try {
            if (form.parsedRequirements().isEmpty()) {
                errors.rejectValue(
                        "requirements",
                        "required",
                        "Name at least one group that must approve, or approve automatically");
            }
        } catch (IllegalArgumentException unreadable) {
            errors.rejectValue(
                    "requirements",
                    "format",
                    "Write requirements as group:count, separated by commas (e.g. team-leads:1)");
        }
    }
}
