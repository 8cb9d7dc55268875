package io.vendo.execution.stackset;

import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.Job;
import io.vendo.request.RequestKind;
import org.springframework.stereotype.Component;

/**
 * UPDATE of STACK_SET environments. An account's instances: UpdateStackInstances with the request's values as
 * per-instance overrides. Organizational units' instances: UpdateStackSet makes the values the StackSet's own
 * parameters (its template kept) and rolls them out to the OUs' instances under the blueprint's operation preferences.
 */
@Component
class StackSetInstanceUpdateExecutor extends StackSetInstancesExecutor {

    StackSetInstanceUpdateExecutor(StackSetProvisioner provisioner) {
        super(provisioner, "STACK_SET update", RequestKind.UPDATE, ExecutionPhase.UPDATE_STACK_INSTANCES);
    }

    @Override
    protected String call(StackSetSpec spec) {
        return spec.toOrganizationalUnits() ? StackSetExecutor.UPDATE_STACK_SET : "UpdateStackInstances";
    }

    @Override
    protected String tokenOperation(Job job) {
        return job.handles().containsKey(StackSetSpec.ORGANIZATIONAL_UNITS)
                ? StackSetSpec.STACK_SET_UPDATE
                : "update-stack-instances";
    }

    @Override
    protected String plan(StackSetSpec spec) {
        return provisioner.planUpdate(spec);
    }

    @Override
    protected void send(StackSetSpec spec) {
        if (spec.toOrganizationalUnits()) {
            provisioner.updateStackSet(spec);
        } else {
            provisioner.updateStackInstances(spec);
        }
    }
}
