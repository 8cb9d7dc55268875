/**
 * Shared web infrastructure: the page layout's model, error pages and RFC 9457 problem details for the API, and the
 * one mapping of the modules' {@link io.vendo.refusal.Refusal refusals} to both ({@link io.vendo.web.RefusalAnswers}).
 * Every capability module may use it; it depends on none of them.
 */
@ApplicationModule(
        displayName = "Web infrastructure",
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {"digest", "refusal"})
@NullMarked
package io.vendo.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
