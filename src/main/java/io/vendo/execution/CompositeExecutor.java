package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CompositeGraph;
import io.vendo.catalog.Delivery;
import io.vendo.request.RequestKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * COMPOSITE requests: the graph of components walked durably, each component a stack of its own deployed (PROVISION)
 * or deleted (DECOMMISSION) by the STACK executors' own steps ({@link #stackExecutor}), with its own execution row, a
 * deterministic stack name and its own tokens. Each run of the request's task takes one step of every component that is
 * due — components that do not depend on each other are in flight in AWS at once — and starts every component whose
 * inputs exist: on PROVISION those it depends on succeeded and their outputs are its parameters' values; on
 * DECOMMISSION every component that depends on it is deleted (reverse order). A component that fails stops those that
 * need it (NOT_STARTED); the request fails once nothing more can run, naming the failed component.
 *
 * <p>A crash anywhere leaves rows from which the next run continues: a component's start is saved before its stack
 * execution exists (which is then created from its derived id), each stack step is crash-safe as for a STACK request,
 * and a component's success is saved with its execution's end, so no stack is created twice.
 */
class CompositeExecutor extends KindExecutor<CompositeExecutor.Spec> {

    static final String WALK = "walk components";

    private final RequestKind requestKind;
    private final Catalog catalog;
    private final ObjectProvider<KindExecutor<?>> kinds;
    private final ExecutionRepository executions;
    private final ComponentRunRepository components;
    private final ExecutionProperties properties;
    private final Clock clock;

    CompositeExecutor(
            RequestKind requestKind,
            Catalog catalog,
            ObjectProvider<KindExecutor<?>> kinds,
            ExecutionRepository executions,
            ComponentRunRepository components,
            ExecutionProperties properties,
            Clock clock) {
        super("COMPOSITE " + requestKind);
        this.requestKind = requestKind;
        this.catalog = catalog;
        this.kinds = kinds;
        this.executions = executions;
        this.components = components;
        this.properties = properties;
        this.clock = clock;
        phase(ExecutionPhase.WALK_COMPONENTS, this::walk);
    }

