/**
 * Vending requests: the aggregate that carries a request from submission through approval and execution to a
 * terminal state, guarding every transition and publishing an event for each ({@link io.vendo.request.RequestEvent}),
 * plus the pages and API that create and show requests.
 *
 * <p>This module depends on neither the approval nor the execution module. It declares what it reacts to ({@link
 * io.vendo.request.RequestProgress}: approval granted, refused or lapsed; execution started, succeeded, failed, dry run
 * completed); those modules publish events of their own that implement these contracts, and the request moves on. Its
 * listeners run synchronously, in the reporting transaction, where atomicity matters: the completing decision and
 * APPROVED, the execution's last row and the request's end, commit together. The other way round, the approval module
 * opens an approval in the submitting transaction (no request ever waits without one), and everything else reacts to
 * {@link io.vendo.request.RequestEvent}s after commit, delivered from the event publication registry.
 */
@ApplicationModule(displayName = "Requests")
package io.vendo.request;

import org.springframework.modulith.ApplicationModule;
