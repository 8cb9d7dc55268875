package io.vendo.catalog;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A parameter's {@code AllowedPattern}, matched as CloudFormation matches it — Java's regular expressions, against the
 * whole value — but without letting one value cost seconds of CPU: {@code (.*a){12}} backtracks exponentially in
 * {@code java.util.regex}.
 *
 * <p>Most patterns are regular and are rewritten into RE2/J's syntax with exactly Java's meaning, then matched by RE2/J
 * in time linear in the value. Where the two engines' syntaxes mean different things the rewrite spells Java's meaning
 * out ({@code .} excludes every Java line terminator, {@code \s} includes the vertical tab, POSIX {@code \p{Alpha}}
 * is ASCII); where Java's meaning cannot be expressed without backtracking — backreferences, lookaround, atomic groups,
 * possessive quantifiers — or the rewrite is not sure to be exact (inline flags, Unicode properties, nested classes,
 * {@code \Z}, {@code $} before the end), the pattern stays with {@code java.util.regex}, bounded by a budget of
 * character reads: a value that needs more is refused instead of holding a thread. Admins are warned of such patterns
 * when they store the version ({@link #warning}).
 */
final class AllowedPattern {

    /** Reads of the value's characters one check may make: a few milliseconds, far above any sensible pattern. */
    static final int STEP_BUDGET = 1_000_000;

    private static final int CACHE_LIMIT = 1_000;
    private static final ConcurrentHashMap<String, AllowedPattern> CACHE = new ConcurrentHashMap<>();

    private final String source;
    private final java.util.regex.@Nullable Pattern bounded;
    private final com.google.re2j.@Nullable Pattern linear;
    private final @Nullable String notLinearBecause;

    private AllowedPattern(String source) {
        this.source = source;
        var javaPattern = java.util.regex.Pattern.compile(source);
        var translation = Re2Translation.of(source);
        com.google.re2j.Pattern compiled = null;
        var reason = translation.unsupported();
        if (reason == null) {
            try {
                compiled = com.google.re2j.Pattern.compile(translation.re2());
            } catch (com.google.re2j.PatternSyntaxException e) {
                reason = "a construct RE2 cannot compile (" + e.getDescription() + ")";
            }
        }
        this.linear = compiled;
        this.notLinearBecause = compiled == null ? reason : null;
        this.bounded = compiled == null ? javaPattern : null;
    }

    /** @throws java.util.regex.PatternSyntaxException when Java cannot compile the pattern either */
    static AllowedPattern of(String javaPattern) {
        var cached = CACHE.get(javaPattern);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        var compiled = new AllowedPattern(javaPattern);
        CACHE.put(javaPattern, compiled);
        return compiled;
    }

    /**
     * Whether the whole value matches, as {@link java.util.regex.Matcher#matches()} would say.
     *
     * @throws BudgetExhaustedException when a pattern that needs backtracking needed more than {@link #STEP_BUDGET}
     *     character reads for this value
     */
    boolean matches(String value) {
        if (linear != null) {
            return linear.matcher(value).matches();
        }
        var budget = new int[] {STEP_BUDGET};
        try {
            return bounded.matcher(new BudgetedText(value, 0, value.length(), budget))
                    .matches();
        } catch (StackOverflowError tooDeep) {
            // java.util.regex recurses per repetition: a long value can exhaust the stack before the budget.
            throw new BudgetExhaustedException();
        }
    }

    /** Whether the pattern is matched in linear time. */
    boolean linear() {
        return linear != null;
    }

    /** What the admin should know when storing a version with this pattern: empty when it is matched linearly. */
    Optional<String> warning(String parameter) {
        if (notLinearBecause == null) {
            return Optional.empty();
        }
        return Optional.of(("Parameter '%s': AllowedPattern %s uses %s, which cannot be matched in time linear in the"
                        + " value; each value is checked with at most %,d steps and refused if it needs more")
                .formatted(parameter, source, notLinearBecause, STEP_BUDGET));
    }

    /** The warnings of every parameter's pattern, in template order. */
    static java.util.List<String> warnings(java.util.List<ParameterDefinition> parameters) {
        return parameters.stream()
                .filter(parameter -> parameter.allowedPattern() != null)
                .flatMap(parameter -> of(parameter.allowedPattern()).warning(parameter.name()).stream())
                .toList();
    }

    /** The check of one value needed more steps than the budget allows. */
    static final class BudgetExhaustedException extends RuntimeException {
        BudgetExhaustedException() {
            super("AllowedPattern check exceeded its step budget", null, false, false);
        }
    }

    /** The value as java.util.regex reads it, counting every character read against a shared budget. */
    private record BudgetedText(String text, int start, int end, int[] budget) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExhaustedException();
            }
            return text.charAt(start + index);
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new BudgetedText(text, start + from, start + to, budget);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }

    /**
     * Java's pattern syntax rewritten into RE2's with the same meaning, or why that is not possible. Deliberately
     * conservative: anything whose meaning differs between the engines in a way the rewrite does not spell out is
     * left to the bounded matcher.
     */
    record Re2Translation(@Nullable String re2, @Nullable String unsupported) {

        private static final String DOT = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";
        private static final String SPACE = "\\t\\n\\x{0B}\\f\\r\\x{20}";

        static Re2Translation of(String pattern) {
            try {
                return new Re2Translation(new Translator(pattern).translate(), null);
            } catch (Unsupported e) {
                return new Re2Translation(null, e.getMessage());
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return new Re2Translation(null, "an escape the rewrite does not read");
            }
        }

        private static final class Unsupported extends Exception {
            Unsupported(String construct) {
                super(construct, null, false, false);
            }
        }

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
                            // Java's $ also matches before a final line terminator; as the pattern's last token under
                            // a whole-value match that makes no difference, anywhere else it may.
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

            /**
             * An escape at {@code i}: a single character, or a class with its spelling outside and inside brackets.
             */
            private Escape escape(boolean inClass) throws Unsupported {
                if (i + 1 >= p.length()) {
                    throw new Unsupported("a trailing backslash");
                }
                var c = p.charAt(i + 1);
                i += 2;
                return switch (c) {
                    case 'd' -> Escape.set("d", "\\d", "0-9");
                    case 'D' -> Escape.set("D", "\\D", null);
                    case 'w' -> Escape.set("w", "\\w", "0-9A-Za-z_");
                    case 'W' -> Escape.set("W", "\\W", null);
                    case 's' -> Escape.set("s", "[" + SPACE + "]", SPACE);
                    case 'S' -> Escape.set("S", "[^" + SPACE + "]", null);
                    case 'b', 'B', 'A', 'z' -> {
                        if (inClass) {
                            throw new Unsupported("\\" + c + " inside a character class");
                        }
                        yield Escape.set(String.valueOf(c), "\\" + c, null);
                    }
                    case 't' -> Escape.character('\t');
                    case 'n' -> Escape.character('\n');
                    case 'r' -> Escape.character('\r');
                    case 'f' -> Escape.character('\f');
                    case 'a' -> Escape.character(0x07);
                    case 'e' -> Escape.character(0x1B);
                    case '0' -> Escape.character(octal());
                    case 'x' -> Escape.character(hex());
                    case 'u' -> Escape.character(unicode());
                    case 'Q' -> {
                        if (inClass) {
                            throw new Unsupported("\\Q inside a character class");
                        }
                        var end = p.indexOf("\\E", i);
                        var quoted = end < 0 ? p.substring(i) : p.substring(i, end);
                        i = end < 0 ? p.length() : end + 2;
                        // Not grouped: as in Java, a quantifier after \E applies to the last quoted character.
                        var literal = new StringBuilder();
                        quoted.codePoints().forEach(codePoint -> literal.append(literal(codePoint)));
                        yield Escape.set("Q", literal.toString(), null);
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
                        yield Escape.character(codePoint);
                    }
                };
            }

            /** Java's POSIX classes are US-ASCII unless a flag says otherwise; other properties are not rewritten. */
            private Escape posix(boolean negated) throws Unsupported {
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
                            case "Space" -> SPACE;
                            default -> throw new Unsupported("the Unicode property \\p{" + name + "}");
                        };
                return negated
                        ? Escape.set("P{" + name + "}", "[^" + members + "]", null)
                        : Escape.set("p{" + name + "}", "[" + members + "]", members);
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

            /** A character spelled so that RE2 reads it literally, inside brackets or out. */
            private static String literal(int codePoint) {
                if ((codePoint >= 'a' && codePoint <= 'z')
                        || (codePoint >= 'A' && codePoint <= 'Z')
                        || (codePoint >= '0' && codePoint <= '9')) {
                    return Character.toString(codePoint);
                }
                return "\\x{" + Integer.toHexString(codePoint) + "}";
            }
        }

        /**
         * @param codePoint the single character escaped, or -1 for a class
         * @param outsideClass how RE2 spells the class outside brackets
         * @param inClass how RE2 spells its members inside brackets; null where it cannot be spelt there
         */
        private record Escape(String name, int codePoint, @Nullable String outsideClass, @Nullable String inClass) {

            static Escape set(String name, String outside, @Nullable String inside) {
                return new Escape(name, -1, outside, inside);
            }

            static Escape character(int codePoint) {
                return new Escape(Character.toString(codePoint), codePoint, null, null);
            }

            String outside() {
                return codePoint >= 0 ? Translator.literal(codePoint) : outsideClass;
            }
        }
    }
}
