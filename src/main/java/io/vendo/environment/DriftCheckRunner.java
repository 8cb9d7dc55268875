package io.vendo.environment;

import io.vendo.catalog.Catalog;
import io.vendo.environment.drift.DetectionStatus;
import io.vendo.environment.drift.DriftDetectionException;
import io.vendo.environment.drift.DriftTarget;
import io.vendo.environment.drift.DriftedResource;
import io.vendo.environment.drift.StackDriftDetector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One step of a drift check per run: DetectStackDrift, or one DescribeStackDriftDetectionStatus, or — once the
 * detection completed — the verdict (with DescribeStackResourceDrifts when the stack drifted), saved with the
 * environment's new status in one transaction. Every save is conditional on the check's version. A crash after
 * DetectStackDrift and before its id was saved starts a second detection, which changes nothing in AWS.
 */
@Component
class DriftCheckRunner {

    private static final Logger log = LoggerFactory.getLogger(DriftCheckRunner.class);

    private final DriftCheckRepository checks;
    private final EnvironmentRepository environments;
    private final Catalog catalog;
    private final StackDriftDetector detector;
    private final DriftProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DriftCheckRunner(
            DriftCheckRepository checks,
            EnvironmentRepository environments,
            Catalog catalog,
            StackDriftDetector detector,
            DriftProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.checks = checks;
        this.environments = environments;
        this.catalog = catalog;
        this.detector = detector;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @return when to run again; empty when the check is finished */
    Optional<Duration> step(UUID checkId) {
        var check = checks.findById(checkId).orElse(null);
        if (check == null || check.state().finished()) {
            return Optional.empty();
        }
        var environment = environments.findById(check.environmentId()).orElseThrow();
        var target = new DriftTarget(
                check.stackId(), catalog.target(environment.toView().targetId()));
        var now = clock.instant();
        if (!detector.live()) {
            check.ranDry(detector.plan(target), LeaseExpiry.VENDO, now);
            checks.save(check);
            return Optional.empty();
        }
        try {
            return switch (check.state()) {
                case REQUESTED -> detect(check, target);
                case DETECTING -> awaitDetection(check, target);
                default -> Optional.empty();
            };
        } catch (DriftDetectionException e) {
            return failed(check, e);
        }
    }

    private Optional<Duration> detect(DriftCheck check, DriftTarget target) {
        var detectionId = detector.detect(target);
        check.detecting(detectionId, clock.instant());
        checks.save(check);
        log.info("Drift check {}: CloudFormation detects drift of {} ({})", check.id(), check.stackId(), detectionId);
        return Optional.of(properties.firstPollDelay());
    }

    private Optional<Duration> awaitDetection(DriftCheck check, DriftTarget target) {
        var now = clock.instant();
        if (check.requestedAt().plus(properties.timeout()).isBefore(now)) {
            finish(
                    check,
                    DriftCheckState.FAILED,
                    null,
                    List.of(),
                    "Timed out: the detection still ran after " + properties.timeout());
            return Optional.empty();
        }
        // DETECTING is only ever entered with the detection's id.
        var status = detector.status(target, Objects.requireNonNull(check.detectionId()));
        if (status.inProgress()) {
            check.polled(now);
            checks.save(check);
            return Optional.of(nextPoll(check.polls()));
        }
        if (status.drifted()) {
            // A detection that failed for some resources still reports those it could check.
            finish(
                    check,
                    DriftCheckState.DRIFTED,
                    status.stackDriftStatus(),
                    detector.driftedResources(target),
                    status.failed() ? "Detection failed in part: " + status.reason() : null);
        } else if (status.failed()) {
            finish(check, DriftCheckState.FAILED, status.stackDriftStatus(), List.of(), detectionFailure(status));
        } else if ("IN_SYNC".equals(status.stackDriftStatus())) {
            finish(check, DriftCheckState.IN_SYNC, status.stackDriftStatus(), List.of(), null);
        } else {
            finish(
                    check,
                    DriftCheckState.FAILED,
                    status.stackDriftStatus(),
                    List.of(),
                    "CloudFormation could not tell: the stack's drift status is " + status.stackDriftStatus());
        }
        return Optional.empty();
    }

    private static String detectionFailure(DetectionStatus status) {
        return "DETECTION_FAILED: " + (status.reason() == null ? "CloudFormation gave no reason" : status.reason());
    }

    /** The verdict and the environment's status, in one transaction. */
    private void finish(
            DriftCheck check,
            DriftCheckState result,
            @Nullable String stackDriftStatus,
            List<DriftedResource> resources,
            @Nullable String reason) {
        transaction.executeWithoutResult(status -> {
            var now = clock.instant();
            String change = null;
            if (result == DriftCheckState.DRIFTED || result == DriftCheckState.IN_SYNC) {
                var environment = environments.lockById(check.environmentId()).orElseThrow();
                change = environment
                        .driftChecked(result == DriftCheckState.DRIFTED, resources.size(), now)
                        .orElse(null);
                environments.save(environment);
            }
            check.finish(result, stackDriftStatus, resources, reason, change, LeaseExpiry.VENDO, now);
            checks.save(check);
        });
        log.info("Drift check {} of environment {}: {}", check.id(), check.environmentId(), result);
    }

    private Optional<Duration> failed(DriftCheck check, DriftDetectionException e) {
        var message = String.valueOf(e.getMessage());
        switch (e.retry()) {
            case WHEN_AWS_IS_FREE -> {
                log.info("Drift check {}: AWS is busy or throttling, waiting: {}", check.id(), message);
                return Optional.of(backoff(1 + ThreadLocalRandom.current().nextInt(4)));
            }
            case LIMITED -> {
                check.failedAttempt(message, clock.instant());
                if (check.failedAttempts() < properties.maxAttempts()) {
                    log.warn("Drift check {}: attempt {} failed: {}", check.id(), check.failedAttempts(), message);
                    checks.save(check);
                    return Optional.of(backoff(check.failedAttempts()));
                }
                finish(check, DriftCheckState.FAILED, null, List.of(), message);
                return Optional.empty();
            }
            case NEVER -> {
                finish(check, DriftCheckState.FAILED, null, List.of(), message);
                return Optional.empty();
            }
        }
        throw new IllegalStateException("Unknown retry " + e.retry());
    }

    private Duration nextPoll(int polls) {
        var grown = properties.firstPollDelay().multipliedBy(1L << Math.min(polls, 10));
        return grown.compareTo(properties.maxPollDelay()) > 0 ? properties.maxPollDelay() : grown;
    }

    /** Exponential backoff with jitter, so throttled replicas do not retry in lockstep. */
    private Duration backoff(int attempts) {
        var ceiling = Math.min(
                properties
                        .firstPollDelay()
                        .multipliedBy(1L << Math.min(attempts - 1, 16))
                        .toMillis(),
                properties.maxPollDelay().toMillis());
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
