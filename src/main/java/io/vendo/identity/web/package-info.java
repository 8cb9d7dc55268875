/**
 * The identity module's HTTP edge: which API calls a caller may make at all, and the API's 401 and 403 as problem
 * details. Internal to the module; {@link io.vendo.identity} wires it into the filter chains.
 */
@NullMarked
package io.vendo.identity.web;

import org.jspecify.annotations.NullMarked;
