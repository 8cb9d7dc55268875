package io.vendo.request.web;

import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.ParameterType.Kind;
import io.vendo.request.AccountResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How one template parameter is shown on the request form: the control follows its type and constraints, the hints
 * say what CloudFormation will check.
 *
 * @param control {@code select} (AllowedValues), {@code choices} (a list with AllowedValues: check boxes),
 *     {@code number} (Number, with its bounds), {@code secret} (NoEcho: a password field, never filled in),
 *     {@code list} (one value per line), {@code resource} / {@code resources} (an AWS-specific type whose values
 *     were listed from the target account: a select, or check boxes for a list), or {@code text}
 * @param hints what a valid value looks like, from the constraints (or the ConstraintDescription)
 * @param format what the value of an AWS-specific type looks like, e.g. "a VPC id: vpc- and …"
 * @param resources the values found in the target account, for {@code resource}/{@code resources}; else empty
 */
record ParameterField(
        ParameterDefinition definition,
        String control,
        List<String> hints,
        String format,
        List<AccountResource> resources) {

    static ParameterField of(ParameterDefinition definition) {
        return of(definition, List.of());
    }

    /**
     * With {@code resources} listed from the target account, an AWS-specific parameter offers them; none listed (dry
     * run, lookup failed, nothing there) keeps the typed input.
     */
    static ParameterField of(ParameterDefinition definition, List<AccountResource> resources) {
        var type = definition.parameterType();
        String control;
        var offered = List.<AccountResource>of();
        if (definition.noEcho()) {
            control = "secret";
        } else if (!definition.allowedValues().isEmpty()) {
            control = type.list() ? "choices" : "select";
        } else if (type.aws() != null && !resources.isEmpty()) {
            control = type.list() ? "resources" : "resource";
            offered = List.copyOf(resources);
        } else if (type.kind() == Kind.NUMBER) {
            control = "number";
        } else if (type.list()) {
            control = "list";
        } else {
            control = "text";
        }
        var format = type.aws() != null ? type.aws().expected() : "";
        return new ParameterField(definition, control, hints(definition, type.kind()), format, offered);
    }

    public String id() {
        return "param-" + definition.name();
    }

    public String name() {
        return "parameters[" + definition.name() + "]";
    }

    /** The items of a list value as the form holds it (lines or commas), to tick the chosen boxes. */
    public List<String> items(@Nullable String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.strip().split("\\s*[,\\n]\\s*"));
    }

    /** The submitted text as CloudFormation takes it: a list's lines become its comma-separated items. */
    static String normalize(ParameterDefinition definition, String submitted) {
        if (!definition.list() || !submitted.contains("\n")) {
            return submitted;
        }
        return Arrays.stream(submitted.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining(","));
    }

    /** A list's value as the form shows it: one item per line. */
    static String display(ParameterDefinition definition, String value) {
        return definition.list() ? String.join("\n", value.split("\\s*,\\s*")) : value;
    }

    private static List<String> hints(ParameterDefinition definition, Kind kind) {
        var hints = new ArrayList<String>();
        if (definition.constraintDescription() != null) {
            hints.add(definition.constraintDescription());
        }
        if (definition.minLength() != null && definition.maxLength() != null) {
            hints.add("%d to %d characters".formatted(definition.minLength(), definition.maxLength()));
        } else if (definition.minLength() != null) {
            hints.add("At least %d characters".formatted(definition.minLength()));
        } else if (definition.maxLength() != null) {
            hints.add("At most %d characters".formatted(definition.maxLength()));
        }
        if (definition.minValue() != null && definition.maxValue() != null) {
            hints.add("From %s to %s".formatted(definition.minValue(), definition.maxValue()));
        } else if (definition.minValue() != null) {
            hints.add("At least " + definition.minValue());
        } else if (definition.maxValue() != null) {
            hints.add("At most " + definition.maxValue());
        }
        if (definition.allowedPattern() != null && definition.constraintDescription() == null) {
            hints.add("Must match " + definition.allowedPattern());
        }
        if (kind == Kind.SSM_PARAMETER) {
            hints.add("The name of a Systems Manager Parameter Store parameter");
        }
        if (definition.list()) {
            hints.add(kind == Kind.NUMBER_LIST ? "One number per line" : "One value per line");
        }
        if (definition.noEcho()) {
            hints.add(
                    definition.required()
                            ? "Secret: stored encrypted, never shown again"
                            : "Secret: leave empty to use the template's default; stored encrypted, never shown again");
        }
        return List.copyOf(hints);
    }
}
