package io.vendo.execution;

import io.vendo.catalog.CompositeGraph;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A failed composite request abandoned by its requester: every stack its components left in the target account (those
 * that succeeded, and the rolled-back one of a failed attempt) deleted in reverse dependency order — a component's
 * stack once every component that depends on it has none left — each through the STACK deletion executor's own durable
 * steps ({@link ComponentStacks#deleteStack}: DeleteStack with a token derived from the request, the component and the
 * attempt, awaited to DELETE_COMPLETE), independent ones at once within the request's slots. The request ends
 * ABANDONED once no stack is left; a stack that cannot be deleted keeps those it needs, and the request fails naming
 * it (its requester may abandon it again: a new attempt, with new tokens).
 */
@Component
class CompositeAbandonment {

    private final ComponentRunRepository components;
    private final ComponentStacks stacks;
    private final AdmissionProperties limits;

    CompositeAbandonment(ComponentRunRepository components, ComponentStacks stacks, AdmissionProperties limits) {
        this.components = components;
        this.stacks = stacks;
        this.limits = limits;
    }

    StepOutcome step(CompositeExecutor.Spec spec, ExecutionRun run) {
        var rows = new LinkedHashMap<String, ComponentRun>();
        components
                .findByRequestIdOrderByPositionAsc(spec.job().requestId())
                .forEach(row -> rows.put(row.component(), row));
        var slots = AdmissionClaim.compositeSlots(spec.graph(), limits);
        Duration next = null;
        for (var node : spec.order().reversed()) {
            var row = row(rows, node.name());
            if (row.state() == ComponentState.TO_DELETE && deleting(rows) < slots) {
                row = startIfFree(spec, node, row, rows, run);
                rows.put(node.name(), row);
            }
            if (row.due(run.now())) {
                row = delete(spec, node, row, run);
                rows.put(node.name(), row);
            }
            if (row.state() == ComponentState.DELETING) {
                var wait = row.nextAt() == null ? Duration.ZERO : Duration.between(run.now(), row.nextAt());
                next = next == null || wait.compareTo(next) < 0 ? wait : next;
            }
        }
        if (rows.values().stream().allMatch(row -> row.state().terminal())) {
            return finish(rows);
        }
        if (next == null) {
            // Reverse order: those that depend on a waiting component were looked at before it, so it moves on now.
            next = Duration.ZERO;
        }
        return new StepOutcome.Continue(next.isNegative() ? Duration.ZERO : next);
    }

    /** Starts deleting a component's stack once those that depend on it have none left, or keeps it for ever after. */
    private ComponentRun startIfFree(
            CompositeExecutor.Spec spec,
            CompositeGraph.Node node,
            ComponentRun row,
            Map<String, ComponentRun> rows,
            ExecutionRun run) {
        var dependents = dependentsOf(spec, node);
        var keeping = dependents.stream()
                .filter(name -> row(rows, name).state() == ComponentState.DELETE_FAILED
                        || row(rows, name).state() == ComponentState.KEPT)
                .toList();
        if (!keeping.isEmpty()) {
            var because = "it is needed by " + String.join(", ", keeping) + ", whose stack was not deleted";
            row.kept(because, run.now());
            run.record("execution.component-kept", Map.of("component", node.name(), "reason", because));
            return components.save(row);
        }
        if (!dependents.stream().allMatch(name -> row(rows, name).state() == ComponentState.DELETED)) {
            return row;
        }
        row.deleting(run.now());
        run.record(
                "execution.component-deleting",
                Map.of("component", node.name(), "stack", String.valueOf(row.stackId())));
        return components.save(row);
    }

    private ComponentRun delete(
            CompositeExecutor.Spec spec, CompositeGraph.Node node, ComponentRun row, ExecutionRun run) {
        var stack = Objects.requireNonNull(row.stackId(), () -> "Component " + node.name() + " has no stack to delete");
        switch (stacks.deleteStack(
                spec.job(), node, row, stack, "abandon", spec.job().terminationProtection(), run)) {
            case StepOutcome.Continue later -> row.runAgainAt(run.now().plus(later.after()));
            case StepOutcome.Succeeded deleted -> {
                row.deletionEnded(null, run.now());
                run.record("execution.component-deleted", Map.of("component", node.name(), "stack", stack));
            }
            case StepOutcome.Failed failed -> {
                var reason = "Could not delete its stack %s: %s".formatted(stack, failed.reason());
                row.deletionEnded(reason, run.now());
                run.record("execution.component-failed", Map.of("component", node.name(), "reason", reason));
            }
            case StepOutcome.AwaitApproval awaiting ->
                throw new IllegalStateException("Deleting the stack of " + node.name() + " asked for approval");
        }
        return components.save(row);
    }

    private static StepOutcome finish(Map<String, ComponentRun> rows) {
        var failed = rows.values().stream()
                .filter(row -> row.state() == ComponentState.DELETE_FAILED)
                .toList();
        if (failed.isEmpty()) {
            return new StepOutcome.Succeeded(Map.of());
        }
        var kept = rows.values().stream()
                .filter(row -> row.state() == ComponentState.KEPT)
                .map(ComponentRun::component)
                .toList();
        return new StepOutcome.Failed("Abandoning stopped: "
                + failed.stream()
                        .map(row -> "component %s: %s".formatted(row.component(), row.reason()))
                        .collect(Collectors.joining("; "))
                + (kept.isEmpty() ? "" : "; kept: " + String.join(", ", kept))
                + ". Abandon it again to try again.");
    }

    private static List<String> dependentsOf(CompositeExecutor.Spec spec, CompositeGraph.Node node) {
        return spec.graph().components().stream()
                .filter(other -> other.dependsOn().contains(node.name()))
                .map(CompositeGraph.Node::name)
                .toList();
    }

    private static long deleting(Map<String, ComponentRun> rows) {
        return rows.values().stream()
                .filter(row -> row.state() == ComponentState.DELETING)
                .count();
    }

    private static ComponentRun row(Map<String, ComponentRun> rows, String component) {
        return Objects.requireNonNull(rows.get(component), () -> "No row of component " + component);
    }
}
