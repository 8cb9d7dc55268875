package io.vendo.aws;

import io.vendo.execution.stackset.StackSetSpec;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudformation.model.AutoDeployment;
import software.amazon.awssdk.services.cloudformation.model.CallAs;
import software.amazon.awssdk.services.cloudformation.model.CreateStackInstancesRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackInstancesRequest;
import software.amazon.awssdk.services.cloudformation.model.DeploymentTargets;
import software.amazon.awssdk.services.cloudformation.model.PermissionModels;
import software.amazon.awssdk.services.cloudformation.model.StackSetOperationPreferences;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackInstancesRequest;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackSetRequest;

/**
 * The SDK requests of a {@link StackSetSpec}'s operations, built in one place so the call and its dry-run plan say the
 * same: an account's instances are named by {@code Accounts}, OUs' by {@code DeploymentTargets.OrganizationalUnitIds}
 * (service-managed permissions); the request's values are per-instance overrides for an account and the StackSet's own
 * parameters for OUs (an override would hide every later change of the StackSet's parameters). A delegated
 * administrator says so in every call ({@code CallAs=DELEGATED_ADMIN}); the management account sends no CallAs (AWS's
 * default, SELF).
 */
final class StackSetRequests {

    private StackSetRequests() {}

    /** @param values the parameters' values: plain for the call, masked for the plan */
    static CreateStackInstancesRequest create(StackSetSpec spec, Map<String, String> values) {
        var create = CreateStackInstancesRequest.builder()
                .stackSetName(spec.stackSetName())
                .callAs(callAs(spec))
                .regions(spec.regions())
                .operationId(spec.operationId())
                .operationPreferences(preferences(spec));
        if (spec.toOrganizationalUnits()) {
            // The StackSet's own parameters (set by UpdateStackSet just before) apply: no overrides.
            return create.deploymentTargets(organizationalUnits(spec)).build();
        }
        return create.accounts(spec.account())
                .parameterOverrides(AwsShapes.cloudFormationParameters(values))
                .build();
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    static UpdateStackInstancesRequest updateInstances(StackSetSpec spec, Map<String, String> values) {
        return UpdateStackInstancesRequest.builder()
                .stackSetName(spec.stackSetName())
                .callAs(callAs(spec))
                .accounts(spec.account())
                .regions(spec.regions())
                .operationId(spec.operationId())
                .operationPreferences(preferences(spec))
                .parameterOverrides(AwsShapes.cloudFormationParameters(values))
                .build();
    }

    /**
     * The StackSet's parameters become the request's values, its template stays, and the instances of the spec's OUs
     * and regions are updated with them; service-managed permissions with the blueprint's auto-deployment.
     *
     * @param values the parameters' values: plain for the call, masked for the plan
     */
    static UpdateStackSetRequest updateStackSet(StackSetSpec spec, Map<String, String> values) {
        var update = UpdateStackSetRequest.builder()
                .stackSetName(spec.stackSetName())
                .callAs(callAs(spec))
                .usePreviousTemplate(true)
                .parameters(AwsShapes.cloudFormationParameters(values))
                .capabilitiesWithStrings(spec.capabilities())
                .regions(spec.regions())
                .operationId(spec.operationId())
                .operationPreferences(preferences(spec));
        if (spec.toOrganizationalUnits()) {
            var auto = spec.autoDeployment();
            update.permissionModel(PermissionModels.SERVICE_MANAGED).deploymentTargets(organizationalUnits(spec));
            if (auto != null) {
                update.autoDeployment(AutoDeployment.builder()
                        .enabled(auto.enabled())
                        .retainStacksOnAccountRemoval(auto.enabled() ? auto.retainStacksOnAccountRemoval() : null)
                        .build());
            }
        } else {
            update.accounts(spec.account());
        }
        return update.build();
    }

    static DeleteStackInstancesRequest delete(StackSetSpec spec) {
        var delete = DeleteStackInstancesRequest.builder()
                .stackSetName(spec.stackSetName())
                .callAs(callAs(spec))
                .regions(spec.regions())
                .retainStacks(false)
                .operationId(spec.operationId())
                .operationPreferences(preferences(spec));
        return spec.toOrganizationalUnits()
                ? delete.deploymentTargets(organizationalUnits(spec)).build()
                : delete.accounts(spec.account()).build();
    }

    /** {@code DELEGATED_ADMIN} for a delegated administrator; none (SELF) for the management account. */
    static @Nullable CallAs callAs(StackSetSpec spec) {
        return spec.delegatedAdministrator() ? CallAs.DELEGATED_ADMIN : null;
    }

    static DeploymentTargets organizationalUnits(StackSetSpec spec) {
        return DeploymentTargets.builder()
                .organizationalUnitIds(spec.organizationalUnits())
                .build();
    }

    /** The blueprint's preferences; a count is sent instead of its percentage (AWS takes one of the two). */
    static StackSetOperationPreferences preferences(StackSetSpec spec) {
        var given = spec.preferences();
        var preferences = StackSetOperationPreferences.builder().regionOrder(spec.regions());
        if (given.maxConcurrentCount() != null) {
            preferences.maxConcurrentCount(given.maxConcurrentCount());
        } else {
            preferences.maxConcurrentPercentage(given.maxConcurrentPercentage());
        }
        if (given.failureToleranceCount() != null) {
            preferences.failureToleranceCount(given.failureToleranceCount());
        } else {
            preferences.failureTolerancePercentage(given.failureTolerancePercentage());
        }
        if (given.regionConcurrencyType() != null) {
            preferences.regionConcurrencyType(given.regionConcurrencyType());
        }
        return preferences.build();
    }
}
