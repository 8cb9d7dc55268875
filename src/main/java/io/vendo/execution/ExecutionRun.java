package io.vendo.execution;

import io.vendo.execution.stack.ResourceChange;
import io.vendo.request.ChangePreview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * One scheduler run's handle on an execution: the current state, saved (conditional on its version) through here, so a
 * step never changes or writes a stale copy (a save returns a new instance; kind executors hold only the run). {@link #aboutToCall} is the single place through which every mutating AWS
 * call passes.
 */
@NamedInterface(name = "kinds", propagate = false)
public final class ExecutionRun {

    private final ExecutionRepository executions;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final boolean approved;
    private Execution execution;

    ExecutionRun(
            ExecutionRepository executions,
            ExecutionProperties properties,
            Clock clock,
            Execution execution,
            boolean approved) {
        this.executions = executions;
        this.properties = properties;
        this.clock = clock;
        this.execution = execution;
        this.approved = approved;
    }

    /** Whether the request is approved: a step before approval only prepares what approvers are shown. */
    public boolean approved() {
        return approved;
    }

    /** AWS computed what the request will change: the request shows it, and its approvers are invited. */
    public void previewed(ChangePreview preview) {
        execution.report(new ExecutionReport.Previewed(execution.requestId(), preview));
    }

    /**
     * What was approved can no longer be executed as shown: the request goes back to its approvers, who are shown
     * the new preview once it is computed.
     */
    public void wentStale(String reason) {
        execution.report(new ExecutionReport.WentStale(execution.requestId(), reason));
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
    public boolean aboutToCall(String operation) {
        var mayHaveCalled = execution.intend(operation, now());
        save();
        return mayHaveCalled;
    }

    public ExecutionPhase phase() {
        return execution.phase();
    }

    public void remember(String name, String value) {
        execution.remember(name, value);
    }

    public Optional<String> awsId(String name) {
        return execution.awsId(name);
    }

    public String requireAwsId(String name) {
        return execution.requireAwsId(name);
    }

    /** A status call answered; a status different from the last one goes to the request's timeline. */
    public void polled(String status, Map<String, String> details) {
        execution.polled(status, details, now());
    }

    /** Appends a fact about AWS's side of the request to the request's timeline. */
    public void record(String action, Map<String, String> details) {
        execution.record(action, details, now());
    }

    public void resourceChanges(List<ResourceChange> changes) {
        execution.resourceChanges(changes);
    }

    public void moveTo(ExecutionPhase phase) {
        execution.moveTo(phase, now());
    }

    void save() {
        execution = executions.save(execution);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The first status call comes soon; later ones back off towards the maximum, so an operation costs few calls. */
    public Duration nextPoll(Duration first, Duration max) {
        var grown = first.multipliedBy(1L << Math.min(execution.polls(), 10));
        return grown.compareTo(max) > 0 ? max : grown;
    }

    /** The polling cadence for stacks, change sets, StackSets and products: seconds, growing. */
    public Duration nextPoll() {
        return nextPoll(properties.firstPollDelay(), properties.maxPollDelay());
    }

    /** Accounts take 20–30 minutes: polled every few minutes. */
    public Duration nextAccountPoll() {
        return nextPoll(properties.accountFirstPollDelay(), properties.accountMaxPollDelay());
    }

    public Duration firstChangeSetPoll() {
        return properties.changeSetPollDelay();
    }

    public Duration firstPoll() {
        return properties.firstPollDelay();
    }

    public Duration firstAccountPoll() {
        return properties.accountFirstPollDelay();
    }
}
