package io.vendo.environment;

import io.vendo.refusal.Refusal;
import java.util.UUID;

/** No such environment, or none the caller may see: the two are not told apart. */
public class EnvironmentNotFoundException extends Refusal {

    EnvironmentNotFoundException(UUID id) {
        super(Kind.NOT_FOUND, "Unknown environment", "No environment %s".formatted(id));
    }
}
