package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.stackset.StackSetProvisioner;
import io.vendo.execution.stackset.StackSetSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackSetOperationPreferences;

/**
 * {@link StackSetProvisioner} on CloudFormation StackSets: CreateStackInstances, UpdateStackSet, UpdateStackInstances
 * and DeleteStackInstances with the spec's OperationId and operation preferences ({@link StackSetRequests} builds
 * them), DescribeStackSetOperation, ListStackInstances. StackSets are administered from the portal's own account, or
 * from the target's account as a delegated administrator (through its role, every call with CallAs=DELEGATED_ADMIN), in
 * the target's region as the StackSet's home region.
 */
@Component
class CloudFormationStackSetProvisioner implements StackSetProvisioner {

    private final AwsConnection aws;

    CloudFormationStackSetProvisioner(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(StackSetSpec spec) {
        var plan = new AwsPlan(spec.administration());
        if (spec.toOrganizationalUnits()) {
            planStackSetUpdate(plan, spec.stackSetUpdate());
        }
        var create = StackSetRequests.create(spec, spec.parameters().shown());
        instancesCall(plan, "CreateStackInstances", spec, create.operationPreferences(), create.parameterOverrides());
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
        plan.call("CloudFormation", "ListStackInstances").note("each account's and region's outcome becomes an output");
        return plan.render();
    }

    @Override
    public Optional<OperationStatus> findOperation(StackSetSpec spec) {
        return call("DescribeStackSetOperation", () -> {
            try {
                return Optional.of(describe(spec));
            } catch (AwsServiceException e) {
                if (AwsCalls.is(e, "OperationNotFoundException")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void createStackInstances(StackSetSpec spec) {
        startOperation(
                "CreateStackInstances",
                spec,
                client -> client.createStackInstances(
                        StackSetRequests.create(spec, spec.parameters().forAws())));
    }

    @Override
    public String planDeletion(StackSetSpec spec) {
        var plan = new AwsPlan(spec.administration());
        plan.call("CloudFormation", "DeleteStackInstances").field("StackSetName", spec.stackSetName());
        callAs(plan, spec);
        targets(plan, spec);
        plan.field("RetainStacks", "false").field("OperationId", spec.operationId());
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
        return plan.render();
    }

    @Override
    public void deleteStackInstances(StackSetSpec spec) {
        startOperation(
                "DeleteStackInstances", spec, client -> client.deleteStackInstances(StackSetRequests.delete(spec)));
    }

    @Override
    public String planUpdate(StackSetSpec spec) {
        var plan = new AwsPlan(spec.administration());
        if (spec.toOrganizationalUnits()) {
            planStackSetUpdate(plan, spec);
        } else {
            var update =
                    StackSetRequests.updateInstances(spec, spec.parameters().shown());
            instancesCall(
                    plan, "UpdateStackInstances", spec, update.operationPreferences(), update.parameterOverrides());
        }
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
        return plan.render();
    }

    @Override
    public void updateStackInstances(StackSetSpec spec) {
        startOperation(
                "UpdateStackInstances",
                spec,
                client -> client.updateStackInstances(
                        StackSetRequests.updateInstances(spec, spec.parameters().forAws())));
    }

    @Override
    public void updateStackSet(StackSetSpec spec) {
        startOperation(
                "UpdateStackSet",
                spec,
                client -> client.updateStackSet(
                        StackSetRequests.updateStackSet(spec, spec.parameters().forAws())));
    }

    @Override
    public OperationStatus describeOperation(StackSetSpec spec) {
        return call("DescribeStackSetOperation", () -> describe(spec));
    }

    @Override
    public List<InstanceStatus> instances(StackSetSpec spec) {
        return call("ListStackInstances", () -> aws
                .cloudFormation(spec.administration())
                .listStackInstancesPaginator(list -> {
                    list.stackSetName(spec.stackSetName()).callAs(StackSetRequests.callAs(spec));
                    if (!spec.toOrganizationalUnits()) {
                        list.stackInstanceAccount(spec.account());
                    }
                })
                .summaries()
                .stream()
                .filter(instance -> spec.regions().contains(instance.region()))
                .filter(instance -> !spec.toOrganizationalUnits()
                        || spec.organizationalUnits().contains(instance.organizationalUnitId()))
                .map(instance -> new InstanceStatus(
                        instance.account(),
                        instance.organizationalUnitId(),
                        instance.region(),
                        instance.statusAsString(),
                        instance.stackInstanceStatus() != null
                                ? instance.stackInstanceStatus().detailedStatusAsString()
                                : null,
                        instance.statusReason(),
                        instance.driftStatusAsString()))
                .toList());
    }

    private static void planStackSetUpdate(AwsPlan plan, StackSetSpec spec) {
        var update = StackSetRequests.updateStackSet(spec, spec.parameters().shown());
        plan.call("CloudFormation", "UpdateStackSet")
                .field("StackSetName", update.stackSetName())
                .field("UsePreviousTemplate", "true");
        callAs(plan, spec);
        if (update.permissionModel() != null) {
            plan.field("PermissionModel", update.permissionModelAsString());
        }
        targets(plan, spec);
        plan.field("OperationId", update.operationId());
        preferences(plan, update.operationPreferences());
        if (update.autoDeployment() != null) {
            plan.field("AutoDeployment.Enabled", update.autoDeployment().enabled());
            if (update.autoDeployment().retainStacksOnAccountRemoval() != null) {
                plan.field(
                        "AutoDeployment.RetainStacksOnAccountRemoval",
                        update.autoDeployment().retainStacksOnAccountRemoval());
            }
        }
        if (!update.capabilitiesAsStrings().isEmpty()) {
            plan.field("Capabilities", String.join(", ", update.capabilitiesAsStrings()));
        }
        update.parameters()
                .forEach(parameter -> plan.field("Parameter " + parameter.parameterKey(), parameter.parameterValue()));
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
    }

    /** A call on the spec's stack instances as the plan shows it, its overrides (masked for NoEcho) last. */
    private static void instancesCall(
            AwsPlan plan,
            String call,
            StackSetSpec spec,
            StackSetOperationPreferences preferences,
            List<Parameter> overrides) {
        plan.call("CloudFormation", call).field("StackSetName", spec.stackSetName());
        callAs(plan, spec);
        targets(plan, spec);
        plan.field("OperationId", spec.operationId());
        preferences(plan, preferences);
        overrides.forEach(
                parameter -> plan.field("ParameterOverride " + parameter.parameterKey(), parameter.parameterValue()));
    }

    private static void callAs(AwsPlan plan, StackSetSpec spec) {
        var callAs = StackSetRequests.callAs(spec);
        if (callAs != null) {
            plan.field("CallAs", callAs.toString());
        }
    }

    private static void targets(AwsPlan plan, StackSetSpec spec) {
        if (spec.toOrganizationalUnits()) {
            plan.field("DeploymentTargets.OrganizationalUnitIds", String.join(", ", spec.organizationalUnits()));
        } else {
            plan.field("Accounts", spec.account());
        }
        plan.field("Regions", String.join(", ", spec.regions()));
    }

    private static void preferences(AwsPlan plan, StackSetOperationPreferences preferences) {
        plan.field("OperationPreferences.RegionOrder", String.join(", ", preferences.regionOrder()));
        if (preferences.regionConcurrencyType() != null) {
            plan.field("OperationPreferences.RegionConcurrencyType", preferences.regionConcurrencyTypeAsString());
        }
        if (preferences.maxConcurrentCount() != null) {
            plan.field("OperationPreferences.MaxConcurrentCount", preferences.maxConcurrentCount());
        } else {
            plan.field("OperationPreferences.MaxConcurrentPercentage", preferences.maxConcurrentPercentage());
        }
        if (preferences.failureToleranceCount() != null) {
            plan.field("OperationPreferences.FailureToleranceCount", preferences.failureToleranceCount());
        } else {
            plan.field("OperationPreferences.FailureTolerancePercentage", preferences.failureTolerancePercentage());
        }
    }

    /** Sends the call that starts the spec's operation through the client that never retries it. */
    private void startOperation(String operation, StackSetSpec spec, Consumer<CloudFormationClient> send) {
        AwsCalls.run(operation, () -> {
            try {
                send.accept(aws.cloudFormationWrites(spec.administration()));
            } catch (AwsServiceException e) {
                // The same OperationId again: AWS has the operation already, which is what was asked for.
                if (!AwsCalls.is(e, "OperationIdAlreadyExistsException")) {
                    throw e;
                }
            }
        });
    }

    private OperationStatus describe(StackSetSpec spec) {
        var operation = aws.cloudFormation(spec.administration())
                .describeStackSetOperation(describe -> describe.stackSetName(spec.stackSetName())
                        .operationId(spec.operationId())
                        .callAs(StackSetRequests.callAs(spec)))
                .stackSetOperation();
        return new OperationStatus(operation.statusAsString(), operation.statusReason());
    }
}
