package io.vendo.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Java's pattern syntax rewritten into RE2's with the same meaning, or why that is not possible. Deliberately
 * conservative: anything whose meaning differs between the engines in a way the rewrite does not spell out is left to
 * the bounded matcher (see {@link AllowedPattern}). Escapes are read by {@link JavaEscape}.
 *
 * @param re2 the pattern in RE2's syntax; none when it cannot be rewritten
 * @param unsupported why it cannot be rewritten, naming the construct
 */
record Re2Translation(@Nullable String re2, @Nullable String unsupported) {

    /** Java's {@code .}: anything but its line terminators. */
    static final String DOT = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";

    /** Java's {@code \s}, which includes the vertical tab that RE2's does not. */
    static final String SPACE = "\\t\\n\\x{0B}\\f\\r\\x{20}";

    static Re2Translation of(String pattern) {
        try {
            return new Re2Translation(new Translator(pattern).translate(), null);
        } catch (Unsupported e) {
            return new Re2Translation(null, e.getMessage());
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return new Re2Translation(null, "an escape the rewrite does not read");
        }
    }

    /** A character spelled so that RE2 reads it literally, inside brackets or out. */
    static String literal(int codePoint) {
        if ((codePoint >= 'a' && codePoint <= 'z')
                || (codePoint >= 'A' && codePoint <= 'Z')
                || (codePoint >= '0' && codePoint <= '9')) {
            return Character.toString(codePoint);
        }
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    /** A construct the rewrite leaves to the bounded matcher, named for the admin's warning. */
    static final class Unsupported extends Exception {
        Unsupported(String construct) {
            super(construct, null, false, false);
        }
    }

    /** Reads the pattern left to right, writing RE2's spelling of each token. */
    private static final class Translator {

        private final String p;
        private final StringBuilder out = new StringBuilder();
        private int i;
        private int depth;

        Translator(String pattern) {
            this.p = pattern;
        }

        String translate() throws Unsupported {
            while (i < p.length()) {
                var c = p.charAt(i);
                switch (c) {
                    case '\\' -> out.append(escape(false).outside());
                    case '[' -> characterClass();
                    case '.' -> {
                        out.append(DOT);
                        i++;
                    }
                    case '(' -> group();
                    case ')' -> {
                        depth--;
                        out.append(')');
                        i++;
                    }
                    case '*', '+', '?' -> {
                        out.append(c);
                        i++;
                        quantifierMode();
                    }
                    case '{' -> counted();
                    case '^', '|' -> {
                        out.append(c);
                        i++;
                    }
                    case '$' -> {
                        // Java's $ also matches before a final line terminator; as the pattern's last token under a
                        // whole-value match that makes no difference, anywhere else it may.
                        if (i != p.length() - 1 || depth != 0) {
                            throw new Unsupported("$ before the end of the pattern");
                        }
                        out.append('$');
                        i++;
                    }
                    default -> {
                        var codePoint = p.codePointAt(i);
                        out.append(literal(codePoint));
                        i += Character.charCount(codePoint);
                    }
                }
            }
            return out.toString();
        }

        private JavaEscape escape(boolean inClass) throws Unsupported {
            var escape = JavaEscape.read(p, i, inClass);
            i = escape.end();
            return escape;
        }

        private void group() throws Unsupported {
            depth++;
            if (!p.startsWith("(?", i)) {
                out.append('(');
                i++;
                return;
            }
            if (p.startsWith("(?:", i)) {
                out.append("(?:");
                i += 3;
                return;
            }
            if (p.startsWith("(?<", i) && i + 3 < p.length() && Character.isLetter(p.charAt(i + 3))) {
                var close = p.indexOf('>', i);
                if (close < 0) {
                    throw new Unsupported("an unterminated group name");
                }
                out.append("(?:");
                i = close + 1;
                return;
            }
            if (p.startsWith("(?=", i) || p.startsWith("(?!", i)) {
                throw new Unsupported("lookahead " + p.substring(i, i + 3));
            }
            if (p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                throw new Unsupported("lookbehind " + p.substring(i, i + 4));
            }
            if (p.startsWith("(?>", i)) {
                throw new Unsupported("an atomic group (?>");
            }
            throw new Unsupported("inline flags");
        }

        private void counted() throws Unsupported {
            var close = p.indexOf('}', i);
            if (close < 0 || !p.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                throw new Unsupported("a { that is not a repetition");
            }
            out.append(p, i, close + 1);
            i = close + 1;
            quantifierMode();
        }

        private void quantifierMode() throws Unsupported {
            if (i < p.length() && p.charAt(i) == '?') {
                out.append('?');
                i++;
            } else if (i < p.length() && p.charAt(i) == '+') {
                throw new Unsupported("a possessive quantifier");
            }
        }

        private void characterClass() throws Unsupported {
            i++;
            out.append('[');
            if (i < p.length() && p.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                throw new Unsupported("a character class starting with ]");
            }
            var afterRange = false;
            while (i < p.length()) {
                var c = p.charAt(i);
                if (c == ']') {
                    out.append(']');
                    i++;
                    return;
                }
                if (c == '[') {
                    throw new Unsupported("a nested character class (Java's union, or a POSIX bracket)");
                }
                if (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                    throw new Unsupported("a character class intersection &&");
                }
                if (afterRange && c == '-' && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                    throw new Unsupported("an ambiguous range in a character class");
                }
                var first = atom();
                if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    if (first.set() != null) {
                        throw new Unsupported("an ambiguous range in a character class");
                    }
                    i++;
                    var last = atom();
                    if (last.set() != null) {
                        throw new Unsupported("a range ending in a class");
                    }
                    out.append(literal(first.codePoint())).append('-').append(literal(last.codePoint()));
                    afterRange = true;
                    continue;
                }
                out.append(first.set() != null ? first.set() : literal(first.codePoint()));
                afterRange = false;
            }
            throw new Unsupported("an unterminated character class");
        }

        /** One member of a character class: a character, or a set of them ({@code \d}). */
        private Piece atom() throws Unsupported {
            if (p.charAt(i) == '\\') {
                var escaped = escape(true);
                if (escaped.inClass() == null && escaped.codePoint() < 0) {
                    throw new Unsupported("\\" + escaped.name() + " inside a character class");
                }
                return escaped.codePoint() >= 0
                        ? new Piece(escaped.codePoint(), null)
                        : new Piece(-1, escaped.inClass());
            }
            var codePoint = p.codePointAt(i);
            i += Character.charCount(codePoint);
            return new Piece(codePoint, null);
        }

        private record Piece(int codePoint, @Nullable String set) {}
    }
}
