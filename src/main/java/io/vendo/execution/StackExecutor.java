package io.vendo.execution;

import io.vendo.catalog.Catalog;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One short step of a request's execution: submit the stack, or poll it, then say when to run again. Each state
 * change is its own transaction, written before the AWS call it precedes, so a crash at any point leaves a state
 * from which the next run continues without creating anything twice.
 */
@Component
class StackExecutor {

    private static final Logger log = LoggerFactory.getLogger(StackExecutor.class);

    private final Requests requests;
    private final Catalog catalog;
    private final StackProvisioner provisioner;
    private final StackExecutionRepository executions;
    private final ExecutionProperties properties;
    private final Clock clock;

    StackExecutor(
            Requests requests,
            Catalog catalog,
            StackProvisioner provisioner,
            StackExecutionRepository executions,
            ExecutionProperties properties,
            Clock clock) {
        this.requests = requests;
        this.catalog = catalog;
        this.provisioner = provisioner;
        this.executions = executions;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return when to run again, or empty when the request reached a terminal state */
    Optional<Duration> step(UUID requestId) {
        var request = requests.require(requestId);
        if (request.state().terminal()) {
            return Optional.empty();
        }
        var spec = specFor(request);
        if (!provisioner.live()) {
            requests.completeDryRun(requestId, provisioner.plan(spec));
            return Optional.empty();
        }
        var execution = executions.findById(requestId).orElseGet(() -> new StackExecution(spec, clock.instant()));
        try {
            return switch (execution.phase()) {
                case SUBMITTING -> submit(request, spec, execution);
                case POLLING -> poll(spec, execution);
                case DONE -> Optional.empty();
            };
        } catch (ProvisioningException e) {
            return handleFailure(requestId, execution, e);
        }
    }

    private Optional<Duration> submit(RequestView request, StackSpec spec, StackExecution execution) {
        if (request.state() == RequestState.APPROVED) {
            requests.start(request.id(), "CreateStack " + spec.stackName());
        }
        execution.submitting(clock.instant());
        execution = executions.save(execution);
        var stackId = execution.mayHaveSubmitted()
                ? provisioner.findStackId(spec).orElseGet(() -> provisioner.createStack(spec))
                : provisioner.createStack(spec);
        execution.submitted(stackId, clock.instant());
        executions.save(execution);
        return Optional.of(properties.firstPollDelay());
    }

    private Optional<Duration> poll(StackSpec spec, StackExecution execution) {
        var status = provisioner.describeStack(spec, execution.stackId());
        switch (status.outcome()) {
            case IN_PROGRESS -> {
                execution.polled(clock.instant());
                executions.save(execution);
                return Optional.of(nextPollDelay(execution.polls()));
            }
            case SUCCEEDED -> requests.succeed(spec.requestId(), status.outputs());
            case FAILED -> {
                var reason = provisioner
                        .firstFailureReason(spec, execution.stackId())
                        .map(first -> status.status() + ": " + first)
                        .orElse("Stack ended in " + status.status());
                requests.fail(spec.requestId(), reason);
            }
        }
        execution.done(clock.instant());
        executions.save(execution);
        return Optional.empty();
    }

    private Optional<Duration> handleFailure(UUID requestId, StackExecution execution, ProvisioningException e) {
        execution.failedAttempt(e.getMessage(), clock.instant());
        if (e.retryable() && execution.failedAttempts() < properties.maxAttempts()) {
            log.warn(
                    "Request {}: retryable AWS failure, attempt {}: {}",
                    requestId,
                    execution.failedAttempts(),
                    e.getMessage());
            executions.save(execution);
            return Optional.of(backoff(execution.failedAttempts()));
        }
        log.warn("Request {} failed: {}", requestId, e.getMessage());
        execution.done(clock.instant());
        executions.save(execution);
        requests.fail(requestId, e.getMessage());
        return Optional.empty();
    }

    /** Stacks take minutes: start close, then back off towards the maximum so a stack costs few status calls. */
    private Duration nextPollDelay(int polls) {
        var grown = properties.firstPollDelay().multipliedBy(1L << Math.min(polls, 10));
        return grown.compareTo(properties.maxPollDelay()) > 0 ? properties.maxPollDelay() : grown;
    }

    /** Exponential backoff with full jitter, so throttled replicas do not retry in lockstep. */
    private Duration backoff(int failedAttempts) {
        var ceiling = properties
                .retryDelay()
                .multipliedBy(1L << Math.min(failedAttempts - 1, 10))
                .toMillis();
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private StackSpec specFor(RequestView request) {
        var blueprint = catalog.version(request.blueprintVersionId());
        var target = catalog.target(request.targetId());
        var tags = new LinkedHashMap<String, String>();
        tags.put("vendo:request-id", request.id().toString());
        tags.put("vendo:blueprint", blueprint.slug());
        tags.put("vendo:requester", request.requester());
        if (!request.team().isBlank()) {
            tags.put("vendo:team", request.team());
        }
        return new StackSpec(
                request.id(),
                stackName(blueprint.slug(), request.id()),
                "vendo-" + request.id() + "-create",
                blueprint.templateBody(),
                request.parameters(),
                blueprint.capabilities(),
                tags,
                new AwsTarget(target.accountId(), target.region(), target.executionRoleArn(), target.externalId()));
    }

    /** CloudFormation stack names: at most 128 characters, a letter first, then letters, digits and hyphens. */
    static String stackName(String blueprintSlug, UUID requestId) {
        var prefix = "vendo-" + blueprintSlug.replaceAll("[^A-Za-z0-9-]", "-");
        var suffix = "-" + requestId;
        return prefix.substring(0, Math.min(prefix.length(), 128 - suffix.length())) + suffix;
    }
}
