package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.environment.EnvironmentEvent.DayTwoRequestEnded;
import io.vendo.environment.EnvironmentEvent.DayTwoRequestFiled;
import io.vendo.environment.EnvironmentEvent.Decommissioned;
import io.vendo.environment.EnvironmentEvent.EnvironmentCreated;
import io.vendo.environment.EnvironmentEvent.EnvironmentUpdated;
import io.vendo.environment.EnvironmentEvent.LeaseExpired;
import io.vendo.environment.EnvironmentEvent.LeaseReminderDue;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The environment aggregate: what it was made from ({@link Origin}), what stands in AWS for it ({@link Deployment}),
 * how long it may stand ({@link Lease}), and the requests that acted on it, busy with at most one day-2 request at a
 * time ({@link RequestLog}). {@link Version} fences concurrent writers (two day-2 requests filed at once, the lease's
 * clock and an extension).
 */
@Entity
@Table(name = "environment")
class Environment extends AbstractAggregateRoot<Environment> {

    static final String SYSTEM = "system";

    @Id
    private UUID id;

    @Embedded
    private Origin origin;

    @Embedded
    private Ownership ownership;

    @Embedded
    private Deployment deployment;

    @Embedded
    private Condition condition;

    @Embedded
    private Lease lease;

    @Embedded
    private RequestLog requests;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Environment() {}

    /**
     * What a succeeded PROVISION request made.
     *
     * @param expiresAt the lease's end; none when the blueprint has no maximum lifetime
     */
    static Environment provisioned(
            RequestView request,
            BlueprintKind kind,
            EnvironmentTier tier,
            Map<String, String> outputs,
            Map<String, String> handles,
            @Nullable Instant expiresAt,
            Instant now) {
        var environment = new Environment();
        environment.id = UUID.randomUUID();
        environment.origin = Origin.of(request, kind, tier);
        environment.ownership = new Ownership(request.requester(), request.team());
        environment.deployment = new Deployment(request.id(), request.parameters(), outputs, handles);
        environment.condition = Condition.of(EnvironmentStatus.ACTIVE);
        environment.lease = new Lease(expiresAt);
        environment.requests = new RequestLog(request.id(), now);
        environment.createdAt = now;
        environment.updatedAt = now;
        environment.registerEvent(new EnvironmentCreated(
                UUID.randomUUID(),
                environment.id,
                now,
                SYSTEM,
                request.id(),
                environment.origin.blueprintLabel(),
                environment.origin.targetSlug(),
                expiresAt));
        return environment;
    }

    /**
     * Whether a day-2 request of this kind may be filed now.
     *
     * @throws DayTwoRefusedException when it is busy with another, or in no state for this kind
     */
    void refuseUnlessFree(RequestKind kind) {
        requests.refuseUnlessFree(id);
        if (!status().accepts(kind)) {
            throw DayTwoRefusedException.status(id, kind, status());
        }
    }

    void filed(UUID requestId, RequestKind kind, String actor, Instant now) {
        refuseUnlessFree(kind);
        requests.begin(requestId, kind, now);
        record(new DayTwoRequestFiled(UUID.randomUUID(), id, now, actor, requestId, kind.name()));
    }

    /** The request it was busy with ended without changing it; a request it is not busy with changes nothing. */
    void ended(UUID requestId, String outcome, Instant now) {
        if (requests.end(requestId)) {
            record(new DayTwoRequestEnded(UUID.randomUUID(), id, now, SYSTEM, requestId, outcome));
        }
    }

    /** AWS started removing it for the request it is busy with. */
    void decommissioning(UUID requestId, Instant now) {
        changing(requestId, EnvironmentStatus.DECOMMISSIONING, now);
    }

    /**
     * AWS removed it; what it kept (resources retained by their deletion policy, an account moved to a suspended OU)
     * is its status reason.
     */
    void decommissioned(UUID requestId, @Nullable String kept, String actor, Instant now) {
        var event = new Decommissioned(UUID.randomUUID(), id, now, actor, requestId, kept == null ? "" : kept);
        end(requestId, EnvironmentStatus.DECOMMISSIONED, kept, event);
    }

    /** AWS started changing it for the UPDATE request it is busy with (the change set is executing). */
    void updating(UUID requestId, Instant now) {
        changing(requestId, EnvironmentStatus.UPDATING, now);
    }

    private void changing(UUID requestId, EnvironmentStatus newStatus, Instant now) {
        if (requests.isBusyWith(requestId) && status() != newStatus) {
            condition = new Condition(newStatus, condition.reason());
            updatedAt = now;
        }
    }

