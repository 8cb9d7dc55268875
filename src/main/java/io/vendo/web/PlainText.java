package io.vendo.web;

import java.util.Optional;

/**
 * What text Vendo accepts from outside, in any field: no control characters (NUL above all, which PostgreSQL cannot
 * store in text and which would otherwise end a request in a 500), no unpaired surrogates (they cannot be encoded),
 * no noncharacters. Free text (justifications, descriptions, templates, comments) may hold tabs and line breaks;
 * single-line text (names, slugs, filters) may not, nor the invisible bidirectional formatting marks that make a name
 * read differently from what it is (a right-to-left override turns {@code prod-txt} into what looks like
 * {@code prod-gnp.txt}).
 *
 * <p>Request bodies, query and path parameters and form fields are all checked against {@link #FREE_TEXT} where they
 * enter ({@link UntrustedInput}); fields that name something are checked against {@link #SINGLE_LINE} by the rules of
 * the module that owns them.
 */
public enum PlainText {
    FREE_TEXT(false),
    SINGLE_LINE(true);

    private final boolean singleLine;

    PlainText(boolean singleLine) {
        this.singleLine = singleLine;
    }

    /** @return what is wrong with the text, or empty when it is acceptable */
    public Optional<String> problem(String text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                var codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (isNonCharacter(codePoint)) {
                    return Optional.of("contains the noncharacter " + name(codePoint));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (" + name(c) + "), which is not text");
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (singleLine) {
                    return Optional.of("must be a single line: tabs and line breaks are not allowed");
                }
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("contains the control character " + name(c) + ", which is not allowed");
            }
            if (isNonCharacter(c)) {
                return Optional.of("contains the noncharacter " + name(c));
            }
            if (singleLine && isBidiControl(c)) {
                return Optional.of("contains the invisible direction mark " + name(c)
                        + ", which makes text read differently from what it is");
            }
        }
        return Optional.empty();
    }

    /** Whether {@link #problem} finds nothing wrong. */
    public boolean accepts(String text) {
        return problem(text).isEmpty();
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061C' // Arabic letter mark
                || c == '\u200E' // left-to-right mark
                || c == '\u200F' // right-to-left mark
                || (c >= '\u202A' && c <= '\u202E') // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069'); // isolates
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String name(int codePoint) {
        return "U+%04X".formatted(codePoint);
    }
}
