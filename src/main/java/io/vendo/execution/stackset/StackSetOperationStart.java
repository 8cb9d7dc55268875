package io.vendo.execution.stackset;

import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.StepOutcome;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The step that starts a StackSet operation, shared by every StackSet executor: the intent is recorded before the
 * call, and a call that may have been sent already (a worker died inside it, or before its state committed) is looked
 * up by its OperationId first, so AWS sees each operation once; OperationIdAlreadyExists counts as started too.
 */
final class StackSetOperationStart {

    private StackSetOperationStart() {}

    /**
     * @param call the AWS call, as the execution records its intent, e.g. {@code UpdateStackSet}
     * @param operation the spec of the operation, whose OperationId is looked up and sent
     * @param await the phase that waits for the operation
     */
    static StepOutcome start(
            StackSetProvisioner provisioner,
            ExecutionRun run,
            String call,
            StackSetSpec operation,
            Consumer<StackSetSpec> send,
            ExecutionPhase await) {
        if (!run.aboutToCall(call) || provisioner.findOperation(operation).isEmpty()) {
            send.accept(operation);
        }
        run.record(
                "execution.stack-set-operation",
                Map.of(
                        "stackSet",
                        operation.stackSetName(),
                        "operation",
                        operation.operationId(),
                        "call",
                        call,
                        "targets",
                        operation.where()));
        run.moveTo(await);
        return new StepOutcome.Continue(run.firstPoll());
    }
}
