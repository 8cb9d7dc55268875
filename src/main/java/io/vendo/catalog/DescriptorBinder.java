package io.vendo.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Binds a catalog directory's YAML to the record that describes it, strictly: every key must be one of the record's
 * components, a whole number must be written as one, lists and mappings must be lists and mappings, and enum values
 * may be written in any case. What it refuses is said in the words of the file, naming the key.
 */
final class DescriptorBinder {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Integer, integers -> integers.setCoercion(
                            CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .changeDefaultNullHandling(nulls -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    private DescriptorBinder() {}

    /**
     * @param expected what the file must hold, for the message when it holds no mapping
     * @throws DescriptorException naming what is wrong
     */
    static <T extends Record> T bind(String yaml, Class<T> type, String expected) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new DescriptorException("Not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new DescriptorException("Expected " + expected);
        }
        return bind(map, type);
    }

    /** @throws DescriptorException naming what is wrong */
    static <T extends Record> T bind(Map<?, ?> settings, Class<T> type) {
        var known = Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName())
                .sorted()
                .toList();
        var unknown = settings.keySet().stream()
                .map(String::valueOf)
                .filter(key -> !known.contains(key))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new DescriptorException(
                    "Unknown key(s) " + String.join(", ", unknown) + "; known: " + String.join(", ", known));
        }
        try {
            return MAPPER.convertValue(settings, type);
        } catch (DatabindException e) {
            throw new DescriptorException(problem(e, settings));
        }
    }

    /** The names of an enum's constants, as a message lists them. */
    static String constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String problem(DatabindException e, Map<?, ?> settings) {
        var key = new StringBuilder();
        Object value = settings;
        for (var step : e.getPath()) {
            if (step.getPropertyName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(step.getPropertyName());
                value = value instanceof Map<?, ?> map ? map.get(step.getPropertyName()) : null;
            } else if (step.getIndex() >= 0) {
                key.append('[').append(step.getIndex()).append(']');
                value = value instanceof List<?> list && step.getIndex() < list.size()
                        ? list.get(step.getIndex())
                        : null;
            }
        }
        if (key.isEmpty()) {
            return "Not understood: " + e.getOriginalMessage();
        }
        if (e instanceof InvalidNullException) {
            return "%s must not hold an empty value".formatted(key);
        }
        var target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            @SuppressWarnings("unchecked")
            var constants = constants((Class<? extends Enum<?>>) target);
            return "%s must be one of %s, not '%s'".formatted(key, constants, value);
        }
        String shape;
        if (target != null && Collection.class.isAssignableFrom(target)) {
            shape = "a list";
        } else if (target != null && Map.class.isAssignableFrom(target)) {
            shape = "a mapping of key: value";
        } else if (target == Integer.class || target == int.class) {
            shape = "a whole number";
        } else if (target == String.class) {
            shape = "a single value";
        } else {
            return "%s: %s".formatted(key, e.getOriginalMessage());
        }
        return "%s must be %s, not '%s'".formatted(key, shape, value);
    }

    /** A descriptor the catalog cannot read. */
    static final class DescriptorException extends RuntimeException {

        private final String message;

        DescriptorException(String message) {
            super(message);
            this.message = message;
        }

        /** What cannot be read: always said. */
        @Override
        public String getMessage() {
            return message;
        }
    }
}
