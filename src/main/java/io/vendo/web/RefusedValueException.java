package io.vendo.web;

/**
 * A query, path or form value refused where it enters, before it reaches a controller: its message says why, and
 * becomes the field's message in the answer.
 */
final class RefusedValueException extends IllegalArgumentException {

    private final String reason;

    RefusedValueException(String reason) {
        super(reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
