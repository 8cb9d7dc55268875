package io.vendo.catalog;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.modulith.NamedInterface;

/**
 * Deployment targets a request may not choose, keyed by field in {@link #errors()}: {@code organizationalUnits}
 * (malformed, repeated, not listed by the target, unknown to the organization, or for a blueprint that takes none) and
 * {@code regions} (not the blueprint's).
 */
@NamedInterface("blueprints")
public class StackSetChoiceRefusedException extends Refusal {

    private final Map<String, String> errors;

    public StackSetChoiceRefusedException(Map<String, String> errors) {
        super(
                Kind.INVALID,
                "Invalid deployment targets",
                String.join("; ", new TreeMap<>(errors).values()),
                Map.of("errors", new TreeMap<>(errors)));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
