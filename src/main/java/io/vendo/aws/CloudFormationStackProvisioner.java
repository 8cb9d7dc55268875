package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.stack.ChangeSetStatus;
import io.vendo.execution.stack.ResourceChange;
import io.vendo.execution.stack.StackProvisioner;
import io.vendo.execution.stack.StackSpec;
import io.vendo.execution.stack.StackStatus;
import io.vendo.execution.stack.StackStatus.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.ResourceChangeDetail;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * {@link StackProvisioner} on CloudFormation: CreateChangeSet with the spec's ClientToken, DescribeChangeSet,
 * ExecuteChangeSet with the spec's ClientRequestToken, DescribeStacks, DescribeStackEvents, UpdateTerminationProtection.
 */
@Component
class CloudFormationStackProvisioner implements StackProvisioner {

    /** The statuses in which a stack stands as requested; every other status not in progress is a failure. */
    private static final Set<String> TERMINAL_SUCCESS = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE");

    /** How CloudFormation says that a change set would change nothing (FAILED with this reason). */
    private static final List<String> NO_CHANGES = List.of("didn't contain changes", "No updates are to be performed");

    private final AwsConnection aws;

    CloudFormationStackProvisioner(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(StackSpec spec) {
        var create = createChangeSetRequest(spec, spec.parameters().shown());
        var plan = new AwsPlan(spec.target());
        plan.call("CloudFormation", "CreateChangeSet")
                .field("StackName", create.stackName())
                .field("ChangeSetName", create.changeSetName())
                .field("ChangeSetType", create.changeSetTypeAsString())
                .field("ClientToken", create.clientToken())
                .field("TemplateBody", spec.templateBody().length() + " characters");
        create.parameters()
                .forEach(parameter -> plan.field("Parameter " + parameter.parameterKey(), parameter.parameterValue()));
        create.capabilitiesAsStrings().forEach(capability -> plan.field("Capability", capability));
        create.tags().forEach(tag -> plan.field("Tag " + tag.key(), tag.value()));
        plan.call("CloudFormation", "DescribeChangeSet")
                .note("until CREATE_COMPLETE; its resource changes are shown on the request");
        plan.call("CloudFormation", "ExecuteChangeSet")
                .field("ChangeSetName", spec.changeSetName())
                .field("StackName", spec.stackName())
                .field("ClientRequestToken", spec.executeToken());
        plan.call("CloudFormation", "DescribeStacks")
                .note("until the stack is complete; its outputs become the request's");
        if (spec.terminationProtection()) {
            plan.call("CloudFormation", "UpdateTerminationProtection")
                    .field("StackName", spec.stackName())
                    .field("EnableTerminationProtection", "true");
        }
        return plan.render();
    }

    @Override
    public Optional<ChangeSetIds> findChangeSet(StackSpec spec) {
        return call("DescribeChangeSet", () -> {
            try {
                var changeSet = aws.cloudFormation(spec.target())
                        .describeChangeSet(
                                describe -> describe.stackName(spec.stackName()).changeSetName(spec.changeSetName()));
                return Optional.of(new ChangeSetIds(changeSet.changeSetId(), changeSet.stackId()));
            } catch (AwsServiceException e) {
                if (AwsCalls.is(e, "ChangeSetNotFound") || stackDoesNotExist(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public ChangeSetIds createChangeSet(StackSpec spec) {
        return call("CreateChangeSet", () -> {
            var created = aws.cloudFormationWrites(spec.target())
                    .createChangeSet(
                            createChangeSetRequest(spec, spec.parameters().forAws()));
            return new ChangeSetIds(created.id(), created.stackId());
        });
    }

    @Override
    public ChangeSetStatus describeChangeSet(StackSpec spec, String changeSetId) {
        return call("DescribeChangeSet", () -> {
            var client = aws.cloudFormation(spec.target());
            var page = client.describeChangeSet(describe -> describe.changeSetName(changeSetId));
            var first = page;
            var changes = new ArrayList<ResourceChange>();
            while (true) {
                addChanges(page, changes);
                if (page.nextToken() == null) {
                    break;
                }
                var token = page.nextToken();
                page = client.describeChangeSet(
                        describe -> describe.changeSetName(changeSetId).nextToken(token));
            }
            var status = first.statusAsString();
            var reason = first.statusReason();
            return new ChangeSetStatus(
                    status, first.executionStatusAsString(), reason, changeSetOutcome(status, reason), changes);
        });
    }

    @Override
    public Optional<ChangeSetStatus> changeSetIfExists(StackSpec spec, String changeSetId) {
        try {
            return Optional.of(describeChangeSet(spec, changeSetId));
        } catch (io.vendo.execution.ProvisioningException e) {
            if ("ChangeSetNotFound".equals(e.code()) || "ChangeSetNotFoundException".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void executeChangeSet(StackSpec spec, String changeSetId) {
        AwsCalls.run("ExecuteChangeSet", () -> aws.cloudFormationWrites(spec.target())
                .executeChangeSet(execute -> execute.changeSetName(changeSetId)
                        .stackName(spec.stackName())
                        .clientRequestToken(spec.executeToken())));
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
            return new StackStatus(status, stackOutcome(status), outputs);
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
                        || event.clientRequestToken().equals(spec.executeToken()))
                .filter(event -> event.resourceStatusAsString() != null
                        && event.resourceStatusAsString().endsWith("_FAILED"))
                .filter(event -> event.resourceStatusReason() != null)
                .min(Comparator.comparing(StackEvent::timestamp))
                .map(event -> event.logicalResourceId() + " " + event.resourceStatusAsString() + ": "
                        + event.resourceStatusReason()));
    }

    @Override
    public void protectFromTermination(StackSpec spec, String stackId) {
        AwsCalls.run("UpdateTerminationProtection", () -> aws.cloudFormationWrites(spec.target())
                .updateTerminationProtection(update -> update.stackName(stackId).enableTerminationProtection(true)));
    }

    private static void addChanges(DescribeChangeSetResponse page, List<ResourceChange> changes) {
        page.changes().stream()
                .filter(change -> change.resourceChange() != null)
                .map(change -> change.resourceChange())
                .forEach(change -> changes.add(new ResourceChange(
                        change.actionAsString(),
                        change.logicalResourceId(),
                        change.resourceType(),
                        change.physicalResourceId(),
                        change.replacementAsString(),
                        change.details().stream()
                                .map(CloudFormationStackProvisioner::detail)
                                .distinct()
                                .toList())));
    }

    /**
     * One detail of a resource change as people read it: what changes, whether it requires recreation, and what causes
     * it, e.g. {@code Properties.BucketName (requires recreation: Always; caused by parameter SiteName)}. Values are
     * never shown (AWS gives them only when asked, and they may be NoEcho).
     */
    private static String detail(ResourceChangeDetail detail) {
        var target = detail.target();
        var what = target == null
                ? "?"
                : target.name() == null ? target.attributeAsString() : target.attributeAsString() + "." + target.name();
        var notes = new ArrayList<String>();
        if (target != null
                && target.requiresRecreation() != null
                && !"Never".equals(target.requiresRecreationAsString())) {
            notes.add("requires recreation: " + target.requiresRecreationAsString());
        }
        if (detail.causingEntity() != null && !detail.causingEntity().isBlank()) {
            var source = detail.changeSource() == null ? "" : detail.changeSourceAsString();
            notes.add("caused by "
                    + switch (source) {
                        case "ParameterReference" -> "parameter " + detail.causingEntity();
                        case "ResourceReference", "ResourceAttribute" -> "resource " + detail.causingEntity();
                        default -> detail.causingEntity();
                    });
        } else if (detail.changeSource() != null && "DirectModification".equals(detail.changeSourceAsString())) {
            notes.add("changed in the template");
        }
        return notes.isEmpty() ? what : what + " (" + String.join("; ", notes) + ")";
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    private static CreateChangeSetRequest createChangeSetRequest(StackSpec spec, Map<String, String> values) {
        var request = CreateChangeSetRequest.builder()
                .stackName(spec.stackName())
                .changeSetName(spec.changeSetName())
                .changeSetType(spec.update() ? ChangeSetType.UPDATE : ChangeSetType.CREATE)
                .clientToken(spec.createToken())
                .description("Vendo request " + spec.requestId())
                .templateBody(spec.templateBody())
                .parameters(AwsShapes.cloudFormationParameters(values))
                .capabilities(
                        spec.capabilities().stream().map(Capability::fromValue).toList());
        // An update without tags leaves the stack's own (an empty list would remove them all).
        if (!spec.update() || !spec.tags().isEmpty()) {
            request.tags(AwsShapes.cloudFormationTags(spec.tags()));
        }
        return request.build();
    }

    private static ChangeSetStatus.Outcome changeSetOutcome(String status, String reason) {
        return switch (status) {
            case "CREATE_COMPLETE" -> ChangeSetStatus.Outcome.READY;
            case "CREATE_PENDING", "CREATE_IN_PROGRESS" -> ChangeSetStatus.Outcome.PENDING;
            default ->
                reason != null && NO_CHANGES.stream().anyMatch(reason::contains)
                        ? ChangeSetStatus.Outcome.NO_CHANGES
                        : ChangeSetStatus.Outcome.FAILED;
        };
    }

    private static Outcome stackOutcome(String status) {
        if (TERMINAL_SUCCESS.contains(status)) {
            return Outcome.SUCCEEDED;
        }
        if (status.endsWith("_IN_PROGRESS")) {
            return Outcome.IN_PROGRESS;
        }
        // *_FAILED, *ROLLBACK_COMPLETE, DELETE_*: what was asked for did not stand.
        return Outcome.FAILED;
    }

    private static boolean stackDoesNotExist(AwsServiceException e) {
        return AwsCalls.is(e, "ValidationError", "does not exist");
    }
}
