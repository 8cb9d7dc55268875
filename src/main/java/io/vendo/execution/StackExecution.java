package io.vendo.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The executor's durable memory of one request's stack: its deterministic name and token, the stack id once AWS
 * returned it, and how many attempts and polls it took. Written before each AWS call that changes something, so a
 * restarted executor knows whether it may have called already.
 */
@Entity
@Table(name = "stack_execution")
class StackExecution {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "stack_name", nullable = false, updatable = false)
    private String stackName;

    @Column(name = "client_request_token", nullable = false, updatable = false)
    private String clientRequestToken;

    @Column(name = "stack_id")
    private @Nullable String stackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExecutionPhase phase;

    @Column(name = "submit_attempts", nullable = false)
    private int submitAttempts;

    @Column(nullable = false)
    private int polls;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected StackExecution() {}

    StackExecution(StackSpec spec, Instant now) {
        this.requestId = spec.requestId();
        this.stackName = spec.stackName();
        this.clientRequestToken = spec.clientRequestToken();
        this.phase = ExecutionPhase.SUBMITTING;
        this.updatedAt = now;
    }

    /** Recorded before CreateStack is sent: from the second attempt on, the executor looks the stack up first. */
    void submitting(Instant now) {
        submitAttempts++;
        updatedAt = now;
    }

    boolean mayHaveSubmitted() {
        return submitAttempts > 1;
    }

    void submitted(String stackId, Instant now) {
        this.stackId = stackId;
        this.phase = ExecutionPhase.POLLING;
        this.failedAttempts = 0;
        this.updatedAt = now;
    }

    void polled(Instant now) {
        polls++;
        failedAttempts = 0;
        updatedAt = now;
    }

    void failedAttempt(String error, Instant now) {
        failedAttempts++;
        lastError = error;
        updatedAt = now;
    }

    void done(Instant now) {
        phase = ExecutionPhase.DONE;
        updatedAt = now;
    }

    ExecutionPhase phase() {
        return phase;
    }

    String stackId() {
        if (stackId == null) {
            throw new IllegalStateException("Stack of request %s has no id yet".formatted(requestId));
        }
        return stackId;
    }

    int polls() {
        return polls;
    }

    int failedAttempts() {
        return failedAttempts;
    }
}
