/**
 * The catalog's pages: browsing blueprints, and the administration of blueprints, versions and targets.
 */
@NullMarked
package io.vendo.catalog.web;

import org.jspecify.annotations.NullMarked;
