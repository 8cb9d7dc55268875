package io.vendo.catalog;

import io.vendo.refusal.Refusal;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A blueprint requested for a target it may not deploy to: the target does not take it, its tier is not one of the
 * blueprint's environments, or the chosen OU is not allowed there. {@link #errors()} keys it by field.
 */
@NamedInterface("targets")
public class TargetNotAllowedException extends Refusal {

    private final Map<String, String> errors;

    TargetNotAllowedException(String field, String detail) {
        super(Kind.INVALID, "Target not allowed", detail, Map.of("errors", Map.of(field, detail)));
        this.errors = Map.of(field, detail);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
