package io.vendo.catalog;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.modulith.NamedInterface;

/**
 * Parameter values that CloudFormation would refuse, each with the message CloudFormation would give, keyed by
 * parameter name in {@link #errors()} (and in the refusal's {@code errors}).
 */
@NamedInterface("blueprints")
public class InvalidParametersException extends Refusal {

    private final Map<String, String> errors;

    public InvalidParametersException(Map<String, String> errors) {
        super(
                Kind.INVALID,
                "Invalid parameters",
                String.join("; ", new TreeMap<>(errors).values()),
                Map.of("errors", new TreeMap<>(errors)));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
