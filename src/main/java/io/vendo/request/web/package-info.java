/**
 * The request pages: the form generated from a blueprint, the list, and a request's page. Other modules contribute
 * parts of a request's page through {@link io.vendo.request.web.RequestPageSection}, the only type they use here.
 */
@NamedInterface("web")
@NullMarked
package io.vendo.request.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
