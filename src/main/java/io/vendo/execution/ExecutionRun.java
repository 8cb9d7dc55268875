package io.vendo.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scheduler run's handle on an execution: the current state, saved (conditional on its version) through here, so a
 * step never changes or writes a stale copy (a save returns a new instance; kind executors hold only the run). {@link #aboutToCall} is the single place through which every mutating AWS
 * call passes.
 */
final class ExecutionRun {

    private final ExecutionRepository executions;
    private final ExecutionProperties properties;
    private final Clock clock;
    private Execution execution;

    ExecutionRun(ExecutionRepository executions, ExecutionProperties properties, Clock clock, Execution execution) {
        this.executions = executions;
        this.properties = properties;
        this.clock = clock;
        this.execution = execution;
    }

    Execution execution() {
        return execution;
    }

    /**
     * Records, durably and before the call, that a mutating AWS call is about to be sent.
     *
     * @return true when an earlier attempt may have reached AWS: the caller must look up what AWS has before it sends
     *     the call again
     */
    boolean aboutToCall(String operation) {
        var mayHaveCalled = execution.intend(operation, now());
        save();
        return mayHaveCalled;
    }

    ExecutionPhase phase() {
        return execution.phase();
    }

    void remember(String name, String value) {
        execution.remember(name, value);
    }

    Optional<String> awsId(String name) {
        return execution.awsId(name);
    }

    String requireAwsId(String name) {
        return execution.requireAwsId(name);
    }

    /** A status call answered; a status different from the last one goes to the request's timeline. */
    void polled(String status, Map<String, String> details) {
        execution.polled(status, details, now());
    }

    /** Appends a fact about AWS's side of the request to the request's timeline. */
    void record(String action, Map<String, String> details) {
        execution.record(action, details, now());
    }

    void resourceChanges(List<ResourceChange> changes) {
        execution.resourceChanges(changes);
    }

    void moveTo(ExecutionPhase phase) {
        execution.moveTo(phase, now());
    }

    void save() {
        execution = executions.save(execution);
    }

    Instant now() {
        return clock.instant();
    }

    /** The first status call comes soon; later ones back off towards the maximum, so an operation costs few calls. */
    Duration nextPoll(Duration first, Duration max) {
        var grown = first.multipliedBy(1L << Math.min(execution.polls(), 10));
        return grown.compareTo(max) > 0 ? max : grown;
    }

    /** The polling cadence for stacks, change sets, StackSets and products: seconds, growing. */
    Duration nextPoll() {
        return nextPoll(properties.firstPollDelay(), properties.maxPollDelay());
    }

    /** Accounts take 20–30 minutes: polled every few minutes. */
    Duration nextAccountPoll() {
        return nextPoll(properties.accountFirstPollDelay(), properties.accountMaxPollDelay());
    }

    Duration firstChangeSetPoll() {
        return properties.changeSetPollDelay();
    }

    Duration firstPoll() {
        return properties.firstPollDelay();
    }

    Duration firstAccountPoll() {
        return properties.accountFirstPollDelay();
    }
}
