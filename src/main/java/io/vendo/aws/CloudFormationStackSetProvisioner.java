package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.stackset.StackSetProvisioner;
import io.vendo.execution.stackset.StackSetSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CreateStackInstancesRequest;
import software.amazon.awssdk.services.cloudformation.model.StackSetOperationPreferences;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackInstancesRequest;

/**
 * {@link StackSetProvisioner} on CloudFormation StackSets: CreateStackInstances with the spec's OperationId and
 * operation preferences, DescribeStackSetOperation, ListStackInstances. StackSets are administered from the portal's
 * own account (or a delegated administrator), in the target's region as the StackSet's home region.
 */
@Component
class CloudFormationStackSetProvisioner implements StackSetProvisioner {

    private final AwsConnection aws;

    CloudFormationStackSetProvisioner(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(StackSetSpec spec) {
        var create = createRequest(spec, spec.parameters().shown());
        var preferences = create.operationPreferences();
        var plan = new AwsPlan(spec.administration());
        plan.call("CloudFormation", "CreateStackInstances")
                .field("StackSetName", create.stackSetName())
                .field("Accounts", String.join(", ", create.accounts()))
                .field("Regions", String.join(", ", create.regions()))
                .field("OperationId", create.operationId())
                .field("OperationPreferences.RegionOrder", String.join(", ", preferences.regionOrder()))
                .field("OperationPreferences.MaxConcurrentPercentage", preferences.maxConcurrentPercentage())
                .field("OperationPreferences.FailureTolerancePercentage", preferences.failureTolerancePercentage());
        create.parameterOverrides()
                .forEach(parameter ->
                        plan.field("ParameterOverride " + parameter.parameterKey(), parameter.parameterValue()));
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
        plan.call("CloudFormation", "ListStackInstances").note("each region's outcome becomes an output");
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
                        createRequest(spec, spec.parameters().forAws())));
    }

    @Override
    public String planDeletion(StackSetSpec spec) {
        var plan = new AwsPlan(spec.administration());
        plan.call("CloudFormation", "DeleteStackInstances")
                .field("StackSetName", spec.stackSetName())
                .field("Accounts", spec.account())
                .field("Regions", String.join(", ", spec.regions()))
                .field("RetainStacks", "false")
                .field("OperationId", spec.operationId());
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
        return plan.render();
    }

    @Override
    public void deleteStackInstances(StackSetSpec spec) {
        startOperation(
                "DeleteStackInstances",
                spec,
                client -> client.deleteStackInstances(delete -> delete.stackSetName(spec.stackSetName())
                        .accounts(spec.account())
                        .regions(spec.regions())
                        .retainStacks(false)
                        .operationId(spec.operationId())
                        .operationPreferences(preferences(spec))));
    }

    @Override
    public String planUpdate(StackSetSpec spec) {
        var update = updateRequest(spec, spec.parameters().shown());
        var plan = new AwsPlan(spec.administration());
        plan.call("CloudFormation", "UpdateStackInstances")
                .field("StackSetName", update.stackSetName())
                .field("Accounts", String.join(", ", update.accounts()))
                .field("Regions", String.join(", ", update.regions()))
                .field("OperationId", update.operationId());
        update.parameterOverrides()
                .forEach(parameter ->
                        plan.field("ParameterOverride " + parameter.parameterKey(), parameter.parameterValue()));
        plan.call("CloudFormation", "DescribeStackSetOperation").note("until it is no longer RUNNING");
        return plan.render();
    }

    @Override
    public void updateStackInstances(StackSetSpec spec) {
        startOperation(
                "UpdateStackInstances",
                spec,
                client -> client.updateStackInstances(
                        updateRequest(spec, spec.parameters().forAws())));
    }

    @Override
    public OperationStatus describeOperation(StackSetSpec spec) {
        return call("DescribeStackSetOperation", () -> describe(spec));
    }

    @Override
    public List<InstanceStatus> instances(StackSetSpec spec) {
        return call("ListStackInstances", () -> aws
                .cloudFormation(spec.administration())
                .listStackInstancesPaginator(
                        list -> list.stackSetName(spec.stackSetName()).stackInstanceAccount(spec.account()))
                .summaries()
                .stream()
                .filter(instance -> spec.regions().contains(instance.region()))
                .map(instance -> new InstanceStatus(
                        instance.region(),
                        instance.statusAsString(),
                        instance.stackInstanceStatus() != null
                                ? instance.stackInstanceStatus().detailedStatusAsString()
                                : null,
                        instance.statusReason()))
                .toList());
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

    private static StackSetOperationPreferences preferences(StackSetSpec spec) {
        return StackSetOperationPreferences.builder()
                .regionOrder(spec.regions())
                .maxConcurrentPercentage(spec.maxConcurrentPercentage())
                .failureTolerancePercentage(spec.failureTolerancePercentage())
                .build();
    }

    private OperationStatus describe(StackSetSpec spec) {
        var operation = aws.cloudFormation(spec.administration())
                .describeStackSetOperation(
                        describe -> describe.stackSetName(spec.stackSetName()).operationId(spec.operationId()))
                .stackSetOperation();
        return new OperationStatus(operation.statusAsString(), operation.statusReason());
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    private static CreateStackInstancesRequest createRequest(StackSetSpec spec, Map<String, String> values) {
        return CreateStackInstancesRequest.builder()
                .stackSetName(spec.stackSetName())
                .accounts(spec.account())
                .regions(spec.regions())
                .operationId(spec.operationId())
                .operationPreferences(preferences(spec))
                .parameterOverrides(AwsShapes.cloudFormationParameters(values))
                .build();
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    private static UpdateStackInstancesRequest updateRequest(StackSetSpec spec, Map<String, String> values) {
        return UpdateStackInstancesRequest.builder()
                .stackSetName(spec.stackSetName())
                .accounts(spec.account())
                .regions(spec.regions())
                .operationId(spec.operationId())
                .operationPreferences(preferences(spec))
                .parameterOverrides(AwsShapes.cloudFormationParameters(values))
                .build();
    }
}
