package io.vendo.catalog;

import io.vendo.catalog.ParameterType.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Applies CloudFormation's parameter rules to submitted values, with CloudFormation's messages.
 *
 * <ul>
 *   <li>Missing parameters (no value, no Default) and unknown ones are refused.
 *   <li>{@code AllowedPattern} must match the whole value ({@link java.util.regex.Matcher#matches()}), with Java's
 *       regular expressions: CloudFormation is a Java service, and patterns such as {@code \p{Alnum}}, {@code \d},
 *       possessive quantifiers and lookarounds behave there as here. POSIX bracket classes ({@code [[:alpha:]]}) are
 *       no character classes in Java, nor in CloudFormation; they are taken literally in both. The matching itself
 *       takes linear time where the pattern allows ({@link AllowedPattern}): one value never costs seconds of CPU.
 *   <li>{@code Number} (and each item of {@code List<Number>}) takes what CloudFormation takes: an integer or a
 *       decimal, signed or not, with an optional exponent ({@code 42}, {@code -1.5}, {@code .5}, {@code 1e3}); no
 *       blanks, hexadecimal, {@code NaN} or {@code Infinity}. {@code MinValue}/{@code MaxValue} compare exactly
 *       (as decimals, not doubles).
 *   <li>{@code MinLength}/{@code MaxLength} count characters as Java does (UTF-16 units, so an emoji counts two).
 *   <li>List types ({@code CommaDelimitedList}, {@code List<Number>}, {@code List<AWS::…>}) are split at commas,
 *       each item trimmed of blanks, and each item is checked on its own against every constraint.
 *   <li>AWS-specific types: the value (or each item) must have the form of what it names ({@code vpc-…},
 *       {@code subnet-…}); whether it exists is AWS's to say at deployment.
 *   <li>Systems Manager types take the name of a Parameter Store parameter; the constraints apply to the parameter's
 *       value, which only AWS reads, so they are not checked here.
 *   <li>A value is at most 4,096 bytes, CloudFormation's limit.
 * </ul>
 *
 * When the template gives a {@code ConstraintDescription}, it replaces the message of a violated constraint, as in
 * CloudFormation.
 */
final class ParameterValidator {

    static final int MAX_VALUE_BYTES = 4_096;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * Returns every parameter's effective value (the submitted one, else the default), in template order.
     *
     * @throws InvalidParametersException naming each refused parameter
     */
    Map<String, String> validate(List<ParameterDefinition> definitions, Map<String, String> submitted) {
        var errors = new TreeMap<String, String>();
        var known = definitions.stream().map(ParameterDefinition::name).toList();
        submitted.keySet().stream()
                .filter(name -> !known.contains(name))
                .forEach(name -> errors.put(name, "Parameters: [%s] do not exist in the template".formatted(name)));

        var effective = new LinkedHashMap<String, String>();
        for (var definition : definitions) {
            var value = submitted.get(definition.name());
            if (value == null) {
                value = definition.defaultValue();
            }
            if (value == null) {
                errors.put(definition.name(), "Parameters: [%s] must have values".formatted(definition.name()));
                continue;
            }
            var error = check(definition, value);
            if (error != null) {
                errors.put(definition.name(), error);
            } else {
                effective.put(definition.name(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return effective;
    }

    /** The message CloudFormation would give for this value, or null when it would accept it. */
    static @Nullable String check(ParameterDefinition definition, String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            return "Parameter '%s' value is longer than %,d bytes".formatted(definition.name(), MAX_VALUE_BYTES);
        }
        var type = definition.parameterType();
        if (type.kind() == Kind.SSM_PARAMETER) {
            return type.acceptsSsmParameterName(value)
                    ? null
                    : "Parameter '%s' must name a Systems Manager parameter (letters, digits and _.-/ only)"
                            .formatted(definition.name());
        }
        var items = type.list() ? List.of(value.split(",", -1)) : List.of(value);
        for (var item : items) {
            var error = checkItem(definition, type, type.list() ? item.strip() : item);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static @Nullable String checkItem(ParameterDefinition definition, ParameterType type, String value) {
        var name = definition.name();
        var number = type.numeric() ? decimal(value) : null;
        if (type.numeric() && number == null) {
            return "Parameter '%s' must be a number".formatted(name);
        }
        var aws = type.aws();
        if (aws != null && !aws.accepts(value)) {
            // A NoEcho value never appears in a message: messages are shown, logged and returned by the API.
            return definition.noEcho()
                    ? "Parameter validation failed: the value for parameter name %s is not %s"
                            .formatted(name, aws.expected())
                    : "Parameter validation failed: parameter value '%s' for parameter name %s is not %s"
                            .formatted(value, name, aws.expected());
        }
        if (!definition.allowedValues().isEmpty() && !definition.allowedValues().contains(value)) {
            return constraint(definition, "Parameter '%s' must be one of AllowedValues".formatted(name));
        }
        if (definition.allowedPattern() != null) {
            boolean matched;
            try {
                matched = AllowedPattern.of(definition.allowedPattern()).matches(value);
            } catch (AllowedPattern.BudgetExhaustedException tooCostly) {
                return "Parameter '%s' could not be checked against AllowedPattern %s within the effort a check may take:"
                                .formatted(name, definition.allowedPattern())
                        + " the pattern needs backtracking; give a shorter value, or ask the blueprint's owner to"
                        + " simplify the pattern";
            }
            if (!matched) {
                return constraint(
                        definition,
                        "Parameter '%s' must match pattern %s".formatted(name, definition.allowedPattern()));
            }
        }
        var length = value.length();
        if (definition.minLength() != null && length < definition.minLength()) {
            return constraint(
                    definition,
                    "Parameter '%s' must contain at least %d characters".formatted(name, definition.minLength()));
        }
        if (definition.maxLength() != null && length > definition.maxLength()) {
            return constraint(
                    definition,
                    "Parameter '%s' must contain at most %d characters".formatted(name, definition.maxLength()));
        }
        if (number != null
                && definition.minValue() != null
                && number.compareTo(new BigDecimal(definition.minValue())) < 0) {
            return constraint(
                    definition,
                    "Parameter '%s' must be a number not less than %s".formatted(name, definition.minValue()));
        }
        if (number != null
                && definition.maxValue() != null
                && number.compareTo(new BigDecimal(definition.maxValue())) > 0) {
            return constraint(
                    definition,
                    "Parameter '%s' must be a number not greater than %s".formatted(name, definition.maxValue()));
        }
        return null;
    }

    private static @Nullable BigDecimal decimal(String value) {
        if (!NUMBER.matcher(value).matches()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            // Matches the grammar but the exponent is beyond what any number type holds (e.g. 1e9999999999).
            return null;
        }
    }

    /** CloudFormation replaces its own message with the template's ConstraintDescription when there is one. */
    private static String constraint(ParameterDefinition definition, String message) {
        return definition.constraintDescription() == null
                ? message
                : "Parameter '%s' failed to satisfy constraint: %s"
                        .formatted(definition.name(), definition.constraintDescription());
    }
}
