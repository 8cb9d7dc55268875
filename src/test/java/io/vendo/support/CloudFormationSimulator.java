package io.vendo.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stateful CloudFormation (and STS AssumeRole) behind WireMock, on the query protocol: stacks exist once created,
 * CreateStack is idempotent per ClientRequestToken and refuses a second stack of the same name, CreateChangeSet is
 * idempotent per ClientToken and refuses the same name with another token, a change set executes once (again only
 * with the same ClientRequestToken), and a stack completes a set time after it was started. Errors are CloudFormation's
 * own codes and messages in its XML error format. It can hold responses (for killing a worker inside a call) and inject
 * throttling, 5xx and connection resets, some of them after the call took effect (a lost response). It keeps the
 * times each stack was started and seen complete, so tests can measure how many operations were in flight.
 */
public final class CloudFormationSimulator implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "cloudformation-simulator";
    private static final String CFN_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final Pattern ACCOUNT_IN_ROLE = Pattern.compile("arn:aws:iam::(\\d{12}):role/.*");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");
    /** The region of a SigV4 credential scope: {@code Credential=<key>/<date>/<region>/<service>/aws4_request}. */
    private static final Pattern SIGNED_REGION = Pattern.compile("Credential=[A-Z0-9]+/\\d{8}/([a-z0-9-]+)/");

    private final Map<String, Stack> stacks = new ConcurrentHashMap<>();
    private final Map<String, String> namesById = new ConcurrentHashMap<>();
    private volatile Duration stackDuration = Duration.ZERO;
    private final StackSetSimulator stackSets = new StackSetSimulator(() -> stackDuration);
    /** What differs from its template, by stack name: a detection reports what was set when it started. */
    private final Map<String, List<ResourceDrift>> drifts = new ConcurrentHashMap<>();
    /** Every drift detection by its id. */
    private final Map<String, Detection> detections = new ConcurrentHashMap<>();

    private volatile Duration detectionDuration = Duration.ZERO;
    /** Resources (logical id → type) that every stack's template retains on deletion (DeletionPolicy: Retain). */
    private final Map<String, String> retained = new ConcurrentHashMap<>();

    private volatile List<SimulatedChange> updateChanges = List.of();
    private volatile String[] updateFailure;
    private volatile Map<String, String> outputTemplates = Map.of();

    private volatile Map<String, Duration> holds = Map.of();
    private volatile double faultRate;
    private volatile double throttledShare = 0.25;
    private volatile boolean stsRefuses;
    private volatile Random random = new Random(42);
    private final Map<String, java.util.Deque<String>> scripted = new HashMap<>();
    /** Outputs of the stacks whose name contains the key, as DescribeStacks reports them once complete. */
    private final Map<String, Map<String, String>> outputs = new ConcurrentHashMap<>();
    /** Stacks whose name contains one of these roll back instead of completing. */
    private final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();

    private final Map<String, String[]> deletionFailures = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Stacks whose name contains {@code namePart} complete with these outputs. */
    public void outputs(String namePart, Map<String, String> values) {
        outputs.put(namePart, Map.copyOf(values));
    }

    /** Stacks whose name contains {@code namePart} roll back (ROLLBACK_COMPLETE) instead of completing. */
    public void rollBack(String namePart) {
        failing.add(namePart);
    }

    private boolean rollsBack(String stackName) {
        return failing.stream().anyMatch(stackName::contains);
    }

    /** A deletion that ended in DELETE_FAILED: the stack stays, its status says so, until it is deleted again. */
    private boolean deletionFailed(Stack stack) {
        return stack.deletionFailure != null
                && stack.deleteStartedAt != 0
                && System.currentTimeMillis() - stack.deleteStartedAt >= stackDuration.toMillis();
    }

    /** A creation that rolled back: the stack holds nothing but its name until it is deleted. */
    private boolean rolledBack(Stack stack) {
        return stack.rollsBack
                && stack.deleteStartedAt == 0
                && stack.startedAt != 0
                && System.currentTimeMillis() - stack.startedAt >= stackDuration.toMillis();
    }

    /**
     * Stacks whose name contains {@code namePart} end their next deletion in DELETE_FAILED, the resource named failing
     * with the reason, as CloudFormation reports a resource it could not delete; decided when the deletion starts.
     */
    public synchronized void failDeletion(String namePart, String logicalId, String reason) {
        deletionFailures.put(namePart, new String[] {logicalId, reason});
    }

    /** Deletions started from now on succeed. */
    public synchronized void deleteNormally() {
        deletionFailures.clear();
    }

    /** Stacks created from now on roll back no more (those that rolled back stay ROLLBACK_COMPLETE). */
    public void rollBackNothing() {
        failing.clear();
    }

    /** Forgets every stack and setting. */
    public synchronized void reset() {
        outputs.clear();
        failing.clear();
        deletionFailures.clear();
        stacks.clear();
        namesById.clear();
        stackSets.reset();
        drifts.clear();
        detections.clear();
        detectionDuration = Duration.ZERO;
        stackDuration = Duration.ZERO;
        retained.clear();
        updateChanges = List.of();
        updateFailure = null;
        outputTemplates = Map.of();
        holds = Map.of();
        faultRate = 0;
        throttledShare = 0.25;
        stsRefuses = false;
        scripted.clear();
        random = new Random(42);
    }

    /** Forgets the stacks (and so the measurements) but keeps the settings, e.g. after a warm-up. */
    public synchronized void forgetStacks() {
        stacks.clear();
        namesById.clear();
    }

    /** How long a stack takes from its start (CreateStack, ExecuteChangeSet) to CREATE_COMPLETE. */
    public void stackDuration(Duration duration) {
        this.stackDuration = duration;
    }

    /** Answers every call of this action only after the delay (the call takes effect at once). */
    public synchronized void hold(String action, Duration delay) {
        var copy = new HashMap<>(holds);
        copy.put(action, delay);
        holds = Map.copyOf(copy);
    }

    /**
     * Fails this share of calls: a quarter each with throttling, a 500, a connection reset before the call takes effect
     * and one after it did (a lost response: the caller never learns that it did).
     */
    public void faults(double rate, long seed) {
        faults(rate, 0.25, seed);
    }

    /**
     * Fails this share of calls, {@code throttled} of them with throttling and the rest in equal parts with a 500, a
     * connection reset before the call takes effect and one after it did.
     */
    public synchronized void faults(double rate, double throttled, long seed) {
        this.random = new Random(seed);
        this.throttledShare = throttled;
        this.faultRate = rate;
    }

    /**
     * The next calls of this action fail, one per code in order, before they take effect: {@code Throttling} (400),
     * {@code InternalFailure} (500), {@code ConnectionReset}; random faults apply only after these.
     */
    public synchronized void failNext(String action, String... codes) {
        scripted.computeIfAbsent(action, key -> new java.util.ArrayDeque<>()).addAll(List.of(codes));
    }

    /** Every stack by name, with the account that created it. */
    public Map<String, Stack> stacks() {
        return Map.copyOf(stacks);
    }

    /**
     * The most operations that were in flight at once in the account ({@code null}: all accounts), from each stack's
     * start until its caller was first told it is complete.
     */
    public int maxInFlight(String account) {
        return maxInFlight(stack -> account == null || account.equals(stack.account));
    }

    /**
     * The most operations that were in flight at once in the region (the one the call that created the stack was
     * signed for), across accounts, measured as {@link #maxInFlight(String)}.
     */
    public int maxInFlightInRegion(String region) {
        return maxInFlight(stack -> region.equals(stack.region));
    }

    private int maxInFlight(java.util.function.Predicate<Stack> counted) {
        var edges = new ArrayList<long[]>();
        for (var stack : stacks.values()) {
            if (stack.startedAt == 0 || !counted.test(stack)) {
                continue;
            }
            edges.add(new long[] {stack.startedAt, 1});
            edges.add(new long[] {stack.seenCompleteAt == 0 ? Long.MAX_VALUE : stack.seenCompleteAt, -1});
        }
        // Ends sort before starts at the same instant: a slot freed and taken in one millisecond is one operation.
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0, max = 0;
        for (var edge : edges) {
            current += (int) edge[1];
            max = Math.max(max, current);
        }
        return max;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        var form = form(request.getBodyAsString());
        var action = form.getOrDefault("Action", "");
        var account = accountOf(request.getHeader("Authorization"));
        var region = regionOf(request.getHeader("Authorization"));
        var fault = fault(action);
        if (fault == Injected.RESET_BEFORE) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (fault == Injected.THROTTLE) {
            return error(400, "Throttling", "Rate exceeded").build();
        }
        if (fault == Injected.SERVER_ERROR) {
            return error(500, "InternalFailure", "We encountered an internal error. Please try again.")
                    .build();
        }
        var response =
                switch (action) {
                    case "AssumeRole" -> assumeRole(form);
                    case "GetCallerIdentity" -> callerIdentity(account);
                    case "CreateStack" -> createStack(form, account, region, true);
                    case "CreateChangeSet" -> createChangeSet(form, account, region);
                    case "DescribeChangeSet" -> describeChangeSet(form);
                    case "ExecuteChangeSet" -> executeChangeSet(form);
                    case "DescribeStacks" -> describeStacks(form);
                    case "DescribeStackEvents" -> describeStackEvents(form);
                    case "DeleteStack" -> deleteStack(form);
                    case "UpdateTerminationProtection" -> updateTerminationProtection(form);
                    case "CreateStackInstances", "DeleteStackInstances", "UpdateStackInstances", "UpdateStackSet" ->
                        stackSets.refusal(form, account).orElseGet(() -> stackSets.start(form, action));
                    case "DescribeStackSetOperation" ->
                        stackSets.refusal(form, account).orElseGet(() -> stackSets.describe(form));
                    case "ListStackInstances" ->
                        stackSets.refusal(form, account).orElseGet(() -> stackSets.list(form));
                    case "DetectStackDrift" -> detectStackDrift(form);
                    case "DescribeStackDriftDetectionStatus" -> describeDriftDetection(form);
                    case "DescribeStackResourceDrifts" -> describeResourceDrifts(form);
                    default -> error(400, "InvalidAction", "Not simulated: " + action);
                };
        if (fault == Injected.RESET_AFTER) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        var hold = holds.get(action);
        if (hold != null) {
            response.withFixedDelay((int) hold.toMillis());
        }
        return response.build();
    }

    /**
     * STS refuses the portal's own credentials (GetCallerIdentity answers InvalidClientTokenId), as it does for
     * deactivated or deleted access keys; false: it accepts them again.
     */
    public void stsRefuses(boolean refuses) {
        this.stsRefuses = refuses;
    }

    private ResponseDefinitionBuilder callerIdentity(String account) {
        if (stsRefuses) {
            return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        var id = account.matches("\\d{12}") ? account : "111122223333";
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        """
                        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <GetCallerIdentityResult>
                            <Arn>arn:aws:iam::%1$s:user/vendo-portal</Arn>
                            <UserId>AIDAVENDOPORTAL0001</UserId>
                            <Account>%1$s</Account>
                          </GetCallerIdentityResult>
                          <ResponseMetadata><RequestId>sts-sim-identity</RequestId></ResponseMetadata>
                        </GetCallerIdentityResponse>"""
                                .formatted(id));
    }

    private ResponseDefinitionBuilder assumeRole(Map<String, String> form) {
        var matcher = ACCOUNT_IN_ROLE.matcher(form.getOrDefault("RoleArn", ""));
        var account = matcher.matches() ? matcher.group(1) : "000000000000";
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        """
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <Credentials>
                              <AccessKeyId>ASIA%sSIM</AccessKeyId>
                              <SecretAccessKey>assumed-secret</SecretAccessKey>
                              <SessionToken>assumed-session-token</SessionToken>
                              <Expiration>2099-01-01T00:00:00Z</Expiration>
                            </Credentials>
                            <AssumedRoleUser>
                              <Arn>arn:aws:sts::%s:assumed-role/VendoExecution/vendo</Arn>
                              <AssumedRoleId>AROAVENDO:vendo</AssumedRoleId>
                            </AssumedRoleUser>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>sts-sim</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>"""
                                .formatted(account, account));
    }

    private synchronized ResponseDefinitionBuilder createStack(
            Map<String, String> form, String account, String region, boolean start) {
        var name = form.get("StackName");
        var token = form.get("ClientRequestToken");
        var existing = stacks.get(name);
        if (existing != null) {
            if (token != null && token.equals(existing.token)) {
                return xml(200, "CreateStack", "<StackId>" + existing.id + "</StackId>");
            }
            return error(400, "AlreadyExistsException", "Stack [" + name + "] already exists");
        }
        var stack = new Stack(name, stackId(account, name), token, account);
        stack.region = region;
        if (start) {
            stack.startedAt = System.currentTimeMillis();
            stack.rollsBack = rollsBack(name);
        }
        stacks.put(name, stack);
        namesById.put(stack.id, name);
        return xml(200, "CreateStack", "<StackId>" + stack.id + "</StackId>");
    }

    /**
     * As CloudFormation: a CREATE change set creates its stack (REVIEW_IN_PROGRESS); the same name again is the same
     * change set only with the same ClientToken, otherwise AlreadyExistsException; a CREATE change set for a stack that
     * already stands, or an UPDATE one for a stack that does not exist, is a ValidationError. A stack may have several
     * change sets; an UPDATE one that changes neither parameters nor template FAILED with CloudFormation's "didn't
     * contain changes", one that does lists the {@link #changesOnUpdate resource changes set for updates}.
     */
    private synchronized ResponseDefinitionBuilder createChangeSet(
            Map<String, String> form, String account, String region) {
        var name = form.get("StackName");
        var changeSetName = form.get("ChangeSetName");
        var token = form.get("ClientToken");
        var create = "CREATE".equals(form.get("ChangeSetType"));
        var stack = stacks.get(namesById.getOrDefault(name, name));
        if (stack == null) {
            if (!create) {
                return error(400, "ValidationError", "Stack [" + name + "] does not exist");
            }
            stack = new Stack(name, stackId(account, name), token, account);
            stack.region = region;
            stacks.put(name, stack);
            namesById.put(stack.id, name);
        } else if (stack.changeSets.containsKey(changeSetName)) {
            var existing = stack.changeSets.get(changeSetName);
            if (token == null || !token.equals(existing.token)) {
                return error(
                        400,
                        "AlreadyExistsException",
                        "ChangeSet " + changeSetName + " cannot be created due to a mismatch with existing attribute"
                                + " ClientToken");
            }
            return xml(200, "CreateChangeSet", "<Id>%s</Id><StackId>%s</StackId>".formatted(existing.id, stack.id));
        } else if (rolledBack(stack)) {
            // As CloudFormation: only DeleteStack frees the name of a stack whose creation rolled back.
            return error(
                    400,
                    "ValidationError",
                    "Stack:%s is in ROLLBACK_COMPLETE state and can not be updated.".formatted(stack.id));
        } else if (create && stack.startedAt != 0) {
            return error(
                    400,
                    "ValidationError",
                    "Stack [%s] already exists and cannot be created again with the changeSet [%s]."
                            .formatted(name, changeSetName));
        }
        var parameters = new java.util.LinkedHashMap<String, String>();
        for (int i = 1; form.containsKey("Parameters.member." + i + ".ParameterKey"); i++) {
            parameters.put(
                    form.get("Parameters.member." + i + ".ParameterKey"),
                    form.getOrDefault("Parameters.member." + i + ".ParameterValue", ""));
        }
        var changeSet = new ChangeSet(
                changeSetName,
                changeSetArn(stack, changeSetName),
                token,
                create,
                parameters,
                form.getOrDefault("TemplateBody", ""),
                form.keySet().stream().anyMatch(key -> key.startsWith("Tags")));
        if (!create) {
            var same = parameters.equals(stack.effectiveParameters()) && changeSet.template.equals(stack.template);
            changeSet.noChanges = same;
            changeSet.changes = same ? List.of() : updateChanges;
        }
        stack.changeSets.put(changeSetName, changeSet);
        return xml(200, "CreateChangeSet", "<Id>%s</Id><StackId>%s</StackId>".formatted(changeSet.id, stack.id));
    }

    private ResponseDefinitionBuilder describeChangeSet(Map<String, String> form) {
        var found = changeSetFor(form.get("StackName"), form.get("ChangeSetName"));
        if (found == null) {
            return error(404, "ChangeSetNotFound", "ChangeSet [" + form.get("ChangeSetName") + "] does not exist");
        }
        var stack = found.stack();
        var changeSet = found.changeSet();
        var status = changeSet.noChanges ? "FAILED" : "CREATE_COMPLETE";
        var reason = changeSet.noChanges
                ? "<StatusReason>The submitted information didn't contain changes. Submit different information to"
                        + " create a change set.</StatusReason>"
                : "";
        var changes = new StringBuilder();
        for (var change : changeSet.changes) {
            changes.append(change.xml());
        }
        return xml(
                200,
                "DescribeChangeSet",
                """
                <ChangeSetName>%s</ChangeSetName><ChangeSetId>%s</ChangeSetId><StackId>%s</StackId>
                <StackName>%s</StackName><Status>%s</Status>%s
                <ExecutionStatus>%s</ExecutionStatus><Changes>%s</Changes>"""
                        .formatted(
                                changeSet.name,
                                changeSet.id,
                                stack.id,
                                stack.name,
                                status,
                                reason,
                                executionStatus(stack, changeSet),
                                changes));
    }

    /**
     * As CloudFormation: a change set executes once. ExecuteChangeSet again with the same ClientRequestToken is the
     * same call (accepted, nothing happens); with another token, or none, it is InvalidChangeSetStatus, as it is for a
     * change set that is not AVAILABLE (OBSOLETE, or without changes). Executing a change set makes the stack's other
     * change sets OBSOLETE.
     */
    private synchronized ResponseDefinitionBuilder executeChangeSet(Map<String, String> form) {
        var found = changeSetFor(form.get("StackName"), form.get("ChangeSetName"));
        if (found == null) {
            return error(404, "ChangeSetNotFound", "ChangeSet [" + form.get("ChangeSetName") + "] does not exist");
        }
        var stack = found.stack();
        var changeSet = found.changeSet();
        var token = form.get("ClientRequestToken");
        if (changeSet.executedAt != 0) {
            if (token != null && token.equals(changeSet.executeToken)) {
                return xml(200, "ExecuteChangeSet", "");
            }
            return invalidStatus(stack, changeSet);
        }
        if (!"AVAILABLE".equals(executionStatus(stack, changeSet))) {
            return invalidStatus(stack, changeSet);
        }
        var now = System.currentTimeMillis();
        changeSet.executeToken = token;
        changeSet.executedAt = now;
        if (changeSet.create) {
            stack.executeToken = token;
            stack.parameters = changeSet.parameters;
            stack.template = changeSet.template;
            stack.startedAt = now;
            stack.rollsBack = rollsBack(stack.name);
        } else {
            stack.previousParameters = stack.effectiveParameters();
            stack.updateFailure = updateFailure;
            updateFailure = null;
            stack.update = changeSet;
            stack.template = changeSet.template;
            stack.updateStartedAt = now;
        }
        stack.changeSets.values().stream()
                .filter(other -> other != changeSet && other.executedAt == 0)
                .forEach(other -> other.obsolete = true);
        return xml(200, "ExecuteChangeSet", "");
    }

    private ResponseDefinitionBuilder invalidStatus(Stack stack, ChangeSet changeSet) {
        return error(
                400,
                "InvalidChangeSetStatus",
                "ChangeSet [%s] cannot be executed in its current execution status of [%s]"
                        .formatted(changeSet.id, executionStatus(stack, changeSet)));
    }

    private String executionStatus(Stack stack, ChangeSet changeSet) {
        if (changeSet.executedAt == 0) {
            if (changeSet.noChanges) {
                return "UNAVAILABLE";
            }
            return changeSet.obsolete ? "OBSOLETE" : "AVAILABLE";
        }
        if (System.currentTimeMillis() - changeSet.executedAt < stackDuration.toMillis()) {
            return "EXECUTE_IN_PROGRESS";
        }
        return changeSet == stack.update && stack.updateFailure != null ? "EXECUTE_FAILED" : "EXECUTE_COMPLETE";
    }

    /**
     * The resource changes every UPDATE change set created from now on lists (one that changes nothing lists none):
     * what CloudFormation would compute from the template.
     */
    public synchronized void changesOnUpdate(SimulatedChange... changes) {
        updateChanges = List.of(changes);
    }

    /** The next executed UPDATE change set fails on this resource and rolls back (UPDATE_ROLLBACK_COMPLETE). */
    public synchronized void failNextUpdate(String logicalId, String reason) {
        updateFailure = new String[] {logicalId, reason};
    }

    /**
     * Someone changed the stack outside Vendo (an update by hand): as CloudFormation does, every change set of it that
     * was not executed becomes OBSOLETE.
     */
    public synchronized void changeOutOfBand(String stackId) {
        var stack = stacks.get(namesById.getOrDefault(stackId, stackId));
        stack.changeSets.values().stream()
                .filter(changeSet -> changeSet.executedAt == 0)
                .forEach(changeSet -> changeSet.obsolete = true);
    }

    /** The stack's change sets by name. */
    public Map<String, ChangeSet> changeSets(String stackId) {
        var stack = stacks.get(namesById.getOrDefault(stackId, stackId));
        return stack == null ? Map.of() : Map.copyOf(stack.changeSets);
    }

    /** Every stack's outputs, each rendered from the stack's parameters: {@code {SiteName}} is its value. */
    public synchronized void outputs(Map<String, String> templates) {
        outputTemplates = Map.copyOf(templates);
    }

    /**
     * A resource change as DescribeChangeSet lists it.
     *
     * @param replacement for Modify: True, Conditional or False; null otherwise
     * @param property the property that changes (its detail: attribute Properties), or null
     * @param requiresRecreation Never, Conditionally or Always, for the property
     * @param causingParameter the parameter whose new value causes it (ChangeSource ParameterReference), or null
     */
    public record SimulatedChange(
            String action,
            String logicalId,
            String type,
            String physicalId,
            String replacement,
            String property,
            String requiresRecreation,
            String causingParameter) {

        String xml() {
            var details = property == null
                    ? ""
                    : """
                    <Details><member><Target><Attribute>Properties</Attribute><Name>%s</Name>
                    <RequiresRecreation>%s</RequiresRecreation></Target><Evaluation>Static</Evaluation>
                    <ChangeSource>%s</ChangeSource>%s</member></Details>"""
                            .formatted(
                                    property,
                                    requiresRecreation,
                                    causingParameter == null ? "DirectModification" : "ParameterReference",
                                    causingParameter == null
                                            ? ""
                                            : "<CausingEntity>" + causingParameter + "</CausingEntity>");
            return """
                    <member><Type>Resource</Type><ResourceChange><Action>%s</Action>
                    <LogicalResourceId>%s</LogicalResourceId>%s<ResourceType>%s</ResourceType>%s
                    <Scope>%s</Scope>%s</ResourceChange></member>"""
                    .formatted(
                            action,
                            logicalId,
                            physicalId == null ? "" : "<PhysicalResourceId>" + physicalId + "</PhysicalResourceId>",
                            type,
                            replacement == null ? "" : "<Replacement>" + replacement + "</Replacement>",
                            property == null ? "" : "<member>Properties</member>",
                            details);
        }
    }

    /** One change set as the simulator knows it. */
    public static final class ChangeSet {
        public final String name;
        public final String id;
        final String token;
        final boolean create;
        public final Map<String, String> parameters;
        final String template;
        /** Whether the call named tags (an UPDATE without any leaves the stack's tags as they are). */
        public final boolean tagged;

        volatile boolean noChanges;
        volatile boolean obsolete;
        volatile List<SimulatedChange> changes = List.of();
        public volatile String executeToken;
        public volatile long executedAt;

        ChangeSet(
                String name,
                String id,
                String token,
                boolean create,
                Map<String, String> parameters,
                String template,
                boolean tagged) {
            this.name = name;
            this.id = id;
            this.token = token;
            this.create = create;
            this.parameters = Map.copyOf(parameters);
            this.template = template;
            this.tagged = tagged;
        }
    }

    private record Found(Stack stack, ChangeSet changeSet) {}

    /** The change set named (by name with its stack, or by id), or null. */
    private Found changeSetFor(String stackName, String changeSet) {
        if (changeSet == null) {
            return null;
        }
        var candidates = stackName != null
                ? java.util.stream.Stream.ofNullable(stacks.get(namesById.getOrDefault(stackName, stackName)))
                : stacks.values().stream();
        return candidates
                .flatMap(stack -> stack.changeSets.values().stream()
                        .filter(known -> known.name.equals(changeSet) || known.id.equals(changeSet))
                        .map(known -> new Found(stack, known)))
                .findFirst()
                .orElse(null);
    }

    /**
     * From now on the stack (by name or id) differs from its template in these resources; none: it is in sync again.
     * Detections started later report it.
     */
    public void drift(String stack, ResourceDrift... resources) {
        var name = namesById.getOrDefault(stack, stack);
        if (!stacks.containsKey(name)) {
            throw new IllegalArgumentException("No such stack: " + stack);
        }
        drifts.put(name, List.of(resources));
    }

    /** How long a drift detection runs before DescribeStackDriftDetectionStatus reports it complete. */
    public void detectionDuration(Duration duration) {
        this.detectionDuration = duration;
    }

    /** Every drift detection started, by its id. */
    public Map<String, Detection> detections() {
        return Map.copyOf(detections);
    }

    /**
     * A resource that differs from its template, as DescribeStackResourceDrifts reports it.
     *
     * @param status {@code MODIFIED} or {@code DELETED} ({@code IN_SYNC} resources are not listed)
     * @param differences each {propertyPath, expectedValue, actualValue, differenceType}
     */
    public record ResourceDrift(
            String logicalId, String type, String physicalId, String status, List<String[]> differences) {}

    /** One drift detection: the stack, what differed when it started, and when (epoch milliseconds). */
    public record Detection(String id, String stackName, List<ResourceDrift> drifted, long startedAt) {}

    /** As CloudFormation: a stack it does not know (or deleted) is a ValidationError; otherwise a new detection. */
    private ResponseDefinitionBuilder detectStackDrift(Map<String, String> form) {
        var key = form.get("StackName");
        var stack = key == null ? null : stacks.get(namesById.getOrDefault(key, key));
        if (stack == null || stack.deleteStartedAt != 0) {
            return error(400, "ValidationError", "Stack [" + key + "] does not exist");
        }
        var id = UUID.randomUUID().toString();
        detections.put(
                id,
                new Detection(id, stack.name, drifts.getOrDefault(stack.name, List.of()), System.currentTimeMillis()));
        return xml(200, "DetectStackDrift", "<StackDriftDetectionId>" + id + "</StackDriftDetectionId>");
    }

    private ResponseDefinitionBuilder describeDriftDetection(Map<String, String> form) {
        var detection = detections.get(form.getOrDefault("StackDriftDetectionId", ""));
        if (detection == null) {
            return error(
                    400,
                    "ValidationError",
                    "Stack drift detection [" + form.get("StackDriftDetectionId") + "] does not exist");
        }
        var stack = stacks.get(detection.stackName());
        var complete = System.currentTimeMillis() - detection.startedAt() >= detectionDuration.toMillis();
        var drifted = detection.drifted().size();
        return xml(
                200,
                "DescribeStackDriftDetectionStatus",
                """
                <StackId>%s</StackId><StackDriftDetectionId>%s</StackDriftDetectionId>%s
                <DetectionStatus>%s</DetectionStatus>%s<Timestamp>2026-11-24T10:00:00Z</Timestamp>"""
                        .formatted(
                                stack.id,
                                detection.id(),
                                complete
                                        ? "<StackDriftStatus>%s</StackDriftStatus>"
                                                .formatted(drifted > 0 ? "DRIFTED" : "IN_SYNC")
                                        : "",
                                complete ? "DETECTION_COMPLETE" : "DETECTION_IN_PROGRESS",
                                complete
                                        ? "<DriftedStackResourceCount>%d</DriftedStackResourceCount>".formatted(drifted)
                                        : ""));
    }

    /**
     * The resources of the stack's newest complete detection, filtered by StackResourceDriftStatusFilters, paged by
     * MaxResults and NextToken as CloudFormation does.
     */
    private ResponseDefinitionBuilder describeResourceDrifts(Map<String, String> form) {
        var key = form.get("StackName");
        var stack = key == null ? null : stacks.get(namesById.getOrDefault(key, key));
        if (stack == null) {
            return error(400, "ValidationError", "Stack [" + key + "] does not exist");
        }
        var now = System.currentTimeMillis();
        var newest = detections.values().stream()
                .filter(detection -> detection.stackName().equals(stack.name))
                .filter(detection -> now - detection.startedAt() >= detectionDuration.toMillis())
                .max(java.util.Comparator.comparingLong(Detection::startedAt));
        if (newest.isEmpty()) {
            return error(400, "ValidationError", "No drift detection has completed for stack [" + key + "]");
        }
        var filters = new ArrayList<String>();
        for (int i = 1; form.containsKey("StackResourceDriftStatusFilters.member." + i); i++) {
            filters.add(form.get("StackResourceDriftStatusFilters.member." + i));
        }
        var matching = newest.get().drifted().stream()
                .filter(drift -> filters.isEmpty() || filters.contains(drift.status()))
                .toList();
        var from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        var size = form.containsKey("MaxResults") ? Integer.parseInt(form.get("MaxResults")) : 100;
        var page = matching.subList(Math.min(from, matching.size()), Math.min(from + size, matching.size()));
        var members = page.stream()
                .map(drift ->
                        """
                        <member><StackId>%s</StackId><LogicalResourceId>%s</LogicalResourceId>
                        <PhysicalResourceId>%s</PhysicalResourceId><ResourceType>%s</ResourceType>
                        <ExpectedProperties>{}</ExpectedProperties><ActualProperties>{}</ActualProperties>
                        <PropertyDifferences>%s</PropertyDifferences>
                        <StackResourceDriftStatus>%s</StackResourceDriftStatus>
                        <Timestamp>2026-11-24T10:00:00Z</Timestamp></member>"""
                                .formatted(
                                        stack.id,
                                        escape(drift.logicalId()),
                                        escape(drift.physicalId()),
                                        escape(drift.type()),
                                        drift.differences().stream()
                                                .map(difference ->
                                                        """
                                                        <member><PropertyPath>%s</PropertyPath>\
                                                        <ExpectedValue>%s</ExpectedValue>\
                                                        <ActualValue>%s</ActualValue>\
                                                        <DifferenceType>%s</DifferenceType></member>"""
                                                                .formatted(
                                                                        escape(difference[0]),
                                                                        escape(difference[1]),
                                                                        escape(difference[2]),
                                                                        difference[3]))
                                                .collect(Collectors.joining()),
                                        drift.status()))
                .collect(Collectors.joining());
        var next = from + size < matching.size() ? "<NextToken>" + (from + size) + "</NextToken>" : "";
        return xml(
                200,
                "DescribeStackResourceDrifts",
                "<StackResourceDrifts>" + members + "</StackResourceDrifts>" + next);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Every StackSet operation by StackSet and OperationId, as the simulator knows them. */
    public Map<String, Map<String, StackSetSimulator.Operation>> stackSetOperations() {
        return stackSets.operations();
    }

    /** Organizations' view for StackSets with service-managed permissions: these accounts are in the OU. */
    public void organizationalUnit(String unit, String... accounts) {
        stackSets.organizationalUnit(unit, List.of(accounts));
    }

    /**
     * The account is registered as a delegated administrator of StackSets: its calls must say CallAs=DELEGATED_ADMIN
     * (without it, AWS looks for the StackSet among the account's own and finds none).
     */
    public void delegatedAdministrator(String account) {
        stackSets.delegatedAdministrator(account);
    }

    /** What UpdateStackSet last set on the StackSet: its Parameters, PermissionModel and AutoDeployment, as sent. */
    public Map<String, String> stackSetSettings(String stackSet) {
        return stackSets.settings(stackSet);
    }

    private ResponseDefinitionBuilder describeStacks(Map<String, String> form) {
        var key = form.get("StackName");
        var stack = key == null ? null : stacks.get(namesById.getOrDefault(key, key));
        if (stack == null) {
            return error(400, "ValidationError", "Stack with id " + key + " does not exist");
        }
        String status;
        if (deletionFailed(stack)) {
            status = "DELETE_FAILED";
        } else if (stack.deleteStartedAt != 0) {
            status = System.currentTimeMillis() - stack.deleteStartedAt < stackDuration.toMillis()
                    ? "DELETE_IN_PROGRESS"
                    : "DELETE_COMPLETE";
            if (status.equals("DELETE_COMPLETE") && !key.startsWith("arn:")) {
                // As CloudFormation: a deleted stack is found by its id only.
                return error(400, "ValidationError", "Stack with id " + key + " does not exist");
            }
        } else if (stack.updateStartedAt != 0) {
            var running = System.currentTimeMillis() - stack.updateStartedAt < stackDuration.toMillis();
            if (stack.updateFailure != null) {
                status = running ? "UPDATE_ROLLBACK_IN_PROGRESS" : "UPDATE_ROLLBACK_COMPLETE";
            } else {
                status = running ? "UPDATE_IN_PROGRESS" : "UPDATE_COMPLETE";
            }
        } else if (stack.startedAt == 0) {
            status = "REVIEW_IN_PROGRESS";
        } else if (System.currentTimeMillis() - stack.startedAt < stackDuration.toMillis()) {
            status = "CREATE_IN_PROGRESS";
        } else if (stack.rollsBack) {
            status = "ROLLBACK_COMPLETE";
        } else {
            status = "CREATE_COMPLETE";
            synchronized (stack) {
                if (stack.seenCompleteAt == 0) {
                    stack.seenCompleteAt = System.currentTimeMillis();
                }
            }
        }
        stack.statusCalls.incrementAndGet();
        var members = new StringBuilder();
        if (status.equals("CREATE_COMPLETE")) {
            outputs.forEach((part, values) -> {
                if (stack.name.contains(part)) {
                    values.forEach((output, value) ->
                            members.append("<member><OutputKey>%s</OutputKey><OutputValue>%s</OutputValue></member>"
                                    .formatted(output, value)));
                }
            });
        }
        return xml(
                200,
                "DescribeStacks",
                """
                <Stacks><member><StackName>%s</StackName><StackId>%s</StackId>
                <CreationTime>2026-11-23T10:00:00Z</CreationTime><StackStatus>%s</StackStatus><Outputs>%s</Outputs>
                </member></Stacks>"""
                        .formatted(stack.name, stack.id, status, members + outputs(stack, status)));
    }

    private String outputs(Stack stack, String status) {
        if (!status.endsWith("_COMPLETE") || status.startsWith("DELETE")) {
            return "";
        }
        var parameters = stack.effectiveParameters();
        var members = new StringBuilder();
        outputTemplates.forEach((key, template) -> {
            var value = template;
            for (var parameter : parameters.entrySet()) {
                value = value.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            members.append(
                    "<member><OutputKey>%s</OutputKey><OutputValue>%s</OutputValue></member>".formatted(key, value));
        });
        return members.toString();
    }

    /** Every stack's template retains this resource when the stack is deleted (DeletionPolicy: Retain). */
    public void retainOnDelete(String logicalId, String type) {
        retained.put(logicalId, type);
    }

    /**
     * As CloudFormation: DeleteStack on a stack that is being or was deleted changes nothing; with termination
     * protection on it is a ValidationError; an unknown stack is no error.
     */
    private synchronized ResponseDefinitionBuilder deleteStack(Map<String, String> form) {
        var key = form.get("StackName");
        var stack = key == null ? null : stacks.get(namesById.getOrDefault(key, key));
        if (stack == null) {
            return xml(200, "DeleteStack", "");
        }
        if (stack.terminationProtection) {
            return error(
                    400,
                    "ValidationError",
                    "Stack [%s] cannot be deleted while TerminationProtection is enabled".formatted(stack.name));
        }
        var token = form.get("ClientRequestToken");
        if (stack.deleteStartedAt == 0
                || (deletionFailed(stack) && !java.util.Objects.equals(token, stack.deleteToken))) {
            // A first deletion, or one that failed tried again (a call with the failed one's token repeats that call).
            stack.deleteToken = token;
            stack.deleteStartedAt = System.currentTimeMillis();
            stack.deletionFailure = deletionFailures.entrySet().stream()
                    .filter(failure -> stack.name.contains(failure.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return xml(200, "DeleteStack", "");
    }

    private synchronized ResponseDefinitionBuilder updateTerminationProtection(Map<String, String> form) {
        var key = form.get("StackName");
        var stack = key == null ? null : stacks.get(namesById.getOrDefault(key, key));
        if (stack == null) {
            return error(400, "ValidationError", "Stack [" + key + "] does not exist");
        }
        stack.terminationProtection = Boolean.parseBoolean(form.get("EnableTerminationProtection"));
        return xml(200, "UpdateTerminationProtection", "<StackId>" + stack.id + "</StackId>");
    }

    /**
     * A deleted stack's events, newest first as CloudFormation lists them: DELETE_COMPLETE for the stack, then
     * DELETE_SKIPPED for each retained resource, each with the ClientRequestToken of the DeleteStack call.
     */
    private ResponseDefinitionBuilder describeStackEvents(Map<String, String> form) {
        var key = form.get("StackName");
        var stack = key == null ? null : stacks.get(namesById.getOrDefault(key, key));
        if (stack == null) {
            return error(400, "ValidationError", "Stack [" + key + "] does not exist");
        }
        var members = new StringBuilder();
        var failure = stack.updateFailure;
        if (failure != null && stack.update != null) {
            members.append(updateEvent(stack, failure[0], failure[1], stack.update.executeToken));
        }
        if (deletionFailed(stack)) {
            var failed = stack.deletionFailure;
            members.append(event(
                            stack,
                            failed[0],
                            stack.name + "-" + failed[0].toLowerCase(),
                            "AWS::EC2::Subnet",
                            "DELETE_FAILED")
                    .replace(
                            "</ResourceStatus>",
                            "</ResourceStatus><ResourceStatusReason>" + failed[1] + "</ResourceStatusReason>"));
        } else if (stack.deleteStartedAt != 0
                && System.currentTimeMillis() - stack.deleteStartedAt >= stackDuration.toMillis()) {
            members.append(event(stack, stack.name, stack.id, "AWS::CloudFormation::Stack", "DELETE_COMPLETE"));
            retained.forEach((logicalId, type) -> members.append(
                    event(stack, logicalId, stack.name + "-" + logicalId.toLowerCase(), type, "DELETE_SKIPPED")));
        }
        return xml(200, "DescribeStackEvents", "<StackEvents>" + members + "</StackEvents>");
    }

    private static String updateEvent(Stack stack, String logicalId, String reason, String token) {
        return ("<member><StackId>%s</StackId><EventId>%s</EventId><StackName>%s</StackName>"
                        + "<LogicalResourceId>%s</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType>"
                        + "<Timestamp>2026-11-24T11:00:00Z</Timestamp><ResourceStatus>UPDATE_FAILED</ResourceStatus>"
                        + "<ResourceStatusReason>%s</ResourceStatusReason>"
                        + "<ClientRequestToken>%s</ClientRequestToken></member>")
                .formatted(stack.id, UUID.randomUUID(), stack.name, logicalId, reason, token);
    }

    private static String event(Stack stack, String logicalId, String physicalId, String type, String status) {
        return ("<member><StackId>%s</StackId><EventId>%s</EventId><StackName>%s</StackName>"
                        + "<LogicalResourceId>%s</LogicalResourceId><PhysicalResourceId>%s</PhysicalResourceId>"
                        + "<ResourceType>%s</ResourceType><Timestamp>2026-11-24T10:00:00Z</Timestamp>"
                        + "<ResourceStatus>%s</ResourceStatus><ClientRequestToken>%s</ClientRequestToken></member>")
                .formatted(
                        stack.id,
                        UUID.randomUUID(),
                        stack.name,
                        logicalId,
                        physicalId,
                        type,
                        status,
                        stack.deleteToken == null ? "" : stack.deleteToken);
    }

    private Injected fault(String action) {
        synchronized (this) {
            var next =
                    scripted.getOrDefault(action, new java.util.ArrayDeque<>()).poll();
            if (next != null) {
                return switch (next) {
                    case "Throttling" -> Injected.THROTTLE;
                    case "InternalFailure" -> Injected.SERVER_ERROR;
                    case "ConnectionReset" -> Injected.RESET_BEFORE;
                    default -> throw new IllegalArgumentException("No such scripted fault: " + next);
                };
            }
        }
        if (faultRate == 0 || action.equals("AssumeRole") || action.equals("GetCallerIdentity")) {
            return Injected.NONE;
        }
        synchronized (this) {
            if (random.nextDouble() >= faultRate) {
                return Injected.NONE;
            }
            if (random.nextDouble() < throttledShare) {
                return Injected.THROTTLE;
            }
            return Injected.values()[2 + random.nextInt(3)];
        }
    }

    private static String accountOf(String authorization) {
        if (authorization == null) {
            return "unknown";
        }
        Matcher matcher = CREDENTIAL.matcher(authorization);
        if (matcher.find()
                && matcher.group(1).startsWith("ASIA")
                && matcher.group(1).length() == 19) {
            return matcher.group(1).substring(4, 16);
        }
        return "portal";
    }

    private static String regionOf(String authorization) {
        if (authorization == null) {
            return "unknown";
        }
        var matcher = SIGNED_REGION.matcher(authorization);
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    private static String stackId(String account, String name) {
        return "arn:aws:cloudformation:eu-west-1:%s:stack/%s/%s"
                .formatted(account, name, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static String changeSetArn(Stack stack, String changeSet) {
        return "arn:aws:cloudformation:eu-west-1:%s:changeSet/%s/%s"
                .formatted(
                        stack.account,
                        changeSet,
                        UUID.nameUUIDFromBytes((stack.name + changeSet).getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> b));
    }

    static ResponseDefinitionBuilder xml(int status, String action, String result) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        """
                        <%sResponse xmlns="%s"><%sResult>%s</%sResult>
                        <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata></%sResponse>"""
                                .formatted(action, CFN_NS, action, result, action, UUID.randomUUID(), action));
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        """
                        <ErrorResponse xmlns="%s">
                          <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                          <RequestId>%s</RequestId>
                        </ErrorResponse>"""
                                .formatted(
                                        CFN_NS,
                                        status >= 500 ? "Receiver" : "Sender",
                                        code,
                                        message,
                                        UUID.randomUUID()));
    }

    private enum Injected {
        NONE,
        THROTTLE,
        SERVER_ERROR,
        RESET_BEFORE,
        RESET_AFTER
    }

    /** One stack as the simulator knows it; times are epoch milliseconds, 0 for not yet. */
    public static final class Stack {
        public final String name;
        public final String id;
        public final String token;
        public final String account;
        /** The region the call that created it was signed for. */
        public volatile String region = "";

        final Map<String, ChangeSet> changeSets =
                java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        volatile String executeToken;
        volatile String deleteToken;
        /** The parameters it was created with, as its CREATE change set sent them. */
        public volatile Map<String, String> parameters = Map.of();

        volatile Map<String, String> previousParameters = Map.of();
        volatile String template = "";
        /** The UPDATE change set executed last, when it started, and the resource and reason it fails on, if any. */
        volatile ChangeSet update;

        public volatile long updateStartedAt;
        volatile String[] updateFailure;
        volatile boolean terminationProtection;
        /** Whether its creation rolls back, decided when it started as CloudFormation would. */
        volatile boolean rollsBack;

        public volatile long deleteStartedAt;
        /** The resource its deletion fails on and why, decided when the deletion started; none when it succeeds. */
        volatile String[] deletionFailure;

        public volatile long startedAt;
        public volatile long seenCompleteAt;

        public final java.util.concurrent.atomic.AtomicInteger statusCalls =
                new java.util.concurrent.atomic.AtomicInteger();

        Stack(String name, String id, String token, String account) {
            this.name = name;
            this.id = id;
            this.token = token;
            this.account = account;
        }

        /** The parameters it stands with: an update's once it completed, the earlier ones while or after it rolls back. */
        public Map<String, String> effectiveParameters() {
            var current = update;
            if (current == null) {
                return parameters;
            }
            return updateFailure == null ? current.parameters : previousParameters;
        }
    }

    /** For assertions that list what the simulator saw. */
    public List<Stack> stackList() {
        return List.copyOf(stacks.values());
    }
}
