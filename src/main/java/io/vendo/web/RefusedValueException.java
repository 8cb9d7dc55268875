package io.vendo.web;

/**
 * A query, path or form value refused where it enters, before it reaches a controller: its message says why, and
 * becomes the field's message in the answer.
 */
final class RefusedValueException extends IllegalArgumentException {

    RefusedValueException(String message) {
        super(message);
    }
}
