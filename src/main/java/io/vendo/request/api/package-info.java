/**
 * The request module's REST adapter: requests submitted, listed and read through the API.
 */
@NullMarked
package io.vendo.request.api;

import org.jspecify.annotations.NullMarked;
