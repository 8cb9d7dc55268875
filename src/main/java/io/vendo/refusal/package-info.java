/**
 * Domain refusals: how a module says it will not do what it was asked (unknown, invalid, not allowed, in the wrong
 * state, no longer usable, not possible now), in its own words and without knowing about HTTP. The {@code web} module
 * alone turns them into problem details for the API and error pages for people.
 */
@ApplicationModule(
        displayName = "Refusals",
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {})
@NullMarked
package io.vendo.refusal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