    /** What one composite request walks: its job, its graph, and the order components start in. */
    record Spec(Job job, CompositeGraph graph, List<CompositeGraph.Node> order) {}

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.COMPOSITE;
    }

    @Override
    protected RequestKind requestKind() {
        return requestKind;
    }

    @Override
    protected Spec specFor(Job job) {
        var graph = catalog.compositeGraph(job.blueprint());
        var order = new ArrayList<>(graph.components());
        if (decommissioning()) {
            order = new ArrayList<>(order.reversed());
        }
        return new Spec(job, graph, order);
    }

    @Override
    protected String firstOperation(Spec spec) {
        return "%s %s"
                .formatted(
                        decommissioning() ? "DeleteStack" : "CreateChangeSet",
                        spec.order().stream().map(CompositeGraph.Node::name).collect(Collectors.joining(" → ")));
    }

    /** Each component's calls in the order they would run, its inputs from other components named, not known. */
    @Override
    protected String plan(Spec spec) {
        var plans = new StringBuilder();
        var outputs = new LinkedHashMap<String, Map<String, String>>();
        for (var node : spec.graph().components()) {
            var promised = new LinkedHashMap<String, String>();
            node.outputs().forEach(output -> promised.put(output, "<output %s of %s>".formatted(output, node.name())));
            outputs.put(node.name(), promised);
        }
        for (var node : spec.order()) {
            plans.append("# Component ")
                    .append(node.name())
                    .append(" (")
                    .append(node.source())
                    .append(")");
            if (!node.dependsOn().isEmpty()) {
                plans.append(", after ").append(String.join(", ", node.dependsOn()));
            }
            plans.append('\n');
            var child = childJob(spec.job(), node, 1, outputs);
            if (decommissioning() && child.handles().isEmpty()) {
                plans.append("(its stack was never created: nothing to delete)\n\n");
                continue;
            }
            plans.append(stackExecutor().bind(child).plan()).append("\n\n");
        }
        return plans.toString().strip();
    }

    private StepOutcome walk(Spec spec, ExecutionRun run) {
        var requestId = spec.job().requestId();
        var rows = new LinkedHashMap<String, ComponentRun>();
        components.findByRequestIdOrderByPositionAsc(requestId).forEach(row -> rows.put(row.component(), row));
        if (rows.isEmpty()) {
            for (int i = 0; i < spec.order().size(); i++) {
                var node = spec.order().get(i);
                rows.put(
                        node.name(),
                        components.save(new ComponentRun(requestId, node.name(), i, node.source(), node.dependsOn())));
            }
        }
        Duration next = null;
        for (var node : spec.order()) {
            var row = row(rows, node.name());
            if (row.state() == ComponentRun.State.WAITING) {
                row = startIfReady(spec, node, row, rows, run);
                rows.put(node.name(), row);
            }
            if (row.due(run.now())) {
                row = stepComponent(spec, node, row, rows, run);
                rows.put(node.name(), row);
            }
            if (row.state() == ComponentRun.State.IN_PROGRESS) {
                var wait = row.nextAt() == null ? Duration.ZERO : Duration.between(run.now(), row.nextAt());
                next = next == null || wait.compareTo(next) < 0 ? wait : next;
            } else if (row.state() == ComponentRun.State.WAITING
                    && upstream(spec, node).stream()
                            .allMatch(up -> row(rows, up).state() == ComponentRun.State.SUCCEEDED)) {
                // It can start now: its inputs came in this run.
                next = Duration.ZERO;
            }
        }
        if (rows.values().stream().allMatch(row -> row.state().terminal())) {
            return finish(spec, rows, run);
        }
        if (next == null) {
            // Only components waiting on others that cannot start (a failure): the next run ends the request.
            next = Duration.ZERO;
        }
        return new StepOutcome.Continue(next.isNegative() ? Duration.ZERO : next);
    }

    /** Starts a waiting component whose inputs exist, or stops it when one of them never will. */
    private ComponentRun startIfReady(
            Spec spec, CompositeGraph.Node node, ComponentRun row, Map<String, ComponentRun> rows, ExecutionRun run) {
        var upstream = upstream(spec, node);
        var blocked = upstream.stream()
                .filter(up -> row(rows, up).state() == ComponentRun.State.FAILED
                        || row(rows, up).state() == ComponentRun.State.NOT_STARTED)
                .toList();
        if (!blocked.isEmpty()) {
            var because = blocked.stream()
                    .map(up -> up + " "
                            + (row(rows, up).state() == ComponentRun.State.FAILED ? "failed" : "did not start"))
                    .collect(Collectors.joining(", "));
            row.notStarted(because, run.now());
            run.record("execution.component-not-started", Map.of("component", node.name(), "reason", because));
            return components.save(row);
        }
        if (!upstream.stream().allMatch(up -> row(rows, up).state() == ComponentRun.State.SUCCEEDED)) {
            return row;
        }
        Job child;
        try {
            child = childJob(spec.job(), node, row.attempt(), outputs(rows));
        } catch (CompositeGraph.MissingOutputException e) {
            row.refused(String.valueOf(e.getMessage()), run.now());
            run.record(
                    "execution.component-failed",
                    Map.of("component", node.name(), "reason", String.valueOf(e.getMessage())));
            return components.save(row);
        }
        if (decommissioning() && child.handles().isEmpty()) {
            row.skipped("its stack was never created: nothing to delete", run.now());
            return components.save(row);
        }
        var shown = child.parameters().shown();
        row.start(child.resourceName(128), decommissioning() ? Map.of() : shown, run.now());
        var details = new LinkedHashMap<String, String>();
        details.put("component", node.name());
        details.put("stack", child.resourceName(128));
        if (!decommissioning()) {
            details.put(
                    "parameters",
                    shown.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining(", ")));
        }
        run.record("execution.component-started", details);
        return components.save(row);
    }

    /** One step of a component's own stack execution, with the retry rules of a single STACK request. */
    private ComponentRun stepComponent(
            Spec spec, CompositeGraph.Node node, ComponentRun row, Map<String, ComponentRun> rows, ExecutionRun run) {
        var child = childJob(spec.job(), node, row.attempt(), outputs(rows));
        var bound = stackExecutor().bind(child);
        var executionId = row.executionIdOfAttempt();
        var childRun = new ExecutionRun(
                executions,
                properties,
                clock,
                executions
                        .findById(executionId)
                        .orElseGet(() -> new Execution(
                                executionId,
                                BlueprintKind.STACK,
                                bound.firstPhase(),
                                run.now(),
                                spec.job().requestId(),
                                node.name())),
                true);
        var statusBefore = childRun.execution().awsStatus();
        StepOutcome outcome;
        try {
            outcome = bound.step(childRun);
        } catch (ProvisioningException e) {
            outcome = failure(childRun, child, e);
        } catch (CompositeGraph.MissingOutputException e) {
            outcome = new StepOutcome.Failed(String.valueOf(e.getMessage()));
        }
        var statusAfter = childRun.execution().awsStatus();
        if (statusAfter != null && !statusAfter.equals(statusBefore)) {
            row.event(run.now(), statusAfter);
        }
        switch (outcome) {
            case StepOutcome.Continue later -> {
                childRun.save();
                row.runAgainAt(run.now().plus(later.after()));
            }
            case StepOutcome.Succeeded succeeded -> {
                childRun.execution().done(run.now());
                childRun.save();
                var stackId = childRun.awsId("StackId").orElse(child.handles().get("StackId"));
                row.succeeded(succeeded.outputs(), stackId, run.now());
                if (stackId != null && !decommissioning()) {
                    run.remember(node.name() + ".StackId", stackId);
                }
                run.record(
                        "execution.component-succeeded",
                        Map.of(
                                "component",
                                node.name(),
                                "outputs",
                                succeeded.outputs().entrySet().stream()
                                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                                        .collect(Collectors.joining(", "))));
            }
            case StepOutcome.AwaitApproval awaiting ->
                // Only an UPDATE's preview waits for approval; components are deployed after the request's approval.
                throw new IllegalStateException(
                        "Component " + node.name() + " asked for approval: composite components are never previewed");
            case StepOutcome.Failed failed -> {
                childRun.execution().done(run.now());
                childRun.save();
                var reason = child.parameters().scrub(failed.reason());
                row.failed(reason, run.now());
                run.record("execution.component-failed", Map.of("component", node.name(), "reason", reason));
            }
        }
        return components.save(row);
    }

    /** As the runner treats a STACK request's failed call: waited out, retried a few times, or final. */
    private StepOutcome failure(ExecutionRun childRun, Job child, ProvisioningException e) {
        var message = child.parameters().scrub(String.valueOf(e.getMessage()));
        var execution = childRun.execution();
        return switch (e.retry()) {
            case WHEN_AWS_IS_FREE -> {
                execution.throttled(message, childRun.now());
                yield new StepOutcome.Continue(backoff(execution.throttledAttempts()));
            }
            case LIMITED -> {
                execution.failedAttempt(message, childRun.now());
                yield execution.failedAttempts() < properties.maxAttempts()
                        ? new StepOutcome.Continue(backoff(execution.failedAttempts()))
                        : new StepOutcome.Failed(message);
            }
            case NEVER -> {
                execution.failedAttempt(message, childRun.now());
                yield new StepOutcome.Failed(message);
            }
        };
    }

    private Duration backoff(int attempts) {
        var ceiling = Math.min(
                properties
                        .retryDelay()
                        .multipliedBy(1L << Math.min(attempts - 1, 16))
                        .toMillis(),
                properties.maxRetryDelay().toMillis());
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private StepOutcome finish(Spec spec, Map<String, ComponentRun> rows, ExecutionRun run) {
        var failed = rows.values().stream()
                .filter(row -> row.state() == ComponentRun.State.FAILED)
                .toList();
        if (!failed.isEmpty()) {
            var notStarted = rows.values().stream()
                    .filter(row -> row.state() == ComponentRun.State.NOT_STARTED)
                    .map(ComponentRun::component)
                    .toList();
            return new StepOutcome.Failed(failed.stream()
                            .map(row -> "Component %s failed: %s".formatted(row.component(), row.reason()))
                            .collect(Collectors.joining("; "))
                    + (notStarted.isEmpty() ? "" : "; not started: " + String.join(", ", notStarted)));
        }
        var outputs = new LinkedHashMap<String, String>();
        for (var node : spec.graph().components()) {
            row(rows, node.name()).outputs().forEach((name, value) -> {
                if (decommissioning()) {
                    outputs.merge(name, node.name() + ": " + value, (a, b) -> a + "; " + b);
                } else {
                    outputs.put(node.name() + "." + name, value);
                }
            });
        }
        return new StepOutcome.Succeeded(outputs);
    }

    /** Those that must be done first: on PROVISION what a component depends on, on DECOMMISSION what depends on it. */
    private List<String> upstream(Spec spec, CompositeGraph.Node node) {
        if (!decommissioning()) {
            return node.dependsOn();
        }
        return spec.graph().components().stream()
                .filter(other -> other.dependsOn().contains(node.name()))
                .map(CompositeGraph.Node::name)
                .toList();
    }

    private static ComponentRun row(Map<String, ComponentRun> rows, String component) {
        return java.util.Objects.requireNonNull(rows.get(component), () -> "No row of component " + component);
    }

    private static Map<String, Map<String, String>> outputs(Map<String, ComponentRun> rows) {
        var outputs = new LinkedHashMap<String, Map<String, String>>();
        rows.forEach((name, row) -> outputs.put(name, row.outputs()));
        return outputs;
    }

    /**
     * The job of one component: a STACK job of its own, named after the composite and the component, whose id (and so
     * its stack name and tokens) derives from the request, the component and the attempt.
     */
    private Job childJob(Job job, CompositeGraph.Node node, int attempt, Map<String, Map<String, String>> outputs) {
        var composite = job.blueprint();
        var blueprint = new BlueprintVersionDetails(
                composite.versionId(),
                composite.blueprintId(),
                composite.slug() + "-" + node.name(),
                composite.name() + " / " + node.name(),
                composite.description(),
                BlueprintKind.STACK,
                composite.number(),
                node.templateBody(),
                node.parameters(),
                node.outputs(),
                node.capabilities(),
                composite.tags(),
                new Delivery.Stack());
        var secret = node.secretParameters().keySet();
        DeploymentParameters parameters;
        if (decommissioning()) {
            parameters = DeploymentParameters.of(Map.of());
        } else {
            var shown = node.parameterValues(job.parameters().shown(), outputs);
            parameters = job.parameters().decryptable()
                    ? DeploymentParameters.live(
                            shown,
                            secret,
                            () -> node.parameterValues(job.parameters().forAws(), outputs))
                    : DeploymentParameters.dryRun(shown, secret);
        }
        var tags = new LinkedHashMap<>(job.tags());
        tags.put("vendo:component", node.name());
        var handles = new LinkedHashMap<String, String>();
        var stackId = job.handles().get(node.name() + ".StackId");
        if (stackId != null) {
            handles.put("StackId", stackId);
        }
        var id = java.util.UUID.nameUUIDFromBytes(("composite:" + job.requestId() + "/" + node.name() + "/" + attempt)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Job(
                id, parameters, blueprint, job.targetDetails(), tags, job.terminationProtection(), job.kind(), handles);
    }

    private boolean decommissioning() {
        return requestKind == RequestKind.DECOMMISSION;
    }

    /** The STACK executor of this request kind: its steps deploy or delete each component's stack. */
    private KindExecutor<?> stackExecutor() {
        var stack = new BlueprintVersionDetails(
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                "stack",
                "stack",
                "",
                BlueprintKind.STACK,
                1,
                "",
                List.of(),
                List.of(),
                List.of());
        return kinds.stream()
                .filter(kind -> kind != this && kind.handles(stack) && kind.requestKind() == requestKind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No STACK executor for " + requestKind));
    }
}
