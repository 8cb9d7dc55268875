package io.vendo.catalog;

import io.vendo.catalog.Re2Translation.Unsupported;
import org.jspecify.annotations.Nullable;

/**
 * One backslash escape of a Java pattern, read as {@code java.util.regex} reads it: a single character, or a class
 * with its RE2 spelling outside and inside brackets.
 *
 * @param codePoint the single character escaped, or -1 for a class
 * @param outside how RE2 spells it outside brackets
 * @param inClass how RE2 spells its members inside brackets; null where it cannot be spelt there
 * @param end where the pattern goes on after the escape
 */
record JavaEscape(String name, int codePoint, String outside, @Nullable String inClass, int end) {

    /**
     * The escape at {@code at}.
     *
     * @param inClass whether it stands inside brackets, where anchors and quotes mean nothing to Java
     */
    static JavaEscape read(String pattern, int at, boolean inClass) throws Unsupported {
        return new Reader(pattern, at).escape(inClass);
    }

    private static final class Reader {

        private final String p;
        private int i;

        Reader(String pattern, int at) {
            this.p = pattern;
            this.i = at;
        }

        JavaEscape escape(boolean inClass) throws Unsupported {
            if (i + 1 >= p.length()) {
                throw new Unsupported("a trailing backslash");
            }
            var c = p.charAt(i + 1);
            i += 2;
            return switch (c) {
                case 'd' -> set("d", "\\d", "0-9");
                case 'D' -> set("D", "\\D", null);
                case 'w' -> set("w", "\\w", "0-9A-Za-z_");
                case 'W' -> set("W", "\\W", null);
                case 's' -> set("s", "[" + Re2Translation.SPACE + "]", Re2Translation.SPACE);
                case 'S' -> set("S", "[^" + Re2Translation.SPACE + "]", null);
                case 'b', 'B', 'A', 'z' -> {
                    if (inClass) {
                        throw new Unsupported("\\" + c + " inside a character class");
                    }
                    yield set(String.valueOf(c), "\\" + c, null);
                }
                case 't' -> character('\t');
                case 'n' -> character('\n');
                case 'r' -> character('\r');
                case 'f' -> character('\f');
                case 'a' -> character(0x07);
                case 'e' -> character(0x1B);
                case '0' -> character(octal());
                case 'x' -> character(hex());
                case 'u' -> character(unicode());
                case 'Q' -> {
                    if (inClass) {
                        throw new Unsupported("\\Q inside a character class");
                    }
                    var close = p.indexOf("\\E", i);
                    var quoted = close < 0 ? p.substring(i) : p.substring(i, close);
                    i = close < 0 ? p.length() : close + 2;
                    // Not grouped: as in Java, a quantifier after \E applies to the last quoted character.
                    var literal = new StringBuilder();
                    quoted.codePoints().forEach(codePoint -> literal.append(Re2Translation.literal(codePoint)));
                    yield set("Q", literal.toString(), null);
                }
                case 'p', 'P' -> posix(c == 'P');
                default -> {
                    if (c >= '1' && c <= '9' || c == 'k') {
                        throw new Unsupported("a backreference \\" + c);
                    }
                    if (Character.isLetter(c)) {
                        throw new Unsupported("\\" + c);
                    }
                    i -= 1;
                    var codePoint = p.codePointAt(i);
                    i += Character.charCount(codePoint);
                    yield character(codePoint);
                }
            };
        }

        /** Java's POSIX classes are US-ASCII unless a flag says otherwise; other properties are not rewritten. */
        private JavaEscape posix(boolean negated) throws Unsupported {
            String name;
            if (i < p.length() && p.charAt(i) == '{') {
                var close = p.indexOf('}', i);
                if (close < 0) {
                    throw new Unsupported("an unterminated \\p{");
                }
                name = p.substring(i + 1, close);
                i = close + 1;
            } else {
                throw new Unsupported("a one-letter Unicode property");
            }
            var members =
                    switch (name) {
                        case "Lower" -> "a-z";
                        case "Upper" -> "A-Z";
                        case "ASCII" -> "\\x{00}-\\x{7F}";
                        case "Alpha" -> "a-zA-Z";
                        case "Digit" -> "0-9";
                        case "Alnum" -> "a-zA-Z0-9";
                        case "Punct" -> "\\x{21}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7E}";
                        case "Graph" -> "\\x{21}-\\x{7E}";
                        case "Print" -> "\\x{20}-\\x{7E}";
                        case "Blank" -> "\\x{20}\\t";
                        case "Cntrl" -> "\\x{00}-\\x{1F}\\x{7F}";
                        case "XDigit" -> "0-9a-fA-F";
                        case "Space" -> Re2Translation.SPACE;
                        default -> throw new Unsupported("the Unicode property \\p{" + name + "}");
                    };
            return negated
                    ? set("P{" + name + "}", "[^" + members + "]", null)
                    : set("p{" + name + "}", "[" + members + "]", members);
        }

        private int octal() throws Unsupported {
            var digits = new StringBuilder();
            while (digits.length() < 3 && i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '7') {
                digits.append(p.charAt(i++));
            }
            if (digits.length() == 3 && digits.charAt(0) > '3') {
                digits.setLength(2);
                i--;
            }
            if (digits.isEmpty()) {
                throw new Unsupported("an octal escape without digits");
            }
            return Integer.parseInt(digits.toString(), 8);
        }

        private int hex() throws Unsupported {
            if (i < p.length() && p.charAt(i) == '{') {
                var close = p.indexOf('}', i);
                if (close < 0) {
                    throw new Unsupported("an unterminated \\x{");
                }
                var value = Integer.parseInt(p.substring(i + 1, close), 16);
                i = close + 1;
                return value;
            }
            if (i + 2 > p.length()) {
                throw new Unsupported("a short \\x escape");
            }
            var value = Integer.parseInt(p.substring(i, i + 2), 16);
            i += 2;
            return value;
        }

        private int unicode() throws Unsupported {
            if (i + 4 > p.length()) {
                throw new Unsupported("a short \\u escape");
            }
            var high = (char) Integer.parseInt(p.substring(i, i + 4), 16);
            i += 4;
            if (Character.isHighSurrogate(high) && p.startsWith("\\u", i) && i + 6 <= p.length()) {
                var low = (char) Integer.parseInt(p.substring(i + 2, i + 6), 16);
                if (Character.isLowSurrogate(low)) {
                    i += 6;
                    return Character.toCodePoint(high, low);
                }
            }
            if (Character.isSurrogate(high)) {
                throw new Unsupported("an unpaired surrogate escape");
            }
            return high;
        }

        /** A class, ending where the reader stands. */
        private JavaEscape set(String name, String outside, @Nullable String inside) {
            return new JavaEscape(name, -1, outside, inside, i);
        }

        /** A single character, ending where the reader stands. */
        private JavaEscape character(int codePoint) {
            return new JavaEscape(Character.toString(codePoint), codePoint, Re2Translation.literal(codePoint), null, i);
        }
    }
}
