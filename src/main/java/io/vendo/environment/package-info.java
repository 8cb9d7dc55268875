/**
 * Environments: what exists in AWS after a PROVISION request succeeded, who owns it (the requester, the owning team),
 * what it is made of (blueprint version, target, parameters with NoEcho values masked, outputs, the handles AWS knows
 * it by), its lease and its history; and the day-2 requests that act on it (UPDATE, EXTEND, DECOMMISSION).
 *
 * <p>Its door is {@link io.vendo.environment.Environments}: reading environments, and filing day-2 requests after
 * deciding whether they may be filed (the owner or an admin; one at a time; within the blueprint's maximum lifetime;
 * never onto a retired blueprint). The requests themselves are the request module's: filed through {@link
 * io.vendo.request.DayTwoRequests}, approved under the policy for their kind, executed, audited like any other.
 *
 * <p>An environment is recorded in the transaction in which its PROVISION request succeeds (a synchronous listener),
 * so a succeeded request always has its environment and quotas, which count environments ({@link
 * io.vendo.request.StandingEnvironments}), never miss one. Everything else reacts after commit, from the event
 * publication registry: an UPDATE whose change set runs makes it UPDATING, one that succeeds gives it the request's
 * version, values (NoEcho masked; the sealed values stay on that request, which the next UPDATE takes them from) and
 * the outputs AWS reports, ACTIVE again; one that fails while it runs leaves it FAILED with AWS's reason. An approved
 * EXTEND request is carried out here (it moves the lease, nothing in AWS), reported
 * to the request module through its {@link io.vendo.request.RequestProgress} contracts. The lease's clock (reminders,
 * expiry) is a recurring db-scheduler task on the application clock.
 */
@ApplicationModule(
        displayName = "Environments",
        allowedDependencies = {
            "request",
            "request::events",
            "request::views",
            "request::progress",
            "request::ports",
            "request::day-two",
            "catalog",
            "catalog::blueprints",
            "catalog::targets",
            "identity",
            "identity::roles",
            "audit",
            "audit::events",
            "refusal",
            "digest",
            "web"
        })
@NullMarked
package io.vendo.environment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
