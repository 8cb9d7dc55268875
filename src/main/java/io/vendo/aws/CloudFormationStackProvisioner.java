package io.vendo.aws;

import io.vendo.execution.ProvisioningException;
import io.vendo.execution.StackProvisioner;
import io.vendo.execution.StackSpec;
import io.vendo.execution.StackStatus;
import io.vendo.execution.StackStatus.Outcome;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/** {@link StackProvisioner} on CloudFormation: CreateStack with the spec's token, DescribeStacks, DescribeStackEvents. */
@Component
class CloudFormationStackProvisioner implements StackProvisioner {

    /** The status in which a newly created stack stands complete; every other non-in-progress status is a failure. */
    private static final Set<String> TERMINAL_SUCCESS = Set.of("CREATE_COMPLETE");

    private final AwsConnection aws;

    CloudFormationStackProvisioner(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public boolean live() {
        return aws.live();
    }

    @Override
    public String plan(StackSpec spec) {
        var create = createRequest(spec);
        var plan = new StringBuilder()
                .append("CloudFormation CreateStack in account ")
                .append(spec.target().accountId())
                .append(", region ")
                .append(spec.target().region());
        if (spec.target().roleArn() != null) {
            plan.append(", as ").append(spec.target().roleArn());
        }
        plan.append("\n  StackName: ").append(create.stackName());
        plan.append("\n  ClientRequestToken: ").append(create.clientRequestToken());
        plan.append("\n  TemplateBody: ").append(spec.templateBody().length()).append(" characters");
        create.parameters().forEach(parameter -> plan.append("\n  Parameter ")
                .append(parameter.parameterKey())
                .append(" = ")
                .append(parameter.parameterValue()));
        create.capabilitiesAsStrings()
                .forEach(capability -> plan.append("\n  Capability ").append(capability));
        create.tags()
                .forEach(tag ->
                        plan.append("\n  Tag ").append(tag.key()).append(" = ").append(tag.value()));
        return plan.toString();
    }

    @Override
    public Optional<String> findStackId(StackSpec spec) {
        return call("DescribeStacks", () -> {
            try {
                return aws
                        .cloudFormation(spec.target())
                        .describeStacks(describe -> describe.stackName(spec.stackName()))
                        .stacks()
                        .stream()
                        .findFirst()
                        .map(Stack::stackId);
            } catch (AwsServiceException e) {
                if (stackDoesNotExist(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public String createStack(StackSpec spec) {
        return call("CreateStack", () -> aws.cloudFormation(spec.target())
                .createStack(createRequest(spec))
                .stackId());
    }

    @Override
    public StackStatus describeStack(StackSpec spec, String stackId) {
        return call("DescribeStacks", () -> {
            var stack = aws.cloudFormation(spec.target())
                    .describeStacks(describe -> describe.stackName(stackId))
                    .stacks()
                    .getFirst();
            var status = stack.stackStatusAsString();
            var outputs = new LinkedHashMap<String, String>();
            stack.outputs().forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
            return new StackStatus(status, outcome(status), outputs);
        });
    }

    @Override
    public Optional<String> firstFailureReason(StackSpec spec, String stackId) {
        return call("DescribeStackEvents", () -> aws
                .cloudFormation(spec.target())
                .describeStackEventsPaginator(events -> events.stackName(stackId))
                .stackEvents()
                .stream()
                .filter(event -> event.clientRequestToken() == null
                        || event.clientRequestToken().equals(spec.clientRequestToken()))
                .filter(event -> event.resourceStatusAsString() != null
                        && event.resourceStatusAsString().endsWith("_FAILED"))
                .filter(event -> event.resourceStatusReason() != null)
                .min(Comparator.comparing(StackEvent::timestamp))
                .map(event -> event.logicalResourceId() + " " + event.resourceStatusAsString() + ": "
                        + event.resourceStatusReason()));
    }

    private static CreateStackRequest createRequest(StackSpec spec) {
        return CreateStackRequest.builder()
                .stackName(spec.stackName())
                .clientRequestToken(spec.clientRequestToken())
                .templateBody(spec.templateBody())
                .parameters(spec.parameters().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> Parameter.builder()
                                .parameterKey(entry.getKey())
                                .parameterValue(entry.getValue())
                                .build())
                        .toList())
                .capabilities(
                        spec.capabilities().stream().map(Capability::fromValue).toList())
                .tags(spec.tags().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> Tag.builder()
                                .key(entry.getKey())
                                .value(entry.getValue())
                                .build())
                        .toList())
                .build();
    }

    private static Outcome outcome(String status) {
        if (TERMINAL_SUCCESS.contains(status)) {
            return Outcome.SUCCEEDED;
        }
        if (status.endsWith("_IN_PROGRESS")) {
            return Outcome.IN_PROGRESS;
        }
        // CREATE_FAILED, ROLLBACK_COMPLETE, ROLLBACK_FAILED, DELETE_*: the create did not stand.
        return Outcome.FAILED;
    }

    private static boolean stackDoesNotExist(AwsServiceException e) {
        return e.statusCode() == 400
                && e.awsErrorDetails() != null
                && "ValidationError".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist");
    }

    /** Maps SDK failures (after the SDK's own retries) to the executor's terms: retry later, or give up. */
    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            var details = e.awsErrorDetails();
            var code = details != null ? details.errorCode() : String.valueOf(e.statusCode());
            var message = details != null ? details.errorMessage() : e.getMessage();
            var retryable = e.isThrottlingException() || e.statusCode() >= 500;
            throw new ProvisioningException("%s failed: %s: %s".formatted(operation, code, message), retryable, e);
        } catch (SdkClientException e) {
            throw new ProvisioningException("%s failed: %s".formatted(operation, e.getMessage()), true, e);
        } catch (SdkException e) {
            throw new ProvisioningException("%s failed: %s".formatted(operation, e.getMessage()), false, e);
        }
    }
}
