package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.CompositeGraph;
import io.vendo.request.RequestKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * COMPOSITE requests: the graph of components walked durably, each component a stack of its own deployed (PROVISION)
 * or deleted (DECOMMISSION) by the STACK executors' own steps ({@link ComponentStacks}), with its own execution row, a
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
    private final ComponentRunRepository components;
    private final ComponentStacks stacks;
    private final AdmissionProperties limits;

    CompositeExecutor(
            RequestKind requestKind,
            Catalog catalog,
            ComponentRunRepository components,
            ComponentStacks stacks,
            AdmissionProperties limits,
            CompositeAbandonment abandonment) {
        super("COMPOSITE " + requestKind);
        this.requestKind = requestKind;
        this.catalog = catalog;
        this.components = components;
        this.stacks = stacks;
        this.limits = limits;
        phase(ExecutionPhase.WALK_COMPONENTS, this::walk);
        if (requestKind == RequestKind.PROVISION) {
            phase(ExecutionPhase.ABANDON_COMPONENTS, abandonment::step);
        }
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
            var child = ComponentStacks.job(spec.job(), node, 1, outputs);
            if (decommissioning() && child.handles().isEmpty()) {
                plans.append("(its stack was never created: nothing to delete)\n\n");
                continue;
            }
            plans.append(stacks.plan(child)).append("\n\n");
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
        // Never more components in flight than the slots admission gave the request (its graph's width, capped).
        var slots = AdmissionClaim.compositeSlots(spec.graph(), limits);
        for (var node : spec.order()) {
            var row = row(rows, node.name());
            if (row.state() == ComponentState.WAITING && inFlight(rows) < slots) {
                row = startIfReady(spec, node, row, rows, run);
                rows.put(node.name(), row);
            }
            if (row.due(run.now())) {
                row = stacks.step(spec.job(), node, row, outputs(rows), run);
                rows.put(node.name(), row);
            }
            if (row.state() == ComponentState.IN_PROGRESS) {
                var wait = row.nextAt() == null ? Duration.ZERO : Duration.between(run.now(), row.nextAt());
                next = next == null || wait.compareTo(next) < 0 ? wait : next;
            } else if (row.state() == ComponentState.WAITING
                    && inFlight(rows) < slots
                    && upstream(spec, node).stream()
                            .allMatch(up -> row(rows, up).state() == ComponentState.SUCCEEDED)) {
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
                .filter(up -> row(rows, up).state() == ComponentState.FAILED
                        || row(rows, up).state() == ComponentState.NOT_STARTED)
                .toList();
        if (!blocked.isEmpty()) {
            var because = blocked.stream()
                    .map(up -> up + " " + (row(rows, up).state() == ComponentState.FAILED ? "failed" : "did not start"))
                    .collect(Collectors.joining(", "));
            row.notStarted(because, run.now());
            run.record("execution.component-not-started", Map.of("component", node.name(), "reason", because));
            return components.save(row);
        }
        if (!upstream.stream().allMatch(up -> row(rows, up).state() == ComponentState.SUCCEEDED)) {
            return row;
        }
        Job child;
        try {
            child = ComponentStacks.job(spec.job(), node, row.attempt(), outputs(rows));
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

    private StepOutcome finish(Spec spec, Map<String, ComponentRun> rows, ExecutionRun run) {
        var failed = rows.values().stream()
                .filter(row -> row.state() == ComponentState.FAILED)
                .toList();
        if (!failed.isEmpty()) {
            var notStarted = rows.values().stream()
                    .filter(row -> row.state() == ComponentState.NOT_STARTED)
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

    private static long inFlight(Map<String, ComponentRun> rows) {
        return rows.values().stream()
                .filter(row -> row.state() == ComponentState.IN_PROGRESS)
                .count();
    }

    private static ComponentRun row(Map<String, ComponentRun> rows, String component) {
        return Objects.requireNonNull(rows.get(component), () -> "No row of component " + component);
    }

    private static Map<String, Map<String, String>> outputs(Map<String, ComponentRun> rows) {
        var outputs = new LinkedHashMap<String, Map<String, String>>();
        rows.forEach((name, row) -> outputs.put(name, row.outputs()));
        return outputs;
    }

    private boolean decommissioning() {
        return requestKind == RequestKind.DECOMMISSION;
    }
}
