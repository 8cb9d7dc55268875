/** The environment pages: the list with its filters, and an environment's page with its actions. */
@NullMarked
package io.vendo.environment.web;

import org.jspecify.annotations.NullMarked;
