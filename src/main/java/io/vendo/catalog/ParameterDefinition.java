package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CloudFormation template parameter with its constraints, as declared in the template's {@code Parameters}.
 * Numbers are kept as the template wrote them.
 */
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
        @Nullable String constraintDescription) {

    public ParameterDefinition {
        allowedValues = List.copyOf(allowedValues);
    }

    public boolean required() {
        return defaultValue == null;
    }

    public boolean numeric() {
        return type.equals("Number");
    }

    /** Comma-delimited list types: {@code List<Number>}, {@code CommaDelimitedList} and {@code List<AWS::…>}. */
    public boolean list() {
        return type.equals("CommaDelimitedList") || type.startsWith("List<");
    }
}
