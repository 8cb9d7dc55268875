package io.vendo.execution.stackset;

import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.Job;
import io.vendo.request.RequestKind;
import org.springframework.stereotype.Component;

/** DECOMMISSION of STACK_SET environments: DeleteStackInstances (their stacks too) of the environment's instances. */
@Component
class StackSetInstanceDeletionExecutor extends StackSetInstancesExecutor {

    StackSetInstanceDeletionExecutor(StackSetProvisioner provisioner) {
        super(provisioner, "STACK_SET deletion", RequestKind.DECOMMISSION, ExecutionPhase.DELETE_STACK_INSTANCES);
    }

    @Override
    protected String call(StackSetSpec spec) {
        return "DeleteStackInstances";
    }

    @Override
    protected String tokenOperation(Job job) {
        return "delete-stack-instances";
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.planDeletion(spec);
    }

    @Override
    protected void send(StackSetSpec spec) {
        provisioner.deleteStackInstances(spec);
    }
}
