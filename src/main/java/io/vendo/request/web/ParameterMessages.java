package io.vendo.request.web;

import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.ParameterType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * What the form says about a value the catalog refused, in words for the person filling it in: the parameter's label,
 * and the template's ConstraintDescription where it gives one, rather than CloudFormation's messages ("Parameter
 * 'SiteName' must contain at least 1 characters"), which the API keeps. The catalog decides whether a value is valid;
 * this only finds which of its rules the value breaks, checking them in the catalog's order, to say that one.
 */
final class ParameterMessages {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ParameterMessages() {}

    /**
     * @param value what the form holds (list items one per line or comma-separated), or null when left empty
     * @param refusal the catalog's message, said when no rule below explains the refusal
     */
    static String of(ParameterDefinition parameter, @Nullable String value, String refusal) {
        var label = parameter.displayName();
        if (value == null || value.isBlank()) {
            return (parameter.allowedValues().isEmpty() ? "Enter " : "Choose ") + article(label);
        }
        var type = parameter.parameterType();
        var items = type.list() ? List.of(value.strip().split("\\s*[,\\n]\\s*")) : List.of(value);
        for (var item : items) {
            var message = ofItem(parameter, type, item.strip(), label);
            if (message != null) {
                return message;
            }
        }
        return refusal;
    }

    private static @Nullable String ofItem(
            ParameterDefinition parameter, ParameterType type, String item, String label) {
        var each = type.list() ? "Each item of " + label : label;
        if (type.numeric() && !NUMBER.matcher(item).matches()) {
            return "%s must be a number, such as 42 or 1.5".formatted(each);
        }
        var aws = type.aws();
        if (aws != null && !aws.accepts(item)) {
            return "%s must be %s".formatted(each, aws.expected());
        }
        var described = parameter.constraintDescription();
        if (!parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(item)) {
            return described != null
                    ? described(label, described)
                    : "Choose %s from: %s".formatted(article(label), String.join(", ", parameter.allowedValues()));
        }
        if (parameter.allowedPattern() != null && !matches(parameter.allowedPattern(), item)) {
            return described != null
                    ? described(label, described)
                    : "%s does not have the expected form (the template asks for %s)"
                            .formatted(each, parameter.allowedPattern());
        }
        var length = item.length();
        var min = parameter.minLength();
        var max = parameter.maxLength();
        if ((min != null && length < min) || (max != null && length > max)) {
            if (described != null) {
                return described(label, described);
            }
            return lengthMessage(each, min, max, length);
        }
        if (type.numeric()) {
            var number = new BigDecimal(item);
            var low = parameter.minValue() == null ? null : new BigDecimal(parameter.minValue());
            var high = parameter.maxValue() == null ? null : new BigDecimal(parameter.maxValue());
            if ((low != null && number.compareTo(low) < 0) || (high != null && number.compareTo(high) > 0)) {
                if (described != null) {
                    return described(label, described);
                }
                if (low != null && high != null) {
                    return "%s must be between %s and %s".formatted(each, parameter.minValue(), parameter.maxValue());
                }
                return low != null
                        ? "%s must be %s or more".formatted(each, parameter.minValue())
                        : "%s must be %s or less".formatted(each, parameter.maxValue());
            }
        }
        return null;
    }

    /** "must be 3 to 41 letters" reads on from the label; any other description follows a colon. */
    private static String described(String label, String description) {
        return description.regionMatches(true, 0, "must ", 0, 5)
                ? label + " " + Character.toLowerCase(description.charAt(0)) + description.substring(1)
                : label + ": " + description;
    }

    private static String lengthMessage(String label, @Nullable Integer min, @Nullable Integer max, int length) {
        if (min != null && max != null) {
            return min.equals(max)
                    ? "%s must be exactly %s (it has %d)".formatted(label, characters(min), length)
                    : "%s must be %d to %d characters long (it has %d)".formatted(label, min, max, length);
        }
        if (min != null) {
            return min == 1
                    ? "Enter " + article(label)
                    : "%s must be at least %s (it has %d)".formatted(label, characters(min), length);
        }
        return "%s can be at most %s (it has %d)".formatted(label, characters(max), length);
    }

    private static String characters(@Nullable Integer count) {
        return count != null && count == 1 ? "1 character" : count + " characters";
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException invalid) {
            return false;
        }
    }

    /** "Site name" → "a site name"; names that are not words (SiteName, DBPassword) stay as they are. */
    private static String article(String label) {
        if (!label.contains(" ") || label.chars().filter(Character::isUpperCase).count() > 1) {
            return "a value for " + label;
        }
        var lower = label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
    }
}
