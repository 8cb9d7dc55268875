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
 *
 * <p>An UPDATE of a stack or a Service Catalog product waits for its preview before anyone decides: filed with {@code previewPending}, it takes the
 * {@link io.vendo.request.ChangePreview} the execution module reports (what AWS will change) and announces it ({@code
 * RequestPreviewed}), on which the approval invites its approvers. When what was approved went stale before it ran,
 * the request goes back from APPROVED to PENDING_APPROVAL ({@code RequestReturnedForApproval}) and waits for a new
 * preview; a preview AWS could not compute fails the request before it was decided.
 *
 * <p>A fleet ({@code RequestBatch}) is many requests from one submission, decided by its row 0's approval and rolled
 * out under its own policy; an UPDATE of a fleet is a batch of its own, whose rows are UPDATE requests of the
 * environments the fleet created, filed through the environment module ({@link io.vendo.request.FleetEnvironments}).
 *
 * <p>Its door is {@link io.vendo.request.Requests}: submission and withdrawal for people and integrations, reads for
 * everyone; no other module moves a request through it. What other modules may hold besides, by named interface:
 *
 * <ul>
 *   <li>{@code request::events} — what happened to a request (approval, execution, notification listen);
 *   <li>{@code request::progress} — the contracts the request reacts to (approval and execution implement them);
 *   <li>{@code request::views} — what {@code Requests} takes and returns, and its refusals;
 *   <li>{@code request::ports} — what the request asks of others: the account resources and organization accounts a
 *       form offers or refuses (aws), who takes part in deciding a request (approval), the environments a fleet's
 *       update files UPDATE requests for (environment);
 *   <li>{@code request::web} — the parts other modules contribute to a request's pages (approval, execution);
 *   <li>{@code request::forms} — the request form's own sealed drafts and its promotion checks; no other module uses
 *       them;
 *   <li>{@code request::day-two} — filing day-2 requests (UPDATE, EXTEND, DECOMMISSION) for an environment, after the
 *       environment module decided they may be filed (environment);
 *   <li>{@code request::promotion} — filing a promotion's next step once the step before it succeeded (promotion),
 *       which {@link io.vendo.request.PromotionRequested} announced with the first step.
 * </ul>
 *
 * Everything else — the aggregate and its transitions, the repository, the secret parameters' key — is
 * package-private.
 */
@ApplicationModule(
        displayName = "Requests",
        allowedDependencies = {
            "catalog",
            "catalog::blueprints",
            "catalog::targets",
            "identity",
            "identity::roles",
            "audit",
            "audit::events",
            "audit::records",
            "refusal",
            "digest",
            "web"
        })
@NullMarked
package io.vendo.request;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
