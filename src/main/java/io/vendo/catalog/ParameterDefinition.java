package io.vendo.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One CloudFormation template parameter with its constraints, as declared in the template's {@code Parameters}, and
 * where the template's {@code AWS::CloudFormation::Interface} metadata puts it on a form. Numbers are kept as the
 * template wrote them.
 *
 * @param label the Interface's {@code ParameterLabels} entry, shown instead of the name
 * @param group the label of the Interface's {@code ParameterGroups} entry the parameter belongs to
 */
@NamedInterface("blueprints")
public record ParameterDefinition(
        String name,
        String type,
        @Nullable String defaultValue,
        List<String> allowedValues,
        @Nullable String allowedPattern,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable String minValue,
        @Nullable String maxValue,
        boolean noEcho,
        @Nullable String description,
        @Nullable String constraintDescription,
        @Nullable String label,
        @Nullable String group) {

    public ParameterDefinition {
        allowedValues = List.copyOf(allowedValues);
    }

    /** A parameter outside any Interface group, without a label. */
    public ParameterDefinition(
            String name,
            String type,
            @Nullable String defaultValue,
            List<String> allowedValues,
            @Nullable String allowedPattern,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String minValue,
            @Nullable String maxValue,
            boolean noEcho,
            @Nullable String description,
            @Nullable String constraintDescription) {
        this(
                name,
                type,
                defaultValue,
                allowedValues,
                allowedPattern,
                minLength,
                maxLength,
                minValue,
                maxValue,
                noEcho,
                description,
                constraintDescription,
                null,
                null);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** The type, understood; the parser refuses templates with types CloudFormation does not know. */
    public ParameterType parameterType() {
        return ParameterType.of(type);
    }

    /** {@code Number} and {@code List<Number>}: the value, or each item, must be a number. */
    public boolean numeric() {
        return parameterType().numeric();
    }

    /** Comma-delimited list types: {@code List<Number>}, {@code CommaDelimitedList} and {@code List<AWS::…>}. */
    public boolean list() {
        return parameterType().list();
    }

    /** What people read: the Interface label, else the parameter's name. */
    public String displayName() {
        return label != null ? label : name;
    }

    /** Whether one value suits both: the same type and constraints. */
    boolean sameConstraintsAs(ParameterDefinition other) {
        return type.equals(other.type)
                && allowedValues.equals(other.allowedValues)
                && Objects.equals(allowedPattern, other.allowedPattern)
                && Objects.equals(minLength, other.minLength)
                && Objects.equals(maxLength, other.maxLength)
                && Objects.equals(minValue, other.minValue)
                && Objects.equals(maxValue, other.maxValue)
                && noEcho == other.noEcho;
    }

    /** Its type and constraints in words, for a message. */
    String describe() {
        var text = new StringBuilder("a " + type + " parameter");
        if (!allowedValues.isEmpty()) {
            text.append(" allowing ").append(String.join(", ", allowedValues));
        }
        if (allowedPattern != null) {
            text.append(" matching ").append(allowedPattern);
        }
        if (noEcho) {
            text.append(" (NoEcho)");
        }
        return text.toString();
    }

    /** The same parameter as a form shows it: under another name, label and group. */
    ParameterDefinition presentedAs(String name, @Nullable String label, @Nullable String group) {
        return new ParameterDefinition(
                name,
                type,
                defaultValue,
                allowedValues,
                allowedPattern,
                minLength,
                maxLength,
                minValue,
                maxValue,
                noEcho,
                description,
                constraintDescription,
                label,
                group);
    }
}
