package io.vendo.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * The request aggregate. Every change of state goes through a method that checks the current state and registers
 * the matching {@link RequestEvent}; {@link Version} fences concurrent writers (an approver and the executor, two
 * executors) so a transition is applied once; it is null until the request is stored ({@link MergedAggregate}).
 */
@Entity
@Table(name = "vending_request")
class VendingRequest extends MergedAggregate<VendingRequest> {

    static final String SYSTEM = "system";

    /** Also while it waits for approval (a preview AWS could not compute), and while its stacks are deleted. */
    private static final Set<RequestState> FAILABLE = EnumSet.of(
            RequestState.PENDING_APPROVAL, RequestState.APPROVED, RequestState.IN_PROGRESS, RequestState.ABANDONING);

    /** Nothing was sent to AWS yet: it may be cancelled, and take a preview. */
    private static final Set<RequestState> NOT_STARTED =
            EnumSet.of(RequestState.PENDING_APPROVAL, RequestState.APPROVED);

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestState state;

    @Embedded
    private CatalogChoice choice;

    @Embedded
    private DayTwo dayTwo;

    /** The values of ordinary parameters; NoEcho ones are only in {@link #secretParameters}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, String> parameters;

    /** NoEcho parameter values, each encrypted by {@link SecretParameters}: never in plain text at rest. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "secret_parameters", nullable = false, updatable = false)
    private Map<String, String> secretParameters;

    @Column(nullable = false, updatable = false)
    private String justification;

    @Column(nullable = false, updatable = false)
    private String requester;

    @Column(nullable = false, updatable = false)
    private String team;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> outputs = new LinkedHashMap<>();

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Column(name = "dry_run_plan")
    private @Nullable String dryRunPlan;

    /** When its requester first abandoned it: some of its stacks may be gone, so it is never retried. */
    @Column(name = "abandoned_at")
    private @Nullable Instant abandonedAt;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected VendingRequest() {}

    private VendingRequest(NewRequest request, Instant now) {
        this.id = request.id();
        this.kind = request.kind();
        this.dayTwo = new DayTwo(request);
        this.state = RequestState.PENDING_APPROVAL;
        this.choice = CatalogChoice.of(request);
        this.parameters = new LinkedHashMap<>(request.parameters());
        this.secretParameters = new LinkedHashMap<>(request.secretParameters());
        this.justification = request.justification();
        this.requester = request.requester().username();
        this.team = request.requester().primaryTeam();
        this.submittedAt = now;
        this.updatedAt = now;
    }

    static VendingRequest submit(NewRequest request, Instant now) {
        return submit(request, null, now);
    }

    /** @param ledBy the request whose approval decides this one too (its batch's first row); it opens none itself */
    static VendingRequest submit(NewRequest request, @Nullable UUID ledBy, Instant now) {
        var submitted = new VendingRequest(request, now);
        submitted.registerEvent(new RequestEvent.RequestSubmitted(
                UUID.randomUUID(),
                submitted.id,
                now,
                submitted.requester,
                submitted.kind,
                submitted.environmentId(),
                submitted.choice.blueprintSlug(),
                submitted.choice.blueprintVersion(),
                submitted.choice.targetSlug(),
                request.target().environment(),
                submitted.team,
                submitted.dayTwo.previewPending(),
                ledBy));
        return submitted;
    }

    void approve(String approver, Instant now) {
        move(EnumSet.of(RequestState.PENDING_APPROVAL), RequestState.APPROVED, "approved", now);
        registerEvent(new RequestEvent.RequestApproved(UUID.randomUUID(), id, now, approver, kind, environmentId()));
    }

    void reject(String approver, String reason, Instant now) {
        move(EnumSet.of(RequestState.PENDING_APPROVAL), RequestState.REJECTED, "rejected", now);
        this.failureReason = reason;
        registerEvent(new RequestEvent.RequestRejected(UUID.randomUUID(), id, now, approver, reason));
    }

    /**
     * Only the requester, and only before anything was sent to AWS: while it awaits approval, or approved but still
     * queued. The executor moves the request to IN_PROGRESS before its first AWS call, and the version fences the
     * race between the two.
     */
    void cancel(String actor, Instant now) {
        if (!actor.equals(requester)) {
            throw new RequestCancellationRefusedException(id);
        }
        move(NOT_STARTED, RequestState.CANCELLED, "cancelled", now);
        registerEvent(new RequestEvent.RequestCancelled(UUID.randomUUID(), id, now, actor));
    }

    void expire(Instant now) {
        move(EnumSet.of(RequestState.PENDING_APPROVAL), RequestState.EXPIRED, "expired", now);
        this.failureReason = "No decision before the approval deadline";
        registerEvent(new RequestEvent.RequestExpired(UUID.randomUUID(), id, now, SYSTEM));
    }

