/**
 * The audit module's pages: the audit log with its search form.
 */
@NullMarked
package io.vendo.audit.web;

import org.jspecify.annotations.NullMarked;
