package io.vendo.catalog.api;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.ParameterDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A blueprint version's parameter model as a JSON Schema (draft 2020-12) for the {@code parameters} object of a
 * request, so that integrations can build forms and check values before they submit.
 *
 * <p>Decisions: {@code Number} parameters are JSON numbers (the API accepts numeric strings too). List types
 * ({@code CommaDelimitedList}, {@code List<Number>}, {@code List<AWS::…>}) are <em>comma-delimited strings</em>, as
 * CloudFormation itself takes them and as the request API stores them; a pattern checks each item where the model
 * allows (numbers, AllowedValues). {@code AllowedPattern} is anchored, since CloudFormation matches the whole value.
 * NoEcho parameters are {@code writeOnly} and never publish a default. The CloudFormation type and constraint
 * description travel as {@code x-cloudformation-type} and {@code x-constraint-description}.
 */
final class ParameterSchema {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String NUMBER_ITEM = "\\s*-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\s*";

    private ParameterSchema() {}

    static Map<String, Object> of(BlueprintVersionDetails version, String id) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", DIALECT);
        schema.put("$id", id);
        schema.put("title", "%s v%d parameters".formatted(version.name(), version.number()));
        schema.put("description", version.description());
        schema.put("type", "object");
        var properties = new LinkedHashMap<String, Object>();
        var required = new ArrayList<String>();
        for (var parameter : version.parameters()) {
            properties.put(parameter.name(), property(parameter));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        schema.put("x-vendo-blueprint", version.slug());
        schema.put("x-vendo-version", version.number());
        schema.put("x-vendo-kind", version.kind().name());
        return schema;
    }

    static Map<String, Object> property(ParameterDefinition parameter) {
        var property = new LinkedHashMap<String, Object>();
        var numeric = parameter.numeric();
        property.put("type", numeric ? "number" : "string");
        if (parameter.description() != null) {
            property.put("description", parameter.description());
        }
        if (!parameter.allowedValues().isEmpty() && !parameter.list()) {
            property.put(
                    "enum",
                    parameter.allowedValues().stream()
                            .map(value -> numeric ? number(value) : value)
                            .toList());
        }
        if (parameter.list()) {
            listPattern(parameter).ifPresent(pattern -> property.put("pattern", pattern));
        } else if (parameter.allowedPattern() != null) {
            property.put("pattern", "^(?:" + parameter.allowedPattern() + ")$");
        }
        if (!numeric) {
            if (parameter.minLength() != null) {
                property.put("minLength", parameter.minLength());
            }
            if (parameter.maxLength() != null) {
                property.put("maxLength", parameter.maxLength());
            }
        }
        if (numeric && parameter.minValue() != null) {
            property.put("minimum", number(parameter.minValue()));
        }
        if (numeric && parameter.maxValue() != null) {
            property.put("maximum", number(parameter.maxValue()));
        }
        if (parameter.noEcho()) {
            property.put("writeOnly", true);
        } else if (parameter.defaultValue() != null) {
            property.put("default", numeric ? number(parameter.defaultValue()) : parameter.defaultValue());
        }
        property.put("x-cloudformation-type", parameter.type());
        if (parameter.constraintDescription() != null) {
            property.put("x-constraint-description", parameter.constraintDescription());
        }
        return property;
    }

    private static Optional<String> listPattern(ParameterDefinition parameter) {
        if (!parameter.allowedValues().isEmpty()) {
            var choice = parameter.allowedValues().stream()
                    .map(ParameterSchema::escape)
                    .collect(Collectors.joining("|", "\\s*(?:", ")\\s*"));
            return Optional.of("^" + choice + "(," + choice + ")*$");
        }
        if (parameter.type().equals("List<Number>")) {
            return Optional.of("^" + NUMBER_ITEM + "(," + NUMBER_ITEM + ")*$");
        }
        return Optional.empty();
    }

    /** ECMA-262 escaping (JSON Schema's regex dialect has no \\Q…\\E). */
    private static String escape(String literal) {
        return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}/-]", "\\\\$0");
    }

    /** Keeps the template's digits: a JSON number that is exactly what the template wrote. */
    private static Object number(@Nullable String value) {
        if (value != null && NUMBER.matcher(value.strip()).matches()) {
            return new BigDecimal(value.strip());
        }
        return String.valueOf(value);
    }
}
