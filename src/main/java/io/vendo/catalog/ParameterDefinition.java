package io.vendo.catalog;

import java.util.List;
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
}
