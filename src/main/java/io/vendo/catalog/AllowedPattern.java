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
    /** What the pattern means; matched (within the budget) when RE2 cannot match it. */
    private final java.util.regex.Pattern bounded;

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
        this.bounded = javaPattern;
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
}
