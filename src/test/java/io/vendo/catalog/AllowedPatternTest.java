package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code AllowedPattern}s are matched in linear time where Java's meaning can be rewritten for RE2/J, and with a step
 * budget where it cannot; either way they mean what {@code java.util.regex} (CloudFormation's engine) means.
 */
class AllowedPatternTest {

    private static final String ALPHABET = "abc1_ -.\t\n\r\u000B\u0085\u2028éÉ[]😀";

    @Test
    void aCatastrophicPatternIsMatchedInLinearTime() {
        var pattern = AllowedPattern.of("(.*a){12}");
        var value = "a".repeat(30) + "b";

        assertThat(pattern.linear()).isTrue();
        // java.util.regex needs seconds of backtracking for this; RE2/J a few microseconds. Not a timing assertion:
        // the proof is the absence of a budget — RE2 has none and needs none.
        assertThat(pattern.matches(value)).isFalse();
        assertThat(pattern.matches("a".repeat(12))).isTrue();
        assertThat(pattern.warning("Name")).isEmpty();
    }

    @Test
    void aPatternThatNeedsBacktrackingIsBoundedAndWarnedAbout() {
        var pattern = AllowedPattern.of("(?!b)(.*a){12}");

        assertThat(pattern.linear()).isFalse();
        assertThat(pattern.warning("Name").orElseThrow())
                .contains("Parameter 'Name'")
                .contains("lookahead (?!")
                .contains("cannot be matched in time linear");
        assertThatThrownBy(() -> pattern.matches("a".repeat(40) + "b"))
                .isInstanceOf(AllowedPattern.BudgetExhaustedException.class);
        // An ordinary value is checked well within the budget.
        var password = AllowedPattern.of("(?=.*[A-Z])(?=.*[a-z])(?=.*\\d).{8,64}");
        assertThat(password.matches("Correct1Horse")).isTrue();
        assertThat(password.matches("correcthorse")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(a)\\1          | backreference",
                "a(?!b)          | lookahead",
                "(?<=a)b         | lookbehind",
                "(?>a+)b         | atomic group",
                "a*+b            | possessive",
                "(?i)abc         | inline flags",
                "\\p{L}+         | Unicode property",
                "[[:alpha:]]+    | nested character class",
                "[a-z&&[^e]]     | intersection",
                "abc\\Z          | \\Z",
                "a{1,2000}       | RE2 cannot compile",
            })
    void constructsRe2CannotExpressExactlyAreLeftToTheBoundedMatcher(String pattern, String reason) {
        var compiled = AllowedPattern.of(pattern.strip());

        assertThat(compiled.linear()).isFalse();
        assertThat(compiled.warning("P").orElseThrow()).contains(reason.strip());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[a-z][a-z0-9-]*",
                "^[a-zA-Z0-9]{3,41}$",
                "\\d{12}",
                "arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+",
                "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})",
                "[\\p{Alnum}\\-]+",
                "\\p{Punct}*",
                "\\Qa.b\\E+c",
                "[^\\s]+",
                "(?<name>[a-z]+)-\\u00e9",
                "[\\x41-\\x5A]\\0101",
            })
    void commonPatternsAreMatchedInLinearTime(String pattern) {
        assertThat(AllowedPattern.of(pattern).linear()).as(pattern).isTrue();
    }

    @Test
    void aPatternJavaRefusesIsRefused() {
        assertThatThrownBy(() -> AllowedPattern.of("a{")).isInstanceOf(PatternSyntaxException.class);
    }

    /**
     * The rewrite's promise, over generated patterns and values (fixed seed): whenever a pattern is matched by RE2/J,
     * it accepts exactly the values java.util.regex accepts, line terminators, vertical tabs, non-ASCII letters and
     * characters outside the BMP included.
     */
    @Test
    void rewrittenPatternsMeanWhatJavaMeans() {
        var random = new Random(20261124);
        var compared = 0;
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (var n = 0; n < 3_000 && System.nanoTime() < deadline; n++) {
            var source = pattern(random, 3);
            java.util.regex.Pattern reference;
            try {
                reference = java.util.regex.Pattern.compile(source);
            } catch (PatternSyntaxException invalid) {
                continue;
            }
            var pattern = AllowedPattern.of(source);
            if (!pattern.linear()) {
                continue;
            }
            for (var v = 0; v < 20; v++) {
                var value = value(random, source);
                assertThat(pattern.matches(value))
                        .as(
                                "pattern %s on %s",
                                source,
                                value.codePoints()
                                        .mapToObj(c -> "U+%04X".formatted(c))
                                        .toList())
                        .isEqualTo(reference.matcher(value).matches());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20_000);
    }

    private static final String[] ATOMS = {
        "a",
        "b",
        "1",
        ".",
        "\\d",
        "\\D",
        "\\w",
        "\\W",
        "\\s",
        "\\S",
        "[ab]",
        "[^a]",
        "[a-c1]",
        "[\\s1]",
        "[\\d_]",
        "\\p{Alpha}",
        "\\P{Alnum}",
        "\\p{Space}",
        "\\p{Punct}",
        "\\x61",
        "\\u00e9",
        "\\t",
        "\\n",
        "\\r",
        "é",
        "\\.",
        "\\-",
        "-",
        "_",
        " ",
        "\\b",
        "\\B",
        "^",
        "[é-ê]",
        "\\Qa.\\E",
        "😀",
        "[😀a]",
        "\\x{1F600}",
        "\\e",
        "\\0141"
    };
    private static final String[] QUANTIFIERS = {"", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "+?", "??"};

    private static String pattern(Random random, int depth) {
        var out = new StringBuilder();
        var pieces = 1 + random.nextInt(4);
        for (var i = 0; i < pieces; i++) {
            var kind = random.nextInt(10);
            if (kind < 2 && depth > 0) {
                out.append(random.nextBoolean() ? "(" : "(?:")
                        .append(pattern(random, depth - 1))
                        .append(random.nextInt(3) == 0 ? "|" + pattern(random, depth - 1) : "")
                        .append(')');
            } else {
                out.append(ATOMS[random.nextInt(ATOMS.length)]);
            }
            out.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
        if (random.nextInt(5) == 0) {
            out.append('|').append(pattern(random, depth - 1 < 0 ? 0 : depth - 1));
        }
        if (random.nextInt(6) == 0) {
            out.append('$');
        }
        return out.toString();
    }

    private static String value(Random random, String pattern) {
        var out = new StringBuilder();
        var length = random.nextInt(8);
        for (var i = 0; i < length; i++) {
            // Half the characters from the pattern itself, so that values match often enough to compare both ways.
            if (random.nextBoolean()) {
                var codePoints = pattern.codePoints().toArray();
                out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            } else {
                var codePoints = ALPHABET.codePoints().toArray();
                out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
        }
        return out.toString();
    }
}
