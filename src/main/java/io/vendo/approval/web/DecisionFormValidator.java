package io.vendo.approval.web;

import io.vendo.approval.DecisionOutcome;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** A decision names its outcome, and a rejection says why: the requester reads the reason. */
class DecisionFormValidator implements Validator {

    static final int MAX_COMMENT = 2000;

    @Override
    public boolean supports(Class<?> type) {
        return DecisionForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (DecisionForm) target;
        if (form.getDecision() == null && !errors.hasFieldErrors("decision")) {
            errors.rejectValue("decision", "required", "Choose Approve or Reject");
        }
        if (errors.hasFieldErrors("comment")) {
            return;
        }
        if (form.getDecision() == DecisionOutcome.REJECT && form.getComment().isBlank()) {
            errors.rejectValue("comment", "required", "Give the requester a reason for the rejection");
        } else if (form.getComment().length() > MAX_COMMENT) {
            errors.rejectValue(
                    "comment",
                    "length",
                    "The comment can be at most %d characters (it has %d)"
                            .formatted(MAX_COMMENT, form.getComment().length()));
        }
    }
}
