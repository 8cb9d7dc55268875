package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.execution.stack.ResourceChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
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
 * The executor's durable memory of one request: its phase, the identifiers AWS returned, how often each mutating call
 * was attempted (written before the call, so a restarted executor knows it must look up before it calls again), the
 * last status AWS reported and, for stacks, the change set's resource changes. Every save is conditional on the
 * version, so two workers cannot both advance the same request.
 */
@Entity
@Table(name = "execution")
class Execution extends AbstractAggregateRoot<Execution> {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BlueprintKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExecutionPhase phase;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "aws_ids", nullable = false)
    private Map<String, String> awsIds = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "mutating_calls", nullable = false)
    private Map<String, Integer> mutatingCalls = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "resource_changes", nullable = false)
    private List<ResourceChange> resourceChanges = new ArrayList<>();

    @Column(name = "aws_status")
    private @Nullable String awsStatus;

    @Column(nullable = false)
    private int polls;

    /** Consecutive failures that count towards the attempt limit (5xx, connection trouble). */
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    /** Consecutive throttled or busy answers: waited out, never counted towards the attempt limit. */
    @Column(name = "throttled_attempts", nullable = false)
    private int throttledAttempts;

    @Column(name = "last_error")
    private @Nullable String lastError;

    /** When it started, or was approved after its preview: the kind's timeout counts from here. */
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For a component of a composite request: the request, whose timeline its events go to. */
    @Column(name = "parent_request_id", updatable = false)
    private @Nullable UUID parentRequestId;

    /** For a component of a composite request: the component's name. */
    @Column(updatable = false)
    private @Nullable String component;

    @Version
    private long version;

    protected Execution() {}

    /** The execution of one component of a composite request: its events are the request's. */
    Execution(
            UUID id,
            BlueprintKind kind,
            ExecutionPhase firstPhase,
            Instant now,
            UUID parentRequestId,
            String component) {
        this(id, kind, firstPhase, now);
        this.parentRequestId = parentRequestId;
        this.component = component;
    }

    Execution(UUID requestId, BlueprintKind kind, ExecutionPhase firstPhase, Instant now) {
        this.requestId = requestId;
        this.kind = kind;
        this.phase = firstPhase;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** Counts an attempt at a mutating call; @return true when an earlier attempt may have reached AWS */
    boolean intend(String operation, Instant now) {
        int attempts = mutatingCalls.merge(operation, 1, Integer::sum);
        updatedAt = now;
        return attempts > 1;
    }

    void moveTo(ExecutionPhase next, Instant now) {
        phase = next;
        polls = 0;
        failedAttempts = 0;
        throttledAttempts = 0;
        updatedAt = now;
    }

    /** Remembers an identifier AWS returned (a stack id, a record id, an account id). */
    void remember(String name, String value) {
        awsIds.put(name, value);
    }

    /**
     * What the result is known by in AWS, for its environment: the identifiers AWS returned, without those of single
     * operations (change set, record, account creation, StackSet operation).
     */
    Map<String, String> handles() {
        var handles = new LinkedHashMap<>(awsIds);
        handles.keySet()
                .removeAll(java.util.Set.of(
                        "ChangeSetId",
                        "ChangeSetRound",
                        "ChangeSetStaleReason",
                        "RecordId",
                        "UpdateRecordId",
                        "TerminationRecordId",
                        "CreateAccountRequestId",
                        "OperationId"));
        return handles;
    }

    Optional<String> awsId(String name) {
        return Optional.ofNullable(awsIds.get(name));
    }

    String requireAwsId(String name) {
        return awsId(name)
                .orElseThrow(() -> new IllegalStateException(
                        "Execution of request %s has no %s in phase %s".formatted(requestId, name, phase)));
    }

    /** A status call answered; a status different from the last one goes to the request's timeline. */
    void polled(String status, Map<String, String> details, Instant now) {
        polls++;
        failedAttempts = 0;
        throttledAttempts = 0;
        updatedAt = now;
        if (!status.equals(awsStatus)) {
            var facts = new LinkedHashMap<String, String>();
            facts.put("status", status);
            facts.putAll(details);
            record("execution.aws-status", facts, now);
            awsStatus = status;
        }
    }

    void resourceChanges(List<ResourceChange> changes) {
        resourceChanges = new ArrayList<>(changes);
    }

    /** Appends a fact about AWS's side of the request to the request's timeline. */
    void record(String action, Map<String, String> details, Instant now) {
        if (parentRequestId == null) {
            registerEvent(new ExecutionEvent(UUID.randomUUID(), requestId, now, action, details));
            return;
        }
        var withComponent = new LinkedHashMap<String, String>();
        withComponent.put("component", component);
        withComponent.putAll(details);
        registerEvent(new ExecutionEvent(UUID.randomUUID(), parentRequestId, now, action, withComponent));
    }

    /** A failure that counts towards the attempt limit. */
    void failedAttempt(String error, Instant now) {
        failedAttempts++;
        lastError = error;
        updatedAt = now;
    }

    /** AWS throttled or was busy: waited out, not counted towards the attempt limit. */
    void throttled(String error, Instant now) {
        throttledAttempts++;
        lastError = error;
        updatedAt = now;
    }

    /** A finished execution walks again (a composite retried from its failed component). */
    void resume(ExecutionPhase phase, Instant now) {
        this.phase = phase;
        polls = 0;
        failedAttempts = 0;
        throttledAttempts = 0;
        lastError = null;
        updatedAt = now;
    }

    /** A finished execution walks again for a new purpose (a composite abandoned): its timeout counts from now. */
    void restart(ExecutionPhase phase, Instant now) {
        resume(phase, now);
        startedAt = now;
    }

    /**
     * Tells the request module something in the transaction that saves this execution (a preview is ready, what was
     * approved went stale).
     */
    void report(ExecutionReport report) {
        registerEvent(report);
    }

    /** Approved after its preview, which may have waited days: the timeout counts from now. */
    void approved(Instant now) {
        startedAt = now;
        updatedAt = now;
    }

    void done(Instant now) {
        phase = ExecutionPhase.DONE;
        updatedAt = now;
    }

    UUID requestId() {
        return requestId;
    }

    BlueprintKind kind() {
        return kind;
    }

    ExecutionPhase phase() {
        return phase;
    }

    int polls() {
        return polls;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    int throttledAttempts() {
        return throttledAttempts;
    }

    Instant startedAt() {
        return startedAt;
    }

    @Nullable
    String awsStatus() {
        return awsStatus;
    }

    ExecutionView toView() {
        return new ExecutionView(
                requestId,
                kind,
                phase.name(),
                Map.copyOf(awsIds),
                Map.copyOf(mutatingCalls),
                List.copyOf(resourceChanges),
                awsStatus,
                polls,
                lastError,
                startedAt,
                updatedAt);
    }
}
