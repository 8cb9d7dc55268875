package io.vendo.catalog.web;

import io.vendo.catalog.InvalidEntryException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The catalog's refusal of what a form entered, field by field, as errors of the form: shown like its own. */
final class RefusedEntry {

    private RefusedEntry() {}

    /** Fields such as {@code delivery.productId} need not be properties of the form: the catalog names them. */
    static void reject(BindingResult binding, InvalidEntryException refused) {
        refused.errors()
                .forEach((field, message) -> binding.addError(new FieldError(binding.getObjectName(), field, message)));
    }
}
