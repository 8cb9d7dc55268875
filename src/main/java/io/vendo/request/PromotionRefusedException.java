package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.modulith.NamedInterface;

/**
 * A promotion that cannot be carried out as asked: each refused step keyed by its place in the submitted list
 * ({@code promotion[0]} is step 2, the first target being step 1), or {@code promotion} for the list as a whole.
 */
@NamedInterface("views")
public class PromotionRefusedException extends Refusal {

    private final Map<String, String> errors;

    PromotionRefusedException(Map<String, String> errors) {
        super(
                Kind.INVALID,
                "Invalid promotion",
                String.join("; ", new TreeMap<>(errors).values()),
                Map.of("errors", new TreeMap<>(errors)));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
