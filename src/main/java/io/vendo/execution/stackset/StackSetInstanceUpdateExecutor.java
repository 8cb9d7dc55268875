package io.vendo.execution.stackset;

import io.vendo.execution.ExecutionPhase;
import io.vendo.request.RequestKind;
import org.springframework.stereotype.Component;

/** UPDATE of STACK_SET environments: UpdateStackInstances with the request's values as parameter overrides. */
@Component
class StackSetInstanceUpdateExecutor extends StackSetInstancesExecutor {

    StackSetInstanceUpdateExecutor(StackSetProvisioner provisioner) {
        super(
                provisioner,
                "STACK_SET update",
                RequestKind.UPDATE,
                ExecutionPhase.UPDATE_STACK_INSTANCES,
                "UpdateStackInstances",
                "update-stack-instances");
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.planUpdate(spec);
    }

    @Override
    protected void send(StackSetSpec spec) {
        provisioner.updateStackInstances(spec);
    }
}
