package io.vendo.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Delivery} written as a YAML mapping, as descriptors and the admin form carry it. {@code type} may be left
 * out where the kind has a single delivery (STACK, SERVICE_CATALOG_PRODUCT, STACK_SET; ACCOUNT defaults to
 * AccountFactory).
 */
final class DeliveryText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeliveryText() {}

    /**
     * @return none for blank text of a non-STACK kind: the caller reports that the delivery is missing
     * @throws InvalidEntryException under {@code delivery} when the text is not a delivery
     */
    static @Nullable Delivery parse(BlueprintKind kind, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return kind == BlueprintKind.STACK ? new Delivery.Stack() : null;
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw invalid("Not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw invalid("Write the delivery as a mapping, e.g. productId: prod-abc123");
        }
        return fromMap(kind, map);
    }

    static Delivery fromMap(BlueprintKind kind, Map<?, ?> settings) {
        var withType = new LinkedHashMap<String, Object>();
        withType.put("type", defaultType(kind));
        settings.forEach((key, value) -> withType.put(String.valueOf(key), value));
        try {
            return JSON.convertValue(withType, Delivery.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid("Not understood: "
                    + (e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The delivery as YAML, without the type where the kind implies it. */
    static String format(Delivery delivery) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(delivery, Map.class);
        if (map.get("type") != null && map.get("type").equals(defaultType(delivery.kind()))) {
            map.remove("type");
        }
        // Optional settings left out are not written (an account blueprint that does not say how it is retired, a
        // StackSet without organizational units).
        map.values()
                .removeIf(value -> value == null || value instanceof java.util.Collection<?> list && list.isEmpty());
        if (map.isEmpty()) {
            return "";
        }
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(map);
    }

    private static String defaultType(BlueprintKind kind) {
        return switch (kind) {
            case STACK -> "Stack";
            case ACCOUNT -> "AccountFactory";
            case SERVICE_CATALOG_PRODUCT -> "ServiceCatalogProduct";
            case STACK_SET -> "StackSet";
            case COMPOSITE -> "Composite";
        };
    }

    private static InvalidEntryException invalid(String message) {
        return new InvalidEntryException("delivery", Map.of("delivery", message));
    }
}
