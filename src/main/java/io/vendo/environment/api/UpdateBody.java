package io.vendo.environment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * @param version the blueprint version to run: the environment's own or a newer one; left out: its own
 * @param parameters the values to change, by parameter name; those left out keep their current value (NoEcho ones
 *     too; blank or {@code ****} also keeps a NoEcho value)
 * @param justification why the environment should change
 */
record UpdateBody(
        @Nullable @Positive Integer version,
        @Nullable Map<String, String> parameters,
        @NotBlank @Size(max = 1000) String justification) {

    Map<String, String> parametersOrNone() {
        return parameters == null ? Map.of() : parameters;
    }
}