    /**
     * The UPDATE request it is busy with succeeded: it runs the request's blueprint version with its parameter values
     * (NoEcho masked) and the outputs AWS reports now; ACTIVE again, a drift included (the update reconciled it).
     */
    void updated(RequestView request, Map<String, String> outputs, Map<String, String> newHandles, Instant now) {
        var to = origin.updatedTo(request);
        var event = new EnvironmentUpdated(
                UUID.randomUUID(),
                id,
                now,
                SYSTEM,
                request.id(),
                origin.blueprintLabel(),
                to.blueprintLabel(),
                String.join(", ", deployment.changedBy(request.parameters())));
        if (end(request.id(), EnvironmentStatus.ACTIVE, null, event)) {
            origin = to;
            deployment = deployment.updatedTo(request, outputs, newHandles);
        }
    }

    /** A day-2 request that changes AWS failed: the environment needs a look, and says why. */
    void failed(UUID requestId, String reason, Instant now) {
        var event = new DayTwoRequestEnded(UUID.randomUUID(), id, now, SYSTEM, requestId, "failed: " + reason);
        end(requestId, EnvironmentStatus.FAILED, reason, event);
    }

    /**
     * Ends the request it is busy with in a new status, recorded by the event; a request it is not busy with changes
     * nothing.
     *
     * @return whether it was busy with this request
     */
    private boolean end(UUID requestId, EnvironmentStatus newStatus, @Nullable String reason, EnvironmentEvent event) {
        if (!requests.end(requestId)) {
            return false;
        }
        condition = new Condition(newStatus, reason);
        record(event);
        return true;
    }

    /** Announces the event when it is saved next, as what changed the environment last. */
    private void record(EnvironmentEvent event) {
        updatedAt = event.occurredAt();
        registerEvent(event);
    }

    /**
     * Whether its lease ended and Vendo must file its decommissioning now: not paused, free, still standing as it was
     * made (a FAILED one waits for people). An account whose blueprint does not say how it is retired is left to
     * people ({@link LeaseExpiry} checks that).
     */
    boolean expiredAt(Instant now) {
        return lease.endedAt(now) && requests.busyWith() == null && status().steady();
    }

    /** Its lease ended: Vendo files the DECOMMISSION request itself (the approval policy decides who must approve). */
    void expire(UUID decommissionRequest, Instant now) {
        registerEvent(new LeaseExpired(UUID.randomUUID(), id, now, SYSTEM, decommissionRequest, lease.expiresAt()));
    }

    /**
     * Carries out an approved EXTEND request: a new expiry, the reminders start over.
     *
     * @return false when this request was carried out already (a redelivered approval)
     */
    boolean extend(UUID requestId, Instant newExpiry, String approvedBy, Instant now) {
        if (!requests.end(requestId)) {
            return false;
        }
        record(lease.extendTo(id, requestId, newExpiry, approvedBy, now));
        return true;
    }

    /** The reminder due now, if any ({@link Lease#takeDueReminder}): its owner is reminded, once per expiry. */
    Optional<Duration> remindIfDue(List<Duration> reminders, Instant now) {
        if (!status().standing()) {
            return Optional.empty();
        }
        var due = lease.reminderDue(id, ownership.owner(), reminders, now);
        due.ifPresent(this::record);
        return due.map(LeaseReminderDue::before);
    }

    /**
     * A drift check found an answer ({@link Condition#afterDriftCheck}).
     *
     * @param drifted how many resources differ, when it drifted
     * @return how its status changed, e.g. {@code ACTIVE → DRIFTED}; empty when it did not
     */
    Optional<String> driftChecked(boolean drifted, int resources, Instant now) {
        var before = status();
        var after = condition.afterDriftCheck(drifted, resources);
        after.ifPresent(changed -> {
            condition = changed;
            updatedAt = now;
        });
        return after.map(Condition::status).filter(status -> status != before).map(status -> before + " → " + status);
    }

    /** @throws DayTwoRefusedException when it has no lease to pause */
    void pauseExpiry(boolean pause, String admin, Instant now) {
        lease.pause(id, pause, admin, now).ifPresent(this::record);
    }

    UUID id() {
        return id;
    }

    /** The events this aggregate announces when it is saved next. */
    Collection<Object> pendingEvents() {
        return domainEvents();
    }

    EnvironmentStatus status() {
        return condition.status();
    }

    Ownership ownership() {
        return ownership;
    }

    Origin origin() {
        return origin;
    }

    Deployment deployment() {
        return deployment;
    }

    Lease lease() {
        return lease;
    }

    EnvironmentView toView() {
        return new EnvironmentView(id, origin, ownership, deployment, condition, lease, requests, createdAt, updatedAt);
    }
}
