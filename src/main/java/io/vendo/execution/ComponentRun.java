package io.vendo.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One component of a composite request: where it stands in the graph, the stack execution that deploys (or deletes)
 * it, the parameter values it was given (NoEcho ones masked) and the outputs it produced. Its transitions are guarded
 * here; every save is conditional on the version, so two workers cannot both move it on.
 */
@Entity
@Table(name = "composite_component")
class ComponentRun {

    /** Where a component stands. */
    enum State {
        /** Its inputs do not exist yet. */
        WAITING,
        /** Its stack is being deployed (or deleted). */
        IN_PROGRESS,
        SUCCEEDED,
        FAILED,
        /** A component it needs failed or was not started: it never will be in this attempt. */
        NOT_STARTED;

        boolean terminal() {
            return this == SUCCEEDED || this == FAILED || this == NOT_STARTED;
        }
    }

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(nullable = false, updatable = false)
    private String component;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(nullable = false)
    private int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false, updatable = false)
    private String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "depends_on", nullable = false, updatable = false)
    private List<String> dependsOn;

    @Column(name = "execution_id")
    private @Nullable UUID executionId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> parameters = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> outputs = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> events = new ArrayList<>();

    @Column(name = "stack_id")
    private @Nullable String stackId;

    @Column(name = "stack_name")
    private @Nullable String stackName;

    private @Nullable String reason;

    @Column(name = "next_at")
    private @Nullable Instant nextAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Version
    private long version;

    protected ComponentRun() {}

    ComponentRun(UUID requestId, String component, int position, String source, List<String> dependsOn) {
        this.id = UUID.nameUUIDFromBytes(("composite:" + requestId + "/" + component).getBytes(StandardCharsets.UTF_8));
        this.requestId = requestId;
        this.component = component;
        this.position = position;
        this.attempt = 1;
        this.state = State.WAITING;
        this.source = source;
        this.dependsOn = List.copyOf(dependsOn);
    }

    /**
     * The id of the execution that deploys this component in this attempt: derived from the request, the component
     * and the attempt, so every worker computes the same one, and a new attempt gets a stack and tokens of its own.
     */
    UUID executionIdOfAttempt() {
        return UUID.nameUUIDFromBytes(
                ("composite:" + requestId + "/" + component + "/" + attempt).getBytes(StandardCharsets.UTF_8));
    }

    void start(String stackName, Map<String, String> shownParameters, Instant now) {
        require(State.WAITING, "start");
        state = State.IN_PROGRESS;
        executionId = executionIdOfAttempt();
        this.stackName = stackName;
        parameters = new LinkedHashMap<>(shownParameters);
        startedAt = now;
        nextAt = now;
        event(now, "started (attempt %d)".formatted(attempt));
    }

    void runAgainAt(Instant when) {
        nextAt = when;
    }

    boolean due(Instant now) {
        return state == State.IN_PROGRESS && (nextAt == null || !nextAt.isAfter(now));
    }

    void succeeded(Map<String, String> outputs, @Nullable String stackId, Instant now) {
        require(State.IN_PROGRESS, "succeed");
        state = State.SUCCEEDED;
        this.outputs = new LinkedHashMap<>(outputs);
        this.stackId = stackId;
        finishedAt = now;
        nextAt = null;
        event(now, "succeeded");
    }

    void failed(String reason, @Nullable String failedStackId, Instant now) {
        require(State.IN_PROGRESS, "fail");
        state = State.FAILED;
        this.reason = reason;
        this.stackId = failedStackId;
        finishedAt = now;
        nextAt = null;
        event(now, "failed: " + reason);
    }

    /** Its inputs are incomplete (an output it needs was not produced): it fails without a stack. */
    void refused(String reason, Instant now) {
        require(State.WAITING, "refuse");
        state = State.FAILED;
        this.reason = reason;
        finishedAt = now;
        event(now, "failed: " + reason);
    }

    /** Nothing to do for this component (a stack that was never created needs no deletion). */
    void skipped(String why, Instant now) {
        require(State.WAITING, "skip");
        state = State.SUCCEEDED;
        finishedAt = now;
        event(now, why);
    }

    void notStarted(String because, Instant now) {
        require(State.WAITING, "cancel");
        state = State.NOT_STARTED;
        reason = because;
        finishedAt = now;
        event(now, "not started: " + because);
    }

    /**
     * A new attempt for a component that failed or was not started: it waits again for its inputs, with a new execution
     * (a stack name and tokens of its own; a failed stack's creation cannot be resumed). The stack a failed attempt left
     * (ROLLBACK_COMPLETE holds nothing but its name) is deleted first, once this attempt starts.
     */
    void retry(Instant now) {
        if (state != State.FAILED && state != State.NOT_STARTED) {
            throw new IllegalStateException("Component %s is %s: only failed or not started components are retried"
                    .formatted(component, state));
        }
        attempt++;
        state = State.WAITING;
        executionId = null;
        reason = null;
        finishedAt = null;
        nextAt = null;
        var first = stackId == null ? "" : ", after deleting the failed stack " + stackId;
        event(now, "retried: attempt %d%s".formatted(attempt, first));
    }

    /** The stack a failed earlier attempt left (kept by {@link #failed}), deleted before this attempt creates its own. */
    @Nullable
    String failedStackToDelete() {
        return state == State.WAITING || state == State.IN_PROGRESS ? stackId : null;
    }

    void failedStackDeleted(Instant now) {
        require(State.IN_PROGRESS, "delete its failed stack");
        event(now, "deleted the failed stack " + stackId);
        stackId = null;
        nextAt = now;
    }

    /** An AWS status or another fact, kept with the component for its row on the request page. */
    void event(Instant now, String what) {
        events.add(now + " " + what);
        if (events.size() > 50) {
            events.removeFirst();
        }
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException(
                    "Component %s of request %s is %s: cannot %s".formatted(component, requestId, state, action));
        }
    }

    UUID requestId() {
        return requestId;
    }

    String component() {
        return component;
    }

    State state() {
        return state;
    }

    int attempt() {
        return attempt;
    }

    @Nullable
    UUID executionId() {
        return executionId;
    }

    @Nullable
    String stackId() {
        return stackId;
    }

    @Nullable
    Instant nextAt() {
        return nextAt;
    }

    Map<String, String> outputs() {
        return outputs;
    }

    @Nullable
    String reason() {
        return reason;
    }

    ComponentView toView() {
        return new ComponentView(
                component,
                position,
                source,
                dependsOn,
                state.name(),
                attempt,
                Map.copyOf(parameters),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs)),
                List.copyOf(events),
                stackName,
                stackId,
                reason,
                startedAt,
                finishedAt);
    }
}
