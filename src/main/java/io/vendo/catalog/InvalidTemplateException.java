package io.vendo.catalog;

import io.vendo.refusal.Refusal;

/** A template that CloudFormation would refuse, or that Vendo cannot offer as a form. */
class InvalidTemplateException extends Refusal {

    public InvalidTemplateException(String detail) {
        super(Kind.INVALID, "Invalid template", detail);
    }
}