    void start(String operation, Instant now) {
        move(EnumSet.of(RequestState.APPROVED), RequestState.IN_PROGRESS, "started", now);
        registerEvent(
                new RequestEvent.RequestStarted(UUID.randomUUID(), id, now, SYSTEM, operation, kind, environmentId()));
    }

    /** @param handles what AWS identifies the result by (StackId, ProvisionedProductId, AccountId, …) */
    void succeed(Map<String, String> outputs, Map<String, String> handles, Instant now) {
        move(EnumSet.of(RequestState.IN_PROGRESS), RequestState.SUCCEEDED, "marked succeeded", now);
        this.outputs = new LinkedHashMap<>(outputs);
        registerEvent(new RequestEvent.RequestSucceeded(
                UUID.randomUUID(), id, now, SYSTEM, kind, environmentId(), Map.copyOf(outputs), Map.copyOf(handles)));
    }

    /** AWS computed what it will change: approvers are invited on it, unless its policy approved it already. */
    void previewed(ChangePreview preview, Instant now) {
        move(NOT_STARTED, state, "previewed", now);
        registerEvent(dayTwo.show(id, kind, state, preview, now));
    }

    /** What was approved went stale before it ran: approvers decide again, on a new preview. */
    void returnForApproval(String reason, Instant now) {
        move(EnumSet.of(RequestState.APPROVED), RequestState.PENDING_APPROVAL, "returned for approval", now);
        registerEvent(dayTwo.awaitNewPreview(id, reason, now));
    }

    void fail(String reason, Instant now) {
        move(FAILABLE, RequestState.FAILED, "marked failed", now);
        this.failureReason = reason;
        registerEvent(
                new RequestEvent.RequestFailed(UUID.randomUUID(), id, now, SYSTEM, reason, kind, environmentId()));
    }

    /** A failed composite continues where it failed, unless it was abandoned ({@link FailedComposites#retry}). */
    void retry(String actor, Instant now) {
        if (abandonedAt != null) {
            throw new RecoveryRefusedException(id, "Retry", "Request " + id + " was abandoned: its stacks are deleted");
        }
        move(EnumSet.of(RequestState.FAILED), RequestState.IN_PROGRESS, "retried", now);
        this.failureReason = null;
        registerEvent(new RequestEvent.RequestRetried(UUID.randomUUID(), id, now, actor));
    }

    /** A failed composite has the stacks it left deleted ({@link FailedComposites#abandon}); again if that failed. */
    void abandon(String actor, Instant now) {
        move(EnumSet.of(RequestState.FAILED), RequestState.ABANDONING, "abandoned", now);
        abandonedAt = abandonedAt == null ? now : abandonedAt;
        registerEvent(new RequestEvent.RequestAbandonment(UUID.randomUUID(), id, now, actor, false));
    }

    void abandoned(Instant now) {
        move(EnumSet.of(RequestState.ABANDONING), RequestState.ABANDONED, "marked abandoned", now);
        registerEvent(new RequestEvent.RequestAbandonment(UUID.randomUUID(), id, now, SYSTEM, true));
    }

    void completeDryRun(String plan, Instant now) {
        move(EnumSet.of(RequestState.APPROVED, RequestState.IN_PROGRESS), RequestState.DRY_RUN, "completed", now);
        this.dryRunPlan = plan;
        registerEvent(new RequestEvent.RequestDryRunCompleted(UUID.randomUUID(), id, now, SYSTEM, plan));
    }

    private void move(Set<RequestState> allowedFrom, RequestState to, String verb, Instant now) {
        if (!allowedFrom.contains(state)) {
            throw new RequestStateConflictException(id, state, verb);
        }
        this.state = to;
        this.updatedAt = now;
    }

    /** The events this aggregate announces when it is saved next. */
    Collection<Object> pendingEvents() {
        return domainEvents();
    }

    @Override
    public UUID getId() {
        return id;
    }

    private @Nullable UUID environmentId() {
        return dayTwo.environmentId();
    }

    String requester() {
        return requester;
    }

    String team() {
        return team;
    }

    Map<String, String> secretParameters() {
        return Map.copyOf(secretParameters);
    }

    /** Every parameter, NoEcho ones masked as CloudFormation shows them, in the order they were stored. */
    private Map<String, String> shownParameters() {
        var shown = new LinkedHashMap<>(parameters);
        secretParameters.keySet().forEach(name -> shown.put(name, RequestView.MASK));
        return Collections.unmodifiableMap(shown);
    }

    RequestView toView() {
        return new RequestView(
                id,
                kind,
                state,
                environmentId(),
                dayTwo.requestedExpiry(),
                choice.blueprintVersionId(),
                choice.blueprintSlug(),
                choice.blueprintName(),
                choice.blueprintVersion(),
                choice.targetId(),
                choice.targetSlug(),
                choice.targetName(),
                shownParameters(),
                justification,
                requester,
                team,
                Map.copyOf(outputs),
                failureReason,
                dryRunPlan,
                dayTwo.preview(),
                dayTwo.previewPending(),
                submittedAt,
                updatedAt);
    }
}
