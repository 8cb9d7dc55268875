/**
 * The catalog's REST adapters: blueprints and versions for everyone, administration for the platform team.
 */
@NullMarked
package io.vendo.catalog.api;

import org.jspecify.annotations.NullMarked;
