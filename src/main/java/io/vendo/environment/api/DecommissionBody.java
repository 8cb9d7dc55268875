package io.vendo.environment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param justification why the environment is no longer needed */
record DecommissionBody(@NotBlank @Size(max = 1000) String justification) {}
