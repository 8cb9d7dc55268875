package io.vendo.execution;

import io.vendo.request.RequestState;
import io.vendo.request.Requests;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One short step of a request's execution, whatever its kind: the kind's executor submits or polls, then this says
 * when to run again. Each state change is its own transaction, and a mutating call's intent is written before the
 * call, so a crash at any point leaves a state from which the next run continues without creating anything twice.
 * What the request must know (started, succeeded, failed, dry run completed) is reported as an {@link
 * ExecutionReport}: the request moves on in the transaction that reports it, with the execution's last row.
 */
@Component
class RequestExecutor {

    private static final Logger log = LoggerFactory.getLogger(RequestExecutor.class);

    private final Requests requests;
    private final Jobs jobs;
    private final AwsAvailability aws;
    private final KindExecutors kinds;
    private final ExecutionRepository executions;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final FailedCalls failedCalls;

    /** Requests whose timeline says already that they wait for AWS (until it is reachable again). */
    private final Set<UUID> toldWaiting = ConcurrentHashMap.newKeySet();

    RequestExecutor(
            Requests requests,
            Jobs jobs,
            AwsAvailability aws,
            KindExecutors kinds,
            ExecutionRepository executions,
            ExecutionProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.jobs = jobs;
        this.aws = aws;
        this.kinds = kinds;
        this.executions = executions;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.failedCalls = new FailedCalls(properties);
    }

    /** @return when to run again, or empty when the request reached a terminal state */
    Optional<Duration> step(UUID requestId) {
        return step(requestId, false);
    }

    /**
     * A step of a request that waits for approval, for an executor that computes what the request will change first
     * ({@link KindExecutor#previews()}).
     *
     * @return when to run again, or empty once the preview is stored (or the request no longer waits for approval)
     */
    Optional<Duration> preview(UUID requestId) {
        return step(requestId, true);
    }

    private Optional<Duration> step(UUID requestId, boolean preview) {
        var request = requests.require(requestId);
        if (request.state().terminal() || preview != (request.state() == RequestState.PENDING_APPROVAL)) {
            // The preview's task stops once the request is decided; the execution's waits for approval.
            return Optional.empty();
        }
        var live = aws.live();
        if (live) {
            var unreachable = aws.unreachable();
            if (unreachable.isPresent()) {
                return waitForAws(requestId, unreachable.get());
            }
            toldWaiting.remove(requestId);
        }
        var job = jobs.of(request, live);
        var kind = kinds.bind(job);
        if (preview && !kind.previews()) {
            return Optional.empty();
        }
        if (!live) {
            report(
                    preview
                            ? new ExecutionReport.Previewed(requestId, dryRunPreview(requestId))
                            : new ExecutionReport.DryRunCompleted(requestId, kind.plan()));
            return Optional.empty();
        }
        var run = new ExecutionRun(
                executions,
                properties,
                clock,
                executions
                        .findById(requestId)
                        .orElseGet(() ->
                                new Execution(requestId, job.blueprint().kind(), kind.firstPhase(), clock.instant())),
                !preview);
        if (run.execution().phase() == ExecutionPhase.DONE) {
            return Optional.empty();
        }
        if (request.state() == RequestState.APPROVED) {
            if (run.phase() == ExecutionPhase.AWAIT_APPROVAL) {
                // Approved after its preview, perhaps days later: the kind's time limit counts from now.
                run.execution().approved(clock.instant());
            }
            if (kind.startsIn(run.phase())) {
                report(new ExecutionReport.Started(requestId, kind.firstOperation()));
            }
        }
        var timeout = properties.timeouts().of(job.blueprint().kind());
        if (run.execution().startedAt().plus(timeout).isBefore(clock.instant())) {
            return finish(run, new StepOutcome.Failed(timedOut(run.execution(), timeout)), job.parameters());
        }
        try {
            return finish(run, kind.step(run), job.parameters());
        } catch (ProvisioningException e) {
            return handleFailure(run, e, job.parameters());
        }
    }

