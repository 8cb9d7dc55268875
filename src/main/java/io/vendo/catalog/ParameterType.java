package io.vendo.catalog;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A CloudFormation parameter type, understood: {@code String}, {@code Number}, {@code List<Number>},
 * {@code CommaDelimitedList}, the AWS-specific types and their lists, and the Systems Manager types
 * ({@code AWS::SSM::Parameter::Name}, {@code AWS::SSM::Parameter::Value<…>}), whose value is the name of a Parameter
 * Store parameter.
 *
 * @param name the type as the template writes it
 * @param kind what kind of value it takes
 * @param aws the AWS-specific type of the value (or of each list item), if any
 */
@NamedInterface("blueprints")
public record ParameterType(String name, Kind kind, @Nullable AwsParameterType aws) {

    private static final String SSM_VALUE_PREFIX = "AWS::SSM::Parameter::Value<";

    /** Parameter Store names: letters, digits and {@code _.-/}, at most 2,048 characters with their path. */
    private static final Pattern SSM_PARAMETER_NAME = Pattern.compile("[a-zA-Z0-9_./-]{1,2048}");

    public enum Kind {
        STRING,
        NUMBER,
        NUMBER_LIST,
        COMMA_DELIMITED_LIST,
        AWS_VALUE,
        AWS_VALUE_LIST,
        /** {@code AWS::SSM::Parameter::Name} and {@code AWS::SSM::Parameter::Value<…>}: the value names a parameter. */
        SSM_PARAMETER
    }

    /**
     * @throws IllegalArgumentException for a type CloudFormation does not know, with a message saying so
     */
    public static ParameterType of(String name) {
        return parse(name)
                .orElseThrow(() ->
                        new IllegalArgumentException("'%s' is not a CloudFormation parameter type".formatted(name)));
    }

    static Optional<ParameterType> parse(String name) {
        switch (name) {
            case "String" -> {
                return Optional.of(new ParameterType(name, Kind.STRING, null));
            }
            case "Number" -> {
                return Optional.of(new ParameterType(name, Kind.NUMBER, null));
            }
            case "List<Number>" -> {
                return Optional.of(new ParameterType(name, Kind.NUMBER_LIST, null));
            }
            case "CommaDelimitedList" -> {
                return Optional.of(new ParameterType(name, Kind.COMMA_DELIMITED_LIST, null));
            }
            case "AWS::SSM::Parameter::Name" -> {
                return Optional.of(new ParameterType(name, Kind.SSM_PARAMETER, null));
            }
            default -> {
                // handled below
            }
        }
        if (name.startsWith(SSM_VALUE_PREFIX) && name.endsWith(">")) {
            var valueType = name.substring(SSM_VALUE_PREFIX.length(), name.length() - 1);
            var allowed = valueType.equals("String")
                    || valueType.equals("List<String>")
                    || valueType.equals("CommaDelimitedList")
                    || parse(valueType).filter(type -> type.aws() != null).isPresent();
            return allowed ? Optional.of(new ParameterType(name, Kind.SSM_PARAMETER, null)) : Optional.empty();
        }
        if (name.startsWith("List<") && name.endsWith(">")) {
            return AwsParameterType.named(name.substring("List<".length(), name.length() - 1))
                    .filter(AwsParameterType::listable)
                    .map(aws -> new ParameterType(name, Kind.AWS_VALUE_LIST, aws));
        }
        return AwsParameterType.named(name).map(aws -> new ParameterType(name, Kind.AWS_VALUE, aws));
    }

    /** Values are comma-separated lists, each item checked on its own. */
    public boolean list() {
        return kind == Kind.NUMBER_LIST || kind == Kind.COMMA_DELIMITED_LIST || kind == Kind.AWS_VALUE_LIST;
    }

    /** The value, or each item of it, must be a number. */
    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.NUMBER_LIST;
    }

    boolean acceptsSsmParameterName(String value) {
        return SSM_PARAMETER_NAME.matcher(value).matches();
    }
}
