package io.vendo.environment;

import io.vendo.environment.DriftEvent.DriftCheckFinished;
import io.vendo.environment.DriftEvent.DriftCheckRequested;
import io.vendo.environment.drift.DriftedResource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One drift check of a STACK environment, worked through one step per run of its durable task: DetectStackDrift
 * (REQUESTED → DETECTING), then DescribeStackDriftDetectionStatus until the detection completes, then, when the stack
 * drifted, DescribeStackResourceDrifts. Finished checks never change again. {@link Version} fences a worker that lost
 * its lease from overwriting the one that took over.
 */
@Entity
@Table(name = "drift_check")
class DriftCheck extends AbstractAggregateRoot<DriftCheck> {

    @Id
    private UUID id;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private UUID environmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DriftCheckTrigger trigger;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DriftCheckState state;

    @Column(name = "stack_id", nullable = false, updatable = false)
    private String stackId;

    @Column(name = "detection_id")
    private @Nullable String detectionId;

    @Column(name = "stack_drift_status")
    private @Nullable String stackDriftStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "drifted_resources", nullable = false)
    private List<DriftedResource> driftedResources = new ArrayList<>();

    private @Nullable String reason;

    private @Nullable String plan;

    @Column(nullable = false)
    private int polls;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Version
    private long version;

    protected DriftCheck() {}

    static DriftCheck requested(
            UUID environmentId, String stackId, DriftCheckTrigger trigger, String requestedBy, Instant now) {
        var check = new DriftCheck();
        check.id = UUID.randomUUID();
        check.environmentId = environmentId;
        check.stackId = stackId;
        check.trigger = trigger;
        check.requestedBy = requestedBy;
        check.state = DriftCheckState.REQUESTED;
        check.requestedAt = now;
        check.updatedAt = now;
        check.registerEvent(
                new DriftCheckRequested(UUID.randomUUID(), environmentId, now, requestedBy, check.id, trigger));
        return check;
    }

    /** CloudFormation started detecting: its id is what the status is asked by. */
    void detecting(String detectionId, Instant now) {
        requireRunning();
        this.detectionId = detectionId;
        state = DriftCheckState.DETECTING;
        failedAttempts = 0;
        updatedAt = now;
    }

    /** A status call answered that the detection still runs. */
    void polled(Instant now) {
        polls++;
        failedAttempts = 0;
        updatedAt = now;
    }

    /** A call failed in a way that may pass: counted, so that a lasting failure ends the check. */
    void failedAttempt(String why, Instant now) {
        failedAttempts++;
        reason = why;
        updatedAt = now;
    }

    /**
     * The check ended.
     *
     * @param statusChange how the environment's status changed with it (e.g. {@code ACTIVE → DRIFTED}), if it did
     */
    void finish(
            DriftCheckState result,
            @Nullable String stackDriftStatus,
            List<DriftedResource> resources,
            @Nullable String reason,
            @Nullable String statusChange,
            String actor,
            Instant now) {
        requireRunning();
        if (!result.finished()) {
            throw new IllegalArgumentException("Not a result: " + result);
        }
        state = result;
        this.stackDriftStatus = stackDriftStatus;
        this.driftedResources = new ArrayList<>(resources);
        this.reason = reason;
        finishedAt = now;
        updatedAt = now;
        registerEvent(new DriftCheckFinished(
                UUID.randomUUID(), environmentId, now, actor, id, result, resources.size(), reason, statusChange));
    }

    /** No AWS is configured: nothing is asked, the check shows what would have been. */
    void ranDry(String plan, String actor, Instant now) {
        this.plan = plan;
        finish(
                DriftCheckState.DRY_RUN,
                null,
                List.of(),
                "Dry run: no AWS is configured, nothing was asked of CloudFormation",
                null,
                actor,
                now);
    }

    private void requireRunning() {
        if (state.finished()) {
            throw new IllegalStateException("Drift check %s is finished (%s)".formatted(id, state));
        }
    }

    UUID id() {
        return id;
    }

    UUID environmentId() {
        return environmentId;
    }

    DriftCheckState state() {
        return state;
    }

    String stackId() {
        return stackId;
    }

    @Nullable
    String detectionId() {
        return detectionId;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    int polls() {
        return polls;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    DriftCheckView toView() {
        return new DriftCheckView(
                id,
                environmentId,
                trigger,
                requestedBy,
                state,
                stackDriftStatus,
                List.copyOf(driftedResources),
                reason,
                plan,
                requestedAt,
                finishedAt);
    }
}
