/**
 * The audit module's REST adapter: the audit log, page by page, for auditors.
 */
@NullMarked
package io.vendo.audit.api;

import org.jspecify.annotations.NullMarked;
