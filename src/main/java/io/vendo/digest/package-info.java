/**
 * Content fingerprints shared by every module: template versions, audit rows, approval-link tokens and
 * idempotency-key bodies are all identified by the SHA-256 of their text.
 */
@ApplicationModule(
        displayName = "Digest",
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {})
@NullMarked
package io.vendo.digest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
