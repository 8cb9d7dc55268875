package io.vendo.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Applies CloudFormation's parameter rules to submitted values, with CloudFormation's messages: missing and unknown
 * parameters, AllowedValues, AllowedPattern (matching the whole value), MinLength/MaxLength, Number and
 * MinValue/MaxValue; list types are checked item by item.
 */
final class ParameterValidator {

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

    private static @Nullable String check(ParameterDefinition definition, String value) {
        var items = definition.list() ? List.of(value.split(",", -1)) : List.of(value);
        for (var item : items) {
            var error = checkItem(definition, definition.list() ? item.strip() : item);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static @Nullable String checkItem(ParameterDefinition definition, String value) {
        var name = definition.name();
        var numeric = definition.numeric() || definition.type().equals("List<Number>");
        if (numeric && !NUMBER.matcher(value).matches()) {
            return "Parameter '%s' must be a number".formatted(name);
        }
        if (!definition.allowedValues().isEmpty() && !definition.allowedValues().contains(value)) {
            return constraint(definition, "Parameter '%s' must be one of AllowedValues".formatted(name));
        }
        if (definition.allowedPattern() != null
                && !Pattern.compile(definition.allowedPattern()).matcher(value).matches()) {
            return constraint(
                    definition, "Parameter '%s' must match pattern %s".formatted(name, definition.allowedPattern()));
        }
        if (definition.minLength() != null && value.length() < definition.minLength()) {
            return constraint(
                    definition,
                    "Parameter '%s' must contain at least %d characters".formatted(name, definition.minLength()));
        }
        if (definition.maxLength() != null && value.length() > definition.maxLength()) {
            return constraint(
                    definition,
                    "Parameter '%s' must contain at most %d characters".formatted(name, definition.maxLength()));
        }
        if (numeric
                && definition.minValue() != null
                && new BigDecimal(value).compareTo(new BigDecimal(definition.minValue())) < 0) {
            return constraint(
                    definition,
                    "Parameter '%s' must be a number not less than %s".formatted(name, definition.minValue()));
        }
        if (numeric
                && definition.maxValue() != null
                && new BigDecimal(value).compareTo(new BigDecimal(definition.maxValue())) > 0) {
            return constraint(
                    definition,
                    "Parameter '%s' must be a number not greater than %s".formatted(name, definition.maxValue()));
        }
        return null;
    }

    /** CloudFormation replaces its own message with the template's ConstraintDescription when there is one. */
    private static String constraint(ParameterDefinition definition, String message) {
        return definition.constraintDescription() == null
                ? message
                : "Parameter '%s' failed to satisfy constraint: %s"
                        .formatted(definition.name(), definition.constraintDescription());
    }
}
