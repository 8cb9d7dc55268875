package io.vendo.execution.stack;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.environment.Environments;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DECOMMISSION of STACK environments: termination protection off where the tier has it, DeleteStack with the
 * request's token, DescribeStacks until DELETE_COMPLETE, then the resources the template retained (DELETE_SKIPPED
 * events of this deletion) are listed as what was kept. DeleteStack is safe to send again (a stack being or already
 * deleted is left as it is), so a restart after a possibly sent call sends it again with the same token.
 */
@Component
class StackDeletionExecutor extends KindExecutor<StackDeletionSpec> {

    static final String DELETE_STACK = "DeleteStack";

    private final StackDeleter provisioner;

    StackDeletionExecutor(StackDeleter provisioner) {
        super("STACK deletion");
        this.provisioner = provisioner;
        phase(ExecutionPhase.UNPROTECT_STACK, this::unprotect);
        phase(ExecutionPhase.DELETE_STACK, this::delete);
        phase(ExecutionPhase.AWAIT_STACK_DELETION, this::awaitDeletion);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.STACK;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.DECOMMISSION;
    }

    @Override
    protected String firstOperation(StackDeletionSpec spec) {
        return DELETE_STACK + " " + spec.stackId();
    }

    @Override
    protected String plan(StackDeletionSpec spec) {
        return provisioner.plan(spec);
    }

    private StepOutcome unprotect(StackDeletionSpec spec, ExecutionRun run) {
        if (spec.terminationProtection()) {
            run.aboutToCall("UpdateTerminationProtection");
            provisioner.unprotect(spec);
            run.record("execution.termination-protection-off", Map.of("stack", spec.stackId()));
        }
        run.moveTo(ExecutionPhase.DELETE_STACK);
        return StepOutcome.now();
    }

    private StepOutcome delete(StackDeletionSpec spec, ExecutionRun run) {
        run.aboutToCall(DELETE_STACK);
        provisioner.deleteStack(spec);
        run.record("execution.stack-deletion-started", Map.of("stack", spec.stackId()));
        run.moveTo(ExecutionPhase.AWAIT_STACK_DELETION);
        return new StepOutcome.Continue(run.firstPoll());
    }

    private StepOutcome awaitDeletion(StackDeletionSpec spec, ExecutionRun run) {
        var stack = provisioner.describeDeletion(spec);
        run.polled(stack.status(), Map.of());
        return switch (stack.outcome()) {
            case IN_PROGRESS -> new StepOutcome.Continue(run.nextPoll());
            case SUCCEEDED -> {
                var kept = provisioner.retainedResources(spec);
                yield new StepOutcome.Succeeded(
                        kept.isEmpty() ? Map.of() : Map.of(Environments.KEPT, String.join("; ", kept)));
            }
            case FAILED ->
                new StepOutcome.Failed(provisioner
                        .firstDeletionFailure(spec)
                        .map(first -> stack.status() + ": " + first)
                        .orElse("Stack deletion ended in " + stack.status()));
        };
    }

    @Override
    protected StackDeletionSpec specFor(Job job) {
        var stackId = job.handles().get("StackId");
        if (stackId == null) {
            throw new IllegalStateException("Request %s: its environment has no StackId".formatted(job.requestId()));
        }
        return new StackDeletionSpec(
                job.requestId(), stackId, job.token("delete-stack"), job.terminationProtection(), job.target());
    }
}
