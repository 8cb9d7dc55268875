package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the validator over generated values (fixed seeds, so a failure reproduces): patterns match whole
 * values, lengths and numeric bounds hold exactly at and around their edges, every spelling of a number that
 * CloudFormation takes is taken, and a list is refused as soon as one item is.
 */
class ParameterValidatorPropertiesTest {

    private static final int CASES = 300;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String OTHERS = "ABZ09-_ .!é/";

    static Stream<Arguments> lowerCaseWords() {
        var random = new Random(20261123);
        return IntStream.range(0, CASES).mapToObj(i -> {
            var word = word(random, 1 + random.nextInt(20));
            var intruder = OTHERS.charAt(random.nextInt(OTHERS.length()));
            return Arguments.of(word, intruder, random.nextInt(word.length() + 1));
        });
    }

    @ParameterizedTest
    @MethodSource("lowerCaseWords")
    void aPatternMustMatchTheWholeValueNotJustPartOfIt(String word, char intruder, int position) {
        var lowerCase = definition("Name", "String", "[a-z]+", null, null, null, null);
        var spoiled = word.substring(0, position) + intruder + word.substring(position);

        assertThat(ParameterValidator.check(lowerCase, word)).isNull();
        assertThat(ParameterValidator.check(lowerCase, spoiled))
                .isEqualTo("Parameter 'Name' must match pattern [a-z]+");
        // Anchored and unanchored patterns mean the same: CloudFormation matches the whole value either way.
        var anchored = definition("Name", "String", "^[a-z]+$", null, null, null, null);
        assertThat(ParameterValidator.check(anchored, spoiled)).isNotNull();
        assertThat(ParameterValidator.check(anchored, word)).isNull();
    }

    static Stream<Arguments> lengths() {
        var random = new Random(42);
        return IntStream.range(0, CASES).mapToObj(i -> {
            var min = random.nextInt(10);
            var max = min + random.nextInt(10);
            var length = Math.max(0, min - 2) + random.nextInt(max - min + 5);
            return Arguments.of(
                    min,
                    max,
                    random.ints(length, 0x20, 0x7f)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                            .toString());
        });
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void lengthsHoldExactlyAtTheirBounds(int min, int max, String value) {
        var bounded = definition("Text", "String", null, min, max, null, null);

        var error = ParameterValidator.check(bounded, value);

        if (value.length() < min) {
            assertThat(error).isEqualTo("Parameter 'Text' must contain at least %d characters".formatted(min));
        } else if (value.length() > max) {
            assertThat(error).isEqualTo("Parameter 'Text' must contain at most %d characters".formatted(max));
        } else {
            assertThat(error).isNull();
        }
    }

    static Stream<Arguments> numbers() {
        var random = new Random(7);
        return IntStream.range(0, CASES).mapToObj(i -> {
            var number = BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), random.nextInt(6));
            var min = BigDecimal.valueOf(random.nextLong(-1_000, 1_000), random.nextInt(3));
            var max = min.add(BigDecimal.valueOf(random.nextLong(0, 2_000_000), random.nextInt(3)));
            return Arguments.of(number, spelling(random, number), min, max);
        });
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void everySpellingOfANumberIsANumberAndBoundsCompareItsValue(
            BigDecimal number, String spelling, BigDecimal min, BigDecimal max) {
        var bounded = definition("N", "Number", null, null, null, min.toPlainString(), max.toPlainString());

        var error = ParameterValidator.check(bounded, spelling);

        if (number.compareTo(min) < 0) {
            assertThat(error).isEqualTo("Parameter 'N' must be a number not less than " + min.toPlainString());
        } else if (number.compareTo(max) > 0) {
            assertThat(error).isEqualTo("Parameter 'N' must be a number not greater than " + max.toPlainString());
        } else {
            assertThat(error).isNull();
        }
        assertThat(ParameterValidator.check(definition("N", "Number", null, null, null, null, null), spelling))
                .isNull();
    }

    static Stream<Arguments> numberLists() {
        var random = new Random(99);
        return IntStream.range(0, CASES).mapToObj(i -> {
            var items = new ArrayList<String>();
            var size = 1 + random.nextInt(8);
            for (int item = 0; item < size; item++) {
                var blanks = " ".repeat(random.nextInt(3));
                items.add(blanks + random.nextInt(0, 65536) + blanks);
            }
            var bad = List.of("http", "", "1 2", "0x50", "70000").get(random.nextInt(5));
            return Arguments.of(items, random.nextInt(size + 1), bad);
        });
    }

    @ParameterizedTest
    @MethodSource("numberLists")
    void aListIsRefusedAsSoonAsOneItemIs(List<String> items, int position, String bad) {
        var ports = definition("Ports", "List<Number>", null, null, null, "0", "65535");

        assertThat(ParameterValidator.check(ports, String.join(",", items))).isNull();
        var spoiled = new ArrayList<>(items);
        spoiled.add(position, bad);
        assertThat(ParameterValidator.check(ports, String.join(",", spoiled)))
                .isIn(
                        "Parameter 'Ports' must be a number",
                        "Parameter 'Ports' must be a number not greater than 65535");
    }

    static Stream<Arguments> choices() {
        var random = new Random(5);
        var allowed = List.of("dev", "test", "staging", "prod");
        return IntStream.range(0, CASES).mapToObj(i -> {
            var picked = IntStream.range(0, 1 + random.nextInt(5))
                    .mapToObj(item -> allowed.get(random.nextInt(allowed.size())))
                    .toList();
            return Arguments.of(picked, word(random, 1 + random.nextInt(8)));
        });
    }

    @ParameterizedTest
    @MethodSource("choices")
    void allowedValuesApplyToEveryItemOfAList(List<String> picked, String other) {
        var environments = new ParameterDefinition(
                "Envs",
                "CommaDelimitedList",
                null,
                List.of("dev", "test", "staging", "prod"),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                "must be dev, test, staging or prod");

        assertThat(ParameterValidator.check(environments, String.join(",", picked)))
                .isNull();
        var withOther = String.join(",", picked) + "," + other;
        var expected = List.of("dev", "test", "staging", "prod").contains(other)
                ? null
                : "Parameter 'Envs' failed to satisfy constraint: must be dev, test, staging or prod";
        assertThat(ParameterValidator.check(environments, withOther)).isEqualTo(expected);
    }

    /** One of the spellings CloudFormation takes for the same number: plain, signed, exponent, leading dot. */
    private static String spelling(Random random, BigDecimal number) {
        return switch (random.nextInt(5)) {
            case 0 -> number.toPlainString();
            case 1 -> number.toString().replace("E", "e");
            case 2 -> number.unscaledValue() + "e-" + number.scale();
            case 3 -> number.signum() >= 0 ? "+" + number.toPlainString() : number.toPlainString();
            default -> number.toPlainString().replaceFirst("^(-?)0\\.", "$1.");
        };
    }

    private static String word(Random random, int length) {
        var word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private static ParameterDefinition definition(
            String name,
            String type,
            String pattern,
            Integer minLength,
            Integer maxLength,
            String minValue,
            String maxValue) {
        return new ParameterDefinition(
                name, type, null, List.of(), pattern, minLength, maxLength, minValue, maxValue, false, null, null);
    }
}
