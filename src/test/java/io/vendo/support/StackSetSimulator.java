package io.vendo.support;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CloudFormation StackSets as {@link CloudFormationSimulator} answers them, on the query protocol: an OperationId is
 * used once per StackSet (again: OperationIdAlreadyExistsException, whatever the call asked for), a StackSet runs one
 * operation at a time (OperationInProgressException), and an operation takes the stack duration. Instances are an
 * account's (Accounts) or those of every account of organizational units (DeploymentTargets), each CURRENT and
 * SUCCEEDED once its last operation ended; UpdateStackSet keeps the StackSet's parameters, permission model and
 * auto-deployment. Service-managed StackSets live in the management account (the portal's own credentials): a member
 * account registered as a delegated administrator reaches them only with {@code CallAs=DELEGATED_ADMIN} (without it,
 * StackSetNotFoundException, as AWS looks among the account's own StackSets), and {@code DELEGATED_ADMIN} from an account
 * that is not registered is a ValidationError.
 */
public final class StackSetSimulator {

    private final Map<String, Map<String, Operation>> operations = new ConcurrentHashMap<>();
    /** The accounts of each organizational unit, as Organizations would report them. */
    private final Map<String, List<String>> units = new ConcurrentHashMap<>();
    /** What UpdateStackSet set, by StackSet: Parameters.*, PermissionModel, AutoDeployment.* as sent. */
    private final Map<String, Map<String, String>> settings = new ConcurrentHashMap<>();

    /** Member accounts registered as delegated administrators of StackSets. */
    private final java.util.Set<String> delegatedAdministrators = ConcurrentHashMap.newKeySet();

    private final Supplier<Duration> duration;

    /** @param duration how long an operation runs (the simulator's stack duration) */
    StackSetSimulator(Supplier<Duration> duration) {
        this.duration = duration;
    }

    void reset() {
        operations.clear();
        units.clear();
        settings.clear();
        delegatedAdministrators.clear();
    }

    void delegatedAdministrator(String account) {
        delegatedAdministrators.add(account);
    }

    /**
     * Why AWS would refuse this StackSet call from this caller ({@code portal}: the management account's own
     * credentials; else the account of the assumed role), if it would.
     */
    java.util.Optional<ResponseDefinitionBuilder> refusal(Map<String, String> form, String caller) {
        var delegated = "DELEGATED_ADMIN".equals(form.get("CallAs"));
        if (delegated && !delegatedAdministrators.contains(caller)) {
            return java.util.Optional.of(CloudFormationSimulator.error(
                    400,
                    "ValidationError",
                    "Account " + caller + " is not registered as a delegated administrator for the organization"));
        }
        if (!delegated && delegatedAdministrators.contains(caller)) {
            return java.util.Optional.of(CloudFormationSimulator.error(
                    404, "StackSetNotFoundException", "StackSet " + form.get("StackSetName") + " not found"));
        }
        return java.util.Optional.empty();
    }

    void organizationalUnit(String unit, List<String> accounts) {
        units.put(unit, List.copyOf(accounts));
    }

    Map<String, String> settings(String stackSet) {
        return Map.copyOf(settings.getOrDefault(stackSet, Map.of()));
    }

    Map<String, Map<String, Operation>> operations() {
        var copy = new HashMap<String, Map<String, Operation>>();
        operations.forEach((name, known) -> copy.put(name, Map.copyOf(known)));
        return copy;
    }

    /** @param call CreateStackInstances, UpdateStackInstances, UpdateStackSet or DeleteStackInstances */
    synchronized ResponseDefinitionBuilder start(Map<String, String> form, String call) {
        var stackSet = form.get("StackSetName");
        var operationId = form.get("OperationId");
        var known = operations.computeIfAbsent(stackSet, name -> new ConcurrentHashMap<>());
        if (operationId != null && known.containsKey(operationId)) {
            return CloudFormationSimulator.error(
                    409,
                    "OperationIdAlreadyExistsException",
                    "The specified operation ID already exists: " + operationId);
        }
        var now = System.currentTimeMillis();
        if (known.values().stream().anyMatch(operation -> !done(operation, now))) {
            return CloudFormationSimulator.error(
                    409,
                    "OperationInProgressException",
                    "Another Operation on StackSet " + stackSet + " is in progress");
        }
        var units = members(form, "DeploymentTargets.OrganizationalUnitIds.member.");
        var unknown =
                units.stream().filter(unit -> !this.units.containsKey(unit)).findFirst();
        if (unknown.isPresent()) {
            return CloudFormationSimulator.error(
                    400, "ValidationError", "Organizational unit " + unknown.get() + " does not exist");
        }
        if (call.equals("UpdateStackSet")) {
            var kept = new LinkedHashMap<>(settings.getOrDefault(stackSet, Map.of()));
            form.forEach((key, value) -> {
                if (key.startsWith("Parameters.")
                        || key.startsWith("AutoDeployment.")
                        || key.equals("PermissionModel")) {
                    kept.put(key, value);
                }
            });
            settings.put(stackSet, Map.copyOf(kept));
        }
        var id = operationId != null ? operationId : UUID.randomUUID().toString();
        known.put(
                id,
                new Operation(
                        id,
                        switch (call) {
                            case "CreateStackInstances" -> "CREATE";
                            case "DeleteStackInstances" -> "DELETE";
                            default -> "UPDATE";
                        },
                        call,
                        form.get("Accounts.member.1"),
                        units,
                        members(form, "Regions.member."),
                        overrides(form),
                        now));
        return CloudFormationSimulator.xml(200, call, "<OperationId>" + id + "</OperationId>");
    }

    ResponseDefinitionBuilder describe(Map<String, String> form) {
        var operation =
                operations.getOrDefault(form.get("StackSetName"), Map.of()).get(form.get("OperationId"));
        if (operation == null) {
            return CloudFormationSimulator.error(
                    404, "OperationNotFoundException", "Operation " + form.get("OperationId") + " not found");
        }
        return CloudFormationSimulator.xml(
                200,
                "DescribeStackSetOperation",
                """
                <StackSetOperation><OperationId>%s</OperationId><StackSetId>%s:1</StackSetId><Action>%s</Action>
                <Status>%s</Status></StackSetOperation>"""
                        .formatted(
                                operation.id(),
                                form.get("StackSetName"),
                                operation.action(),
                                done(operation, System.currentTimeMillis()) ? "SUCCEEDED" : "RUNNING"));
    }

    /**
     * Each instance (account and region) the StackSet's operations created and did not delete, with the status its last
     * operation left: OUTDATED and RUNNING while one runs, CURRENT and SUCCEEDED after.
     */
    ResponseDefinitionBuilder list(Map<String, String> form) {
        var stackSet = form.get("StackSetName");
        var account = form.get("StackInstanceAccount");
        var now = System.currentTimeMillis();
        var instances = new LinkedHashMap<String, Instance>();
        operations.getOrDefault(stackSet, Map.of()).values().stream()
                .sorted(java.util.Comparator.comparingLong(Operation::startedAt))
                .forEach(operation -> {
                    for (var target : targets(operation)) {
                        for (var region : operation.regions()) {
                            var key = target[0] + "/" + region;
                            if (operation.action().equals("DELETE")) {
                                if (done(operation, now)) {
                                    instances.remove(key);
                                }
                            } else if (operation.action().equals("CREATE") || instances.containsKey(key)) {
                                instances.put(key, new Instance(target[0], target[1], region, operation));
                            }
                        }
                    }
                    if (operation.call().equals("UpdateStackSet")
                            && operation.organizationalUnits().isEmpty()
                            && operation.account() == null) {
                        // No targets: every instance of the StackSet is updated.
                        instances.replaceAll((key, instance) ->
                                new Instance(instance.account(), instance.unit(), instance.region(), operation));
                    }
                });
        var members = new StringBuilder();
        instances.values().stream()
                .filter(instance -> account == null || account.equals(instance.account()))
                .forEach(instance -> {
                    var finished = done(instance.last(), now);
                    members.append(
                            """
                            <member><StackSetId>%s:1</StackSetId><Region>%s</Region><Account>%s</Account>
                            <StackId>arn:aws:cloudformation:%s:%s:stack/StackSet-%s-%s/1</StackId>%s
                            <Status>%s</Status><StackInstanceStatus><DetailedStatus>%s</DetailedStatus>
                            </StackInstanceStatus><DriftStatus>NOT_CHECKED</DriftStatus>
                            <LastOperationId>%s</LastOperationId></member>"""
                                    .formatted(
                                            stackSet,
                                            instance.region(),
                                            instance.account(),
                                            instance.region(),
                                            instance.account(),
                                            stackSet,
                                            instance.account(),
                                            instance.unit() == null
                                                    ? ""
                                                    : "<OrganizationalUnitId>" + instance.unit()
                                                            + "</OrganizationalUnitId>",
                                            finished ? "CURRENT" : "OUTDATED",
                                            finished ? "SUCCEEDED" : "RUNNING",
                                            instance.last().id()));
                });
        return CloudFormationSimulator.xml(200, "ListStackInstances", "<Summaries>" + members + "</Summaries>");
    }

    /** The operation's accounts, each with the OU it came through (none for Accounts). */
    private List<String[]> targets(Operation operation) {
        var targets = new ArrayList<String[]>();
        if (operation.account() != null) {
            targets.add(new String[] {operation.account(), null});
        }
        operation.organizationalUnits().forEach(unit -> units.getOrDefault(unit, List.of())
                .forEach(member -> targets.add(new String[] {member, unit})));
        return targets;
    }

    private boolean done(Operation operation, long now) {
        return now - operation.startedAt() >= duration.get().toMillis();
    }

    private static List<String> members(Map<String, String> form, String prefix) {
        var members = new ArrayList<String>();
        for (int i = 1; form.containsKey(prefix + i); i++) {
            members.add(form.get(prefix + i));
        }
        return List.copyOf(members);
    }

    private static Map<String, String> overrides(Map<String, String> form) {
        var overrides = new LinkedHashMap<String, String>();
        var prefix = form.containsKey("Parameters.member.1.ParameterKey") ? "Parameters" : "ParameterOverrides";
        for (int i = 1; form.containsKey(prefix + ".member." + i + ".ParameterKey"); i++) {
            overrides.put(
                    form.get(prefix + ".member." + i + ".ParameterKey"),
                    form.getOrDefault(prefix + ".member." + i + ".ParameterValue", ""));
        }
        return Map.copyOf(overrides);
    }

    private record Instance(String account, String unit, String region, Operation last) {}

    /**
     * One StackSet operation: adding (CREATE), updating (UPDATE: UpdateStackInstances with parameter overrides, or
     * UpdateStackSet with the StackSet's parameters) or removing (DELETE) the instances of an account or of
     * organizational units in these regions, started at this epoch millisecond.
     *
     * @param account the account named by {@code Accounts}; none for OUs
     * @param parameterOverrides the overrides, or for UpdateStackSet the StackSet's parameters
     */
    public record Operation(
            String id,
            String action,
            String call,
            String account,
            List<String> organizationalUnits,
            List<String> regions,
            Map<String, String> parameterOverrides,
            long startedAt) {}
}
