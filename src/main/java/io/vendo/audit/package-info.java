/**
 * The append-only, hash-chained audit log. Domain events that implement {@link io.vendo.audit.AuditableEvent} are
 * recorded exactly once each, after their transaction commits; {@link io.vendo.audit.AuditTrail} reads them back as a
 * timeline.
 */
@ApplicationModule(displayName = "Audit")
package io.vendo.audit;

import org.springframework.modulith.ApplicationModule;
