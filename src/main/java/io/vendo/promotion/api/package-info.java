/** The promotions REST API: a promoted request's steps, each with its state and request. */
@NullMarked
package io.vendo.promotion.api;

import org.jspecify.annotations.NullMarked;
