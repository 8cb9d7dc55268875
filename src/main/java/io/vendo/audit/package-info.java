/**
 * The append-only, hash-chained audit log. Domain events that implement {@link io.vendo.audit.AuditableEvent} are
 * recorded exactly once each: written in the transaction that publishes them, so they exist exactly when it commits,
 * and chained into the log in batches just after; {@link io.vendo.audit.AuditTrail} reads them back as a timeline.
 *
 * <p>Its door is {@link io.vendo.audit.AuditTrail}: timelines, searches, the chain's verification. By named interface:
 *
 * <ul>
 *   <li>{@code audit::events} — {@link io.vendo.audit.AuditableEvent}, which the other modules' events implement to
 *       be recorded (request, approval, execution, notification); the audit module depends on none of them;
 *   <li>{@code audit::records} — what the trail returns: timeline entries (request), and the records, filters and
 *       verification of the audit's own page and API.
 * </ul>
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"web", "digest"})
@NullMarked
package io.vendo.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
