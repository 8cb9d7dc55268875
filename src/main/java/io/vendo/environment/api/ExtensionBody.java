package io.vendo.environment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * @param expiresAt the new end of the lease: later than the current one, at most the blueprint's maximum lifetime
 *     from now
 * @param justification why the environment is needed for longer
 */
record ExtensionBody(@NotNull Instant expiresAt, @NotBlank @Size(max = 1000) String justification) {}
