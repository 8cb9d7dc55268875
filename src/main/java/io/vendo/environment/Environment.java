package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.environment.EnvironmentEvent.DayTwoRequestEnded;
import io.vendo.environment.EnvironmentEvent.DayTwoRequestFiled;
import io.vendo.environment.EnvironmentEvent.Decommissioned;
import io.vendo.environment.EnvironmentEvent.EnvironmentCreated;
import io.vendo.environment.EnvironmentEvent.ExpiryPaused;
import io.vendo.environment.EnvironmentEvent.LeaseExpired;
import io.vendo.environment.EnvironmentEvent.LeaseExtended;
import io.vendo.environment.EnvironmentEvent.LeaseReminderDue;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The environment aggregate. It is busy with at most one day-2 request at a time ({@link #busyWith}); its lease ends at
 * {@link #expiresAt} unless an admin paused it, and each reminder before that is sent once per expiry. {@link
 * Version} fences concurrent writers (two day-2 requests filed at once, the lease's clock and an extension).
 */
@Entity
@Table(name = "environment")
class Environment extends AbstractAggregateRoot<Environment> {

    static final String SYSTEM = "system";

    @Id
    private UUID id;

    @Column(name = "provisioned_by", nullable = false, updatable = false)
    private UUID provisionedBy;

    @Column(name = "blueprint_slug", nullable = false, updatable = false)
    private String blueprintSlug;

    @Column(name = "blueprint_name", nullable = false)
    private String blueprintName;

    @Enumerated(EnumType.STRING)
    @Column(name = "blueprint_kind", nullable = false, updatable = false)
    private BlueprintKind blueprintKind;

    @Column(name = "blueprint_version_id", nullable = false)
    private UUID blueprintVersionId;

    @Column(name = "blueprint_version", nullable = false)
    private int blueprintVersion;

    @Column(name = "target_id", nullable = false, updatable = false)
    private UUID targetId;

    @Column(name = "target_slug", nullable = false, updatable = false)
    private String targetSlug;

    @Column(name = "target_name", nullable = false, updatable = false)
    private String targetName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EnvironmentTier tier;

    @Column(nullable = false, updatable = false)
    private String owner;

    @Column(nullable = false, updatable = false)
    private String team;

    /** As shown: NoEcho values are {@code ****}; the values themselves stay encrypted on the requests. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> outputs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> handles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnvironmentStatus status;

    @Column(name = "status_reason")
    private @Nullable String statusReason;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "expiry_paused", nullable = false)
    private boolean expiryPaused;

    /** The reminders (how long before expiry) already sent for the current expiry. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reminders_sent", nullable = false)
    private List<Duration> remindersSent = new ArrayList<>();

    @Column(name = "busy_with")
    private @Nullable UUID busyWith;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<HistoryEntry> history = new ArrayList<>();

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
        environment.provisionedBy = request.id();
        environment.blueprintSlug = request.blueprintSlug();
        environment.blueprintName = request.blueprintName();
        environment.blueprintKind = kind;
        environment.blueprintVersionId = request.blueprintVersionId();
        environment.blueprintVersion = request.blueprintVersion();
        environment.targetId = request.targetId();
        environment.targetSlug = request.targetSlug();
        environment.targetName = request.targetName();
        environment.tier = tier;
        environment.owner = request.requester();
        environment.team = request.team();
        environment.parameters = new LinkedHashMap<>(request.parameters());
        environment.outputs = new LinkedHashMap<>(outputs);
        environment.handles = new LinkedHashMap<>(handles);
        environment.status = EnvironmentStatus.ACTIVE;
        environment.expiresAt = expiresAt;
        environment.history.add(new HistoryEntry(request.id(), RequestKind.PROVISION, now));
        environment.createdAt = now;
        environment.updatedAt = now;
        environment.registerEvent(new EnvironmentCreated(
                UUID.randomUUID(),
                environment.id,
                now,
                SYSTEM,
                request.id(),
                request.blueprintSlug() + " v" + request.blueprintVersion(),
                request.targetSlug(),
                expiresAt));
        return environment;
    }

    /**
     * Makes the environment busy with a day-2 request.
     *
     * @throws DayTwoRefusedException when it is busy with another, or in no state for this kind
     */
    void refuseUnlessFree(RequestKind kind) {
        if (busyWith != null) {
            throw DayTwoRefusedException.busy(id, busyWith);
        }
        var acceptable =
                switch (kind) {
                    case EXTEND -> status == EnvironmentStatus.ACTIVE || status == EnvironmentStatus.DRIFTED;
                    case UPDATE -> status == EnvironmentStatus.ACTIVE || status == EnvironmentStatus.DRIFTED;
                    case DECOMMISSION -> status != EnvironmentStatus.DECOMMISSIONED;
                    case PROVISION -> false;
                };
        if (!acceptable) {
            throw DayTwoRefusedException.status(id, kind, status);
        }
        if (kind == RequestKind.DECOMMISSION && blueprintKind == BlueprintKind.ACCOUNT) {
            throw DayTwoRefusedException.accountsByHand(id);
        }
    }

    void filed(UUID requestId, RequestKind kind, String actor, Instant now) {
        refuseUnlessFree(kind);
        busyWith = requestId;
        history.add(new HistoryEntry(requestId, kind, now));
        updatedAt = now;
        registerEvent(new DayTwoRequestFiled(UUID.randomUUID(), id, now, actor, requestId, kind.name()));
    }

    /** The request it was busy with ended without changing it; a request it is not busy with changes nothing. */
    void ended(UUID requestId, String outcome, Instant now) {
        if (requestId.equals(busyWith)) {
            busyWith = null;
            updatedAt = now;
            registerEvent(new DayTwoRequestEnded(UUID.randomUUID(), id, now, SYSTEM, requestId, outcome));
        }
    }

    /** AWS started removing it for the request it is busy with. */
    void decommissioning(UUID requestId, Instant now) {
        if (requestId.equals(busyWith) && status != EnvironmentStatus.DECOMMISSIONING) {
            status = EnvironmentStatus.DECOMMISSIONING;
            updatedAt = now;
        }
    }

    /**
     * AWS removed it; what it kept (resources retained by their deletion policy, an account moved to a suspended OU)
     * is its status reason.
     */
    void decommissioned(UUID requestId, @Nullable String kept, String actor, Instant now) {
        if (!requestId.equals(busyWith)) {
            return;
        }
        status = EnvironmentStatus.DECOMMISSIONED;
        statusReason = kept;
        busyWith = null;
        updatedAt = now;
        registerEvent(new Decommissioned(UUID.randomUUID(), id, now, actor, requestId, kept == null ? "" : kept));
    }

    /** A day-2 request that changes AWS failed: the environment needs a look, and says why. */
    void failed(UUID requestId, String reason, Instant now) {
        if (!requestId.equals(busyWith)) {
            return;
        }
        status = EnvironmentStatus.FAILED;
        statusReason = reason;
        busyWith = null;
        updatedAt = now;
        registerEvent(new DayTwoRequestEnded(UUID.randomUUID(), id, now, SYSTEM, requestId, "failed: " + reason));
    }

    /**
     * Whether its lease ended and Vendo must file its decommissioning now: not paused, free, still standing as it was
     * made (a FAILED one waits for people). Accounts are not decommissioned by Vendo yet: their owners are reminded,
     * and an admin closes them.
     */
    boolean expiredAt(Instant now) {
        return expiresAt != null
                && blueprintKind != BlueprintKind.ACCOUNT
                && !expiryPaused
                && busyWith == null
                && (status == EnvironmentStatus.ACTIVE || status == EnvironmentStatus.DRIFTED)
                && !now.isBefore(expiresAt);
    }

    /** Its lease ended: Vendo files the DECOMMISSION request itself (the approval policy decides who must approve). */
    void expire(UUID decommissionRequest, Instant now) {
        registerEvent(new LeaseExpired(UUID.randomUUID(), id, now, SYSTEM, decommissionRequest, expiresAt));
    }

    /**
     * Carries out an approved EXTEND request: a new expiry, the reminders start over.
     *
     * @return false when this request was carried out already (a redelivered approval)
     */
    boolean extend(UUID requestId, Instant newExpiry, String approvedBy, Instant now) {
        if (!requestId.equals(busyWith)) {
            return false;
        }
        var previous = expiresAt;
        expiresAt = newExpiry;
        remindersSent = new ArrayList<>();
        busyWith = null;
        updatedAt = now;
        registerEvent(new LeaseExtended(
                UUID.randomUUID(), id, now, approvedBy, requestId, previous == null ? now : previous, newExpiry));
        return true;
    }

    /**
     * The reminder (how long before expiry) that is due now and was not sent for this expiry, the one nearest to the
     * expiry when several are; registers it as sent.
     */
    Optional<Duration> remindIfDue(List<Duration> reminders, Instant now) {
        if (expiresAt == null || expiryPaused || !status.standing() || !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        var due = reminders.stream()
                .filter(before -> !now.isBefore(expiresAt.minus(before)))
                .filter(before -> !remindersSent.contains(before))
                .min(Duration::compareTo);
        due.ifPresent(before -> {
            // Those further from the expiry are past: sending them now would only repeat this one.
            reminders.stream().filter(other -> other.compareTo(before) >= 0).forEach(other -> {
                if (!remindersSent.contains(other)) {
                    remindersSent.add(other);
                }
            });
            updatedAt = now;
            registerEvent(new LeaseReminderDue(UUID.randomUUID(), id, now, SYSTEM, owner, before, expiresAt));
        });
        return due;
    }

    /** @throws DayTwoRefusedException when it has no lease to pause */
    void pauseExpiry(boolean pause, String admin, Instant now) {
        if (expiresAt == null) {
            throw DayTwoRefusedException.noLease(id);
        }
        if (expiryPaused != pause) {
            expiryPaused = pause;
            updatedAt = now;
            registerEvent(new ExpiryPaused(UUID.randomUUID(), id, now, admin, pause));
        }
    }

    UUID id() {
        return id;
    }

    /** The events this aggregate announces when it is saved next. */
    java.util.Collection<Object> pendingEvents() {
        return domainEvents();
    }

    EnvironmentStatus status() {
        return status;
    }

    String owner() {
        return owner;
    }

    String team() {
        return team;
    }

    String blueprintSlug() {
        return blueprintSlug;
    }

    UUID blueprintVersionId() {
        return blueprintVersionId;
    }

    UUID targetId() {
        return targetId;
    }

    @Nullable
    Instant expiresAt() {
        return expiresAt;
    }

    EnvironmentView toView() {
        return new EnvironmentView(
                id,
                provisionedBy,
                blueprintSlug,
                blueprintName,
                blueprintKind,
                blueprintVersionId,
                blueprintVersion,
                targetId,
                targetSlug,
                targetName,
                tier,
                owner,
                team,
                Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
                Collections.unmodifiableMap(new LinkedHashMap<>(outputs)),
                Map.copyOf(handles),
                status,
                statusReason,
                expiresAt,
                expiryPaused,
                busyWith,
                List.copyOf(history),
                createdAt,
                updatedAt);
    }
}
