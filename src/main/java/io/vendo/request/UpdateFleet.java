package io.vendo.request;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An UPDATE of a fleet: a blueprint version and/or parameter values rolled out to every environment the fleet created,
 * each row an UPDATE request with its own preview, one approval for all of them.
 *
 * @param version the blueprint version to run; none: each environment keeps its own
 * @param parameters the values to change; those left out keep each environment's current value (NoEcho ones too)
 * @param maxInFlight rows executing at once; none: the fleet's
 * @param pauseAfterFailures failed rows after which the rollout pauses; none: the fleet's
 */
@NamedInterface("views")
public record UpdateFleet(
        @Nullable Integer version,
        Map<String, String> parameters,
        String justification,
        @Nullable Integer maxInFlight,
        @Nullable Integer pauseAfterFailures) {

    public UpdateFleet {
        parameters = Map.copyOf(parameters);
    }
}
