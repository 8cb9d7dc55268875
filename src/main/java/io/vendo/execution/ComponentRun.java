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
    private ComponentState state;

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
        this.state = ComponentState.WAITING;
        this.source = source;
        this.dependsOn = List.copyOf(dependsOn);
    }

    /** This attempt's execution (its stack name and tokens): derived, so every worker computes the same one. */
    UUID executionIdOfAttempt() {
        return UUID.nameUUIDFromBytes(
                ("composite:" + requestId + "/" + component + "/" + attempt).getBytes(StandardCharsets.UTF_8));
    }

    void start(String stackName, Map<String, String> shownParameters, Instant now) {
        require(ComponentState.WAITING, "start");
        state = ComponentState.IN_PROGRESS;
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

    /** Whether its stack (deployed or deleted) has a step due. */
    boolean due(Instant now) {
        return (state == ComponentState.IN_PROGRESS || state == ComponentState.DELETING)
                && (nextAt == null || !nextAt.isAfter(now));
    }

    void succeeded(Map<String, String> outputs, @Nullable String stackId, Instant now) {
        this.outputs = new LinkedHashMap<>(outputs);
        this.stackId = stackId;
        end(ComponentState.IN_PROGRESS, ComponentState.SUCCEEDED, null, now, "succeeded");
    }

    void failed(String reason, @Nullable String failedStackId, Instant now) {
        this.stackId = failedStackId;
        end(ComponentState.IN_PROGRESS, ComponentState.FAILED, reason, now, "failed: " + reason);
    }

    /** Its inputs are incomplete (an output it needs was not produced): it fails without a stack. */
    void refused(String reason, Instant now) {
        end(ComponentState.WAITING, ComponentState.FAILED, reason, now, "failed: " + reason);
    }

    /** Nothing to do (a stack that was never created needs no deletion). */
    void skipped(String why, Instant now) {
        end(ComponentState.WAITING, ComponentState.SUCCEEDED, null, now, why);
    }

    void notStarted(String because, Instant now) {
        end(ComponentState.WAITING, ComponentState.NOT_STARTED, because, now, "not started: " + because);
    }

    /**
     * Its failed request is abandoned: one that holds a stack (its own, or the rolled-back one of a failed attempt) waits
     * to have it deleted, as a new attempt with tokens of its own; one without a stack (left) is done.
     */
    void abandon(Instant now) {
        if (!state.terminal()) {
            throw new IllegalStateException("Component " + component + " is " + state + ": its request has not ended");
        }
        if (stackId == null && state != ComponentState.DELETED) {
            end(state, ComponentState.DELETED, null, now, "abandoned: it has no stack to delete");
        } else if (stackId != null && state != ComponentState.DELETED) {
            again(ComponentState.TO_DELETE);
            event(now, "abandoned: its stack %s is deleted (attempt %d)".formatted(stackId, attempt));
        }
    }

    void deleting(Instant now) {
        require(ComponentState.TO_DELETE, "delete its stack");
        state = ComponentState.DELETING;
        nextAt = now;
        event(now, "deleting its stack " + stackId);
    }

    /** @param failure why its stack could not be deleted; none once it is gone */
    void deletionEnded(@Nullable String failure, Instant now) {
        var to = failure == null ? ComponentState.DELETED : ComponentState.DELETE_FAILED;
        var what = failure == null ? "deleted its stack " + stackId : "failed: " + failure;
        end(ComponentState.DELETING, to, failure, now, what);
    }

    /** A component that depends on it kept its stack, which needs this one's: this one is kept too. */
    void kept(String because, Instant now) {
        end(ComponentState.TO_DELETE, ComponentState.KEPT, because, now, "kept: " + because);
    }

    private void end(ComponentState from, ComponentState to, @Nullable String why, Instant now, String what) {
        require(from, what);
        state = to;
        reason = why;
        finishedAt = now;
        nextAt = null;
        event(now, what);
    }

    /**
     * A new attempt for a component that failed or was not started: it waits again for its inputs. The stack a failed
     * attempt left (ROLLBACK_COMPLETE cannot be resumed) is deleted first, once this attempt starts.
     */
    void retry(Instant now) {
        if (state != ComponentState.FAILED && state != ComponentState.NOT_STARTED) {
            throw new IllegalStateException("Component %s is %s: only failed or not started components are retried"
                    .formatted(component, state));
        }
        again(ComponentState.WAITING);
        var first = stackId == null ? "" : ", after deleting the failed stack " + stackId;
        event(now, "retried: attempt %d%s".formatted(attempt, first));
    }

    /** A new attempt: a new execution, with a stack name and tokens of its own. */
    private void again(ComponentState waiting) {
        attempt++;
        state = waiting;
        executionId = null;
        reason = null;
        finishedAt = null;
        nextAt = null;
    }

    /** The stack a failed earlier attempt left (kept by {@link #failed}), deleted before this attempt creates its own. */
    @Nullable
    String failedStackToDelete() {
        return state == ComponentState.WAITING || state == ComponentState.IN_PROGRESS ? stackId : null;
    }

    void failedStackDeleted(Instant now) {
        require(ComponentState.IN_PROGRESS, "delete its failed stack");
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

    private void require(ComponentState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException(
                    "Component %s of request %s is %s: cannot %s".formatted(component, requestId, state, action));
        }
    }

    String component() {
        return component;
    }

    ComponentState state() {
        return state;
    }

    int attempt() {
        return attempt;
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
