/**
 * The approval module's REST adapter: decisions through the API, answered as problem details when refused.
 */
@NullMarked
package io.vendo.approval.api;

import org.jspecify.annotations.NullMarked;
