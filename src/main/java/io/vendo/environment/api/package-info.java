/** The environments REST API: list, read, and file extensions and decommissions once per Idempotency-Key. */
@NullMarked
package io.vendo.environment.api;

import org.jspecify.annotations.NullMarked;
