package io.vendo.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Builds the parameter model from a template's Parameters section, refusing what CloudFormation refuses: unknown
 * attributes, a missing or unknown Type, and constraints that are not what they claim to be (a NoEcho that is not a
 * boolean, a pattern that does not compile, lengths that are not whole numbers, bounds that are not numbers), each at
 * the line of the attribute concerned.
 */
final class ParameterDeclarations {

    private static final Set<String> ATTRIBUTES = Set.of(
            "Type",
            "Default",
            "AllowedValues",
            "AllowedPattern",
            "MinLength",
            "MaxLength",
            "MinValue",
            "MaxValue",
            "NoEcho",
            "Description",
            "ConstraintDescription");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ParameterDeclarations() {}

    /** Every parameter by name, in template order. */
    static Map<String, ParameterDefinition> read(TemplateDocument document, Map<?, ?> parameters) {
        var definitions = new LinkedHashMap<String, ParameterDefinition>();
        parameters.forEach((name, declaration) ->
                definitions.put(String.valueOf(name), parameter(document, String.valueOf(name), declaration)));
        return definitions;
    }

    private static ParameterDefinition parameter(TemplateDocument document, String name, Object declaration) {
        TemplateSections.checkLogicalId(document, "Parameter", name, "Parameters", name);
        if (!(declaration instanceof Map<?, ?> attributes)) {
            throw document.error("Parameter %s must be an object with a Type".formatted(name), "Parameters", name);
        }
        for (var attribute : attributes.keySet()) {
            if (!ATTRIBUTES.contains(String.valueOf(attribute))) {
                throw document.keyError(
                        "Invalid template parameter property '%s' in parameter %s".formatted(attribute, name),
                        "Parameters",
                        name,
                        String.valueOf(attribute));
            }
        }
        var declared = new Attributes(document, name, attributes);
        var type = declared.scalar("Type");
        if (type == null) {
            throw declared.problem("has no Type", null);
        }
        if (ParameterType.parse(type).isEmpty()) {
            throw declared.problem("Type '%s' is not a CloudFormation parameter type".formatted(type), "Type");
        }
        var noEcho = declared.scalar("NoEcho");
        if (noEcho != null && !noEcho.equalsIgnoreCase("true") && !noEcho.equalsIgnoreCase("false")) {
            throw declared.problem("NoEcho must be true or false, not '%s'".formatted(noEcho), "NoEcho");
        }
        var allowedPattern = declared.scalar("AllowedPattern");
        if (allowedPattern != null) {
            try {
                Pattern.compile(allowedPattern);
            } catch (PatternSyntaxException e) {
                throw declared.problem(
                        "AllowedPattern is not a valid pattern: %s".formatted(e.getDescription()), "AllowedPattern");
            }
        }
        return new ParameterDefinition(
                name,
                type,
                declared.defaultValue(),
                declared.allowedValues(),
                allowedPattern,
                declared.integer("MinLength"),
                declared.integer("MaxLength"),
                declared.number("MinValue"),
                declared.number("MaxValue"),
                noEcho != null && noEcho.equalsIgnoreCase("true"),
                declared.scalar("Description"),
                declared.scalar("ConstraintDescription"));
    }

    /** One parameter's attributes, read with their problems reported at the attribute's line. */
    private record Attributes(TemplateDocument document, String name, Map<?, ?> attributes) {

        InvalidTemplateException problem(String message, @Nullable String attribute) {
            return attribute == null
                    ? document.error("Parameter %s %s".formatted(name, message), "Parameters", name)
                    : document.error("Parameter %s: %s".formatted(name, message), "Parameters", name, attribute);
        }

        @Nullable
        String scalar(String key) {
            var value = attributes.get(key);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw problem("%s must be a single value".formatted(key), key);
        }

        /** A list Default is written as a YAML sequence by some authors; CloudFormation wants it comma-joined. */
        @Nullable
        String defaultValue() {
            var value = attributes.get("Default");
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return String.join(",", list.stream().map(String::valueOf).toList());
            }
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw problem("Default must be a value or a list of values", "Default");
        }

        @Nullable
        Integer integer(String key) {
            var value = scalar(key);
            if (value == null) {
                return null;
            }
            try {
                var integer = Integer.valueOf(value);
                if (integer < 0) {
                    throw problem("%s must not be negative, not '%s'".formatted(key, value), key);
                }
                return integer;
            } catch (NumberFormatException e) {
                throw problem("%s must be an integer, not '%s'".formatted(key, value), key);
            }
        }

        @Nullable
        String number(String key) {
            var value = scalar(key);
            if (value != null && !NUMBER.matcher(value).matches()) {
                throw problem("%s must be a number, not '%s'".formatted(key, value), key);
            }
            return value;
        }

        List<String> allowedValues() {
            var value = attributes.get("AllowedValues");
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw problem("AllowedValues must be a list of values", "AllowedValues");
            }
            return list.stream().map(String::valueOf).toList();
        }
    }
}
