package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.CompositeGraph;
import io.vendo.catalog.Delivery;
import io.vendo.request.RequestKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Each component of a composite request as a STACK request of its own: its job, and one step of its own stack
 * execution (its own execution row) by the STACK executor of the request's kind, with the retry rules of a single STACK
 * request. What the step ended with is saved on the component's row.
 */
@Component
class ComponentStacks {

    private final KindExecutors kinds;
    private final ExecutionRepository executions;
    private final ComponentRunRepository components;
    private final ExecutionProperties properties;
    private final FailedCalls failedCalls;
    private final Clock clock;

    ComponentStacks(
            KindExecutors kinds,
            ExecutionRepository executions,
            ComponentRunRepository components,
            ExecutionProperties properties,
            Clock clock) {
        this.kinds = kinds;
        this.executions = executions;
        this.components = components;
        this.properties = properties;
        this.failedCalls = new FailedCalls(properties);
        this.clock = clock;
    }

    /** The calls the component's stack execution would make. */
    String plan(Job child) {
        return kinds.bind(child).plan();
    }

    /**
     * One step of the component's own stack execution.
     *
     * @param outputs the outputs of the components that have them, by component: the component's inputs
     */
    ComponentRun step(
            Job composite,
            CompositeGraph.Node node,
            ComponentRun row,
            Map<String, Map<String, String>> outputs,
            ExecutionRun run) {
        var failedStack = row.failedStackToDelete();
        if (failedStack != null) {
            return deleteFailedStack(composite, node, row, failedStack, run);
        }
        var child = job(composite, node, row.attempt(), outputs);
        var childRun = childRun(child, row.executionIdOfAttempt(), composite, node, run);
        var outcome = stepOf(child, childRun, row, run);
        switch (outcome) {
            case StepOutcome.Continue later -> {
                childRun.save();
                row.runAgainAt(run.now().plus(later.after()));
            }
            case StepOutcome.Succeeded succeeded -> {
                ended(childRun, run);
                var stackId = childRun.awsId("StackId").orElse(child.handles().get("StackId"));
                row.succeeded(succeeded.outputs(), stackId, run.now());
                if (stackId != null && !decommissioning(composite)) {
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
                ended(childRun, run);
                var reason = child.parameters().scrub(failed.reason());
                row.failed(
                        reason,
                        decommissioning(composite)
                                ? null
                                : childRun.awsId("StackId").orElse(null),
                        run.now());
                run.record("execution.component-failed", Map.of("component", node.name(), "reason", reason));
            }
        }
        return components.save(row);
    }

    /**
     * One step of deleting the stack a failed attempt left (its name is taken until it is deleted); once it is gone the
     * component's own stack is created.
     */
    private ComponentRun deleteFailedStack(
            Job composite, CompositeGraph.Node node, ComponentRun row, String stackId, ExecutionRun run) {
        switch (deleteStack(composite, node, row, stackId, "delete-failed", false, run)) {
            case StepOutcome.Continue later -> row.runAgainAt(run.now().plus(later.after()));
            case StepOutcome.Succeeded deleted -> {
                row.failedStackDeleted(run.now());
                run.record(
                        "execution.component-failed-stack-deleted", Map.of("component", node.name(), "stack", stackId));
            }
            case StepOutcome.AwaitApproval awaiting ->
                throw new IllegalStateException("Deleting the failed stack of " + node.name() + " asked for approval");
            case StepOutcome.Failed failed -> {
                var reason = "Could not delete its failed stack %s: %s".formatted(stackId, failed.reason());
                row.failed(reason, stackId, run.now());
                run.record("execution.component-failed", Map.of("component", node.name(), "reason", reason));
            }
        }
        return components.save(row);
    }

    /**
     * One step of deleting one of a component's stacks by the STACK deletion executor's own steps: termination
     * protection off if asked, DeleteStack with a token derived from the request, the component, the attempt and why,
     * then DescribeStacks until DELETE_COMPLETE; its AWS statuses go to the component's events.
     *
     * @param why what the deletion is for, part of its derived id: {@code delete-failed} or {@code abandon}
     */
    StepOutcome deleteStack(
            Job composite,
            CompositeGraph.Node node,
            ComponentRun row,
            String stackId,
            String why,
            boolean unprotect,
            ExecutionRun run) {
        // Derived from the request, the component and the attempt: every worker deletes with the same token.
        var deletionId = UUID.nameUUIDFromBytes(
                ("composite:" + composite.requestId() + "/" + node.name() + "/" + row.attempt() + "/" + why)
                        .getBytes(StandardCharsets.UTF_8));
        var deletion = new Job(
                deletionId,
                DeploymentParameters.of(Map.of()),
                stackBlueprint(composite, node),
                composite.targetDetails(),
                Map.of(),
                unprotect,
                RequestKind.DECOMMISSION,
                Map.of("StackId", stackId));
        var childRun = childRun(deletion, deletionId, composite, node, run);
        var outcome = stepOf(deletion, childRun, row, run);
        if (outcome instanceof StepOutcome.Continue) {
            childRun.save();
        } else {
            ended(childRun, run);
        }
        return outcome;
    }

    private static void ended(ExecutionRun childRun, ExecutionRun run) {
        childRun.execution().done(run.now());
        childRun.save();
    }

    /** The child's execution: the one saved under its derived id, or a new one. */
    private ExecutionRun childRun(
            Job child, UUID executionId, Job composite, CompositeGraph.Node node, ExecutionRun run) {
        return new ExecutionRun(
                executions,
                properties,
                clock,
                executions
                        .findById(executionId)
                        .orElseGet(() -> new Execution(
                                executionId,
                                BlueprintKind.STACK,
                                kinds.bind(child).firstPhase(),
                                run.now(),
                                composite.requestId(),
                                node.name())),
                true);
    }

    /** One step of the child's execution; a change of its AWS status is kept in the component's events. */
    private StepOutcome stepOf(Job child, ExecutionRun childRun, ComponentRun row, ExecutionRun run) {
        var statusBefore = childRun.execution().awsStatus();
        StepOutcome outcome;
        try {
            outcome = kinds.bind(child).step(childRun);
        } catch (ProvisioningException e) {
            var message = child.parameters().scrub(String.valueOf(e.getMessage()));
            outcome = failedCalls.count(childRun.execution(), e, message, childRun.now());
        } catch (CompositeGraph.MissingOutputException e) {
            outcome = new StepOutcome.Failed(String.valueOf(e.getMessage()));
        }
        var statusAfter = childRun.execution().awsStatus();
        if (statusAfter != null && !statusAfter.equals(statusBefore)) {
            row.event(run.now(), statusAfter);
        }
        return outcome;
    }

    /**
     * The job of one component: a STACK job of its own, named after the composite and the component, whose id (and so
     * its stack name and tokens) derives from the request, the component and the attempt.
     *
     * @param outputs the outputs of the components that have them, by component
     * @throws CompositeGraph.MissingOutputException when a parameter is wired to an output its component does not have
     */
    static Job job(Job composite, CompositeGraph.Node node, int attempt, Map<String, Map<String, String>> outputs) {
        var stack = stackBlueprint(composite, node);
        var secret = node.secretParameters().keySet();
        DeploymentParameters parameters;
        if (decommissioning(composite)) {
            parameters = DeploymentParameters.of(Map.of());
        } else {
            var shown = node.parameterValues(composite.parameters().shown(), outputs);
            parameters = composite.parameters().decryptable()
                    ? DeploymentParameters.live(
                            shown,
                            secret,
                            () -> node.parameterValues(composite.parameters().forAws(), outputs))
                    : DeploymentParameters.dryRun(shown, secret);
        }
        var tags = new LinkedHashMap<>(composite.tags());
        tags.put("vendo:component", node.name());
        var handles = new LinkedHashMap<String, String>();
        var stackId = composite.handles().get(node.name() + ".StackId");
        if (stackId != null) {
            handles.put("StackId", stackId);
        }
        var id = UUID.nameUUIDFromBytes(("composite:" + composite.requestId() + "/" + node.name() + "/" + attempt)
                .getBytes(StandardCharsets.UTF_8));
        return new Job(
                id,
                parameters,
                stack,
                composite.targetDetails(),
                tags,
                composite.terminationProtection(),
                composite.kind(),
                handles);
    }

    /** A component's stack as a STACK blueprint of its own, named after the composite and the component. */
    private static BlueprintVersionDetails stackBlueprint(Job composite, CompositeGraph.Node node) {
        var blueprint = composite.blueprint();
        return new BlueprintVersionDetails(
                blueprint.versionId(),
                blueprint.blueprintId(),
                blueprint.slug() + "-" + node.name(),
                blueprint.name() + " / " + node.name(),
                blueprint.description(),
                BlueprintKind.STACK,
                blueprint.number(),
                node.templateBody(),
                node.parameters(),
                node.outputs(),
                node.capabilities(),
                blueprint.tags(),
                new Delivery.Stack());
    }

    private static boolean decommissioning(Job composite) {
        return composite.kind() == RequestKind.DECOMMISSION;
    }
}
