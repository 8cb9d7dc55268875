package io.vendo.catalog;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.modulith.NamedInterface;

/**
 * A blueprint, version or target that the catalog refuses, with one message per refused field, keyed by field in
 * {@link #errors()} (and in the refusal's {@code errors}); a refused template is reported under {@code template} with
 * the parser's message.
 */
@NamedInterface(name = "administration", propagate = false)
public class InvalidEntryException extends Refusal {

    private final Map<String, String> errors;

    InvalidEntryException(String what, Map<String, String> errors) {
        super(Kind.INVALID, "Invalid " + what, detail(errors), Map.of("errors", new TreeMap<>(errors)));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }

    private static String detail(Map<String, String> errors) {
        return String.join(
                "; ",
                new TreeMap<>(errors)
                        .entrySet().stream()
                                .map(error -> error.getKey() + ": " + error.getValue())
                                .toList());
    }
}
