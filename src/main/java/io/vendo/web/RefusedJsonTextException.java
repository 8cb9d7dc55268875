package io.vendo.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A string in a JSON body that {@link PlainText#FREE_TEXT} refuses; Jackson adds where in the body it is, and the
 * answer names that place.
 */
final class RefusedJsonTextException extends MismatchedInputException {

    RefusedJsonTextException(JsonParser parser, String message) {
        super(parser, message, String.class);
    }
}