    /** Without AWS nothing can be computed: approvers are told so, and approving runs the request dry. */
    private io.vendo.request.ChangePreview dryRunPreview(UUID requestId) {
        return new io.vendo.request.ChangePreview(
                "dry run",
                1,
                List.of(),
                "Dry run: AWS is not configured, so no change set was computed. Approving shows the calls Vendo would"
                        + " make; nothing is changed.",
                clock.instant());
    }

    /** @param parameters to scrub NoEcho values from a failure's reason: it may quote what AWS said */
    private Optional<Duration> finish(ExecutionRun run, StepOutcome outcome, DeploymentParameters parameters) {
        var requestId = run.execution().requestId();
        switch (outcome) {
            case StepOutcome.Continue next -> {
                // In a transaction: what the step reports to the request (a preview, a stale one) commits with it.
                transaction.executeWithoutResult(status -> run.save());
                return Optional.of(next.after());
            }
            case StepOutcome.AwaitApproval awaiting -> {
                transaction.executeWithoutResult(status -> run.save());
                return Optional.empty();
            }
            case StepOutcome.Succeeded succeeded ->
                transaction.executeWithoutResult(status -> {
                    run.execution().done(run.now());
                    run.save();
                    report(new ExecutionReport.Succeeded(
                            requestId, succeeded.outputs(), run.execution().handles()));
                });
            case StepOutcome.Failed failed -> {
                var reason = parameters.scrub(failed.reason());
                log.warn("Request {} failed: {}", requestId, reason);
                transaction.executeWithoutResult(status -> {
                    run.execution().done(run.now());
                    run.save();
                    report(new ExecutionReport.Failed(requestId, reason));
                });
            }
        }
        return Optional.empty();
    }

    private Optional<Duration> handleFailure(
            ExecutionRun run, ProvisioningException e, DeploymentParameters parameters) {
        // AWS may quote a value in its message, which goes to the timeline, the log and the failure reason.
        var message = parameters.scrub(e.getMessage());
        var execution = run.execution();
        var outcome = failedCalls.count(execution, e, message, run.now());
        if (!(outcome instanceof StepOutcome.Continue later)) {
            return finish(run, outcome, parameters);
        }
        if (e.retry() == ProvisioningException.Retry.WHEN_AWS_IS_FREE) {
            if (execution.throttledAttempts() == 1) {
                execution.record(
                        "execution.waiting", Map.of("reason", message, "code", String.valueOf(e.code())), run.now());
            }
            log.info("Request {}: AWS is busy or throttling, waiting: {}", execution.requestId(), message);
        } else {
            log.warn(
                    "Request {}: retryable AWS failure, attempt {}: {}",
                    execution.requestId(),
                    execution.failedAttempts(),
                    message);
        }
        run.save();
        return Optional.of(later.after());
    }

    /**
     * AWS is configured but cannot be reached: nothing is called, the request keeps its state (neither fails nor runs
     * dry) and its timeline says why, once per outage and replica.
     */
    private Optional<Duration> waitForAws(UUID requestId, String reason) {
        if (toldWaiting.add(requestId)) {
            log.warn("Request {} waits: {}", requestId, reason);
            transaction.executeWithoutResult(status -> events.publishEvent(new ExecutionEvent(
                    UUID.randomUUID(),
                    requestId,
                    clock.instant(),
                    "execution.waiting",
                    Map.of("reason", reason, "code", "AwsUnreachable"))));
        }
        return Optional.of(properties.maxPollDelay());
    }

    /** Tells the request module, which moves the request on in the current transaction, or in one of its own. */
    private void report(ExecutionReport report) {
        events.publishEvent(report);
    }

    private static String timedOut(Execution execution, Duration timeout) {
        var status = execution.awsStatus() != null ? ", AWS last reported " + execution.awsStatus() : "";
        return "Timed out: still in %s after %s (the limit for %s requests)%s"
                .formatted(execution.phase(), timeout, execution.kind(), status);
    }
}
