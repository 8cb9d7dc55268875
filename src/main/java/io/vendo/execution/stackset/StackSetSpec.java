package io.vendo.execution.stackset;

import io.vendo.catalog.Delivery;
import io.vendo.catalog.StackSetChoice;
import io.vendo.execution.AwsTarget;
import io.vendo.execution.DeploymentParameters;
import io.vendo.execution.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything one request's StackSet operation needs: its deployment targets — the target account, or organizational
 * units (service-managed permissions) — in these regions (also the order in which they are deployed), the operation
 * preferences, and the request's parameters (per-instance overrides for an account, the StackSet's own parameters for
 * OUs). The OperationId derives from the request, so a repeated call is recognised as the same operation.
 *
 * @param organizationalUnits the OU (or root) ids it deploys to; empty: the account
 * @param autoDeployment the StackSet's auto-deployment for OUs; none for an account
 * @param capabilities what the StackSet's template needs acknowledged when the StackSet itself is updated
 * @param operationId the OperationId of this spec's operation
 * @param stackSetUpdateId the OperationId of the request's UpdateStackSet (OUs: it sets the StackSet's parameters)
 * @param administration where the StackSet is administered, in its home region: the portal's own account, or as a
 *     delegated administrator the target's account through its role
 * @param delegatedAdministrator whether every StackSet call says {@code CallAs=DELEGATED_ADMIN}
 */
public record StackSetSpec(
        UUID requestId,
        String stackSetName,
        String account,
        List<String> organizationalUnits,
        List<String> regions,
        Preferences preferences,
        @Nullable AutoDeployment autoDeployment,
        List<String> capabilities,
        String operationId,
        String stackSetUpdateId,
        DeploymentParameters parameters,
        AwsTarget administration,
        boolean delegatedAdministrator) {

    /** The handles an environment keeps of its instances. */
    static final String NAME = "StackSetName";

    static final String ACCOUNTS = "StackSetAccounts";
    static final String ORGANIZATIONAL_UNITS = "StackSetOrganizationalUnits";
    static final String REGIONS = "StackSetRegions";

    /** What the OperationId of a request's UpdateStackSet is derived from. */
    static final String STACK_SET_UPDATE = "update-stack-set";

    public StackSetSpec {
        organizationalUnits = List.copyOf(organizationalUnits);
        regions = List.copyOf(regions);
        capabilities = List.copyOf(capabilities);
    }

    /**
     * The spec of one of the job's operations: for PROVISION, the targets the request chose ({@link #chosen}) or else
     * those the blueprint's delivery names; for a day-2
     * request, those its environment's handles recorded (StackSetName, StackSetAccounts or
     * StackSetOrganizationalUnits, StackSetRegions), so it acts on what was created.
     *
     * @param operation what the request's OperationId is derived from, e.g. {@code create-stack-instances}
     */
    public static StackSetSpec of(Job job, String operation) {
        var delivery = (Delivery.StackSet) job.blueprint().delivery();
        var handles = job.handles();
        var target = job.target();
        var units = handles.containsKey(ORGANIZATIONAL_UNITS)
                ? List.of(handles.get(ORGANIZATIONAL_UNITS).split(","))
                : handles.containsKey(ACCOUNTS) ? List.<String>of() : delivery.organizationalUnits();
        return new StackSetSpec(
                job.requestId(),
                handles.getOrDefault(NAME, delivery.stackSetName()),
                handles.getOrDefault(ACCOUNTS, target.accountId()),
                units,
                handles.containsKey(REGIONS) ? List.of(handles.get(REGIONS).split(",")) : delivery.regions(),
                Preferences.of(delivery),
                AutoDeployment.of(delivery),
                job.blueprint().capabilities(),
                job.token(operation),
                job.token(STACK_SET_UPDATE),
                job.parameters(),
                delivery.asDelegatedAdministrator()
                        ? target
                        : new AwsTarget(target.accountId(), target.region(), null, null),
                delivery.asDelegatedAdministrator());
    }

    /**
     * The handles that stand for what a PROVISION request chose ({@link StackSetChoice}), so that its spec and its
     * environment's are read alike: the OUs and regions chosen, the blueprint's where it chose none.
     */
    public static Map<String, String> chosen(StackSetChoice choice) {
        var handles = new LinkedHashMap<String, String>();
        if (!choice.organizationalUnits().isEmpty()) {
            handles.put(ORGANIZATIONAL_UNITS, String.join(",", choice.organizationalUnits()));
        }
        if (!choice.regions().isEmpty()) {
            handles.put(REGIONS, String.join(",", choice.regions()));
        }
        return Map.copyOf(handles);
    }

    /** Whether its instances are those of organizational units (service-managed permissions), not of one account. */
    public boolean toOrganizationalUnits() {
        return !organizationalUnits.isEmpty();
    }

    /** The deployment targets, as people read them: {@code account 111122223333} or {@code OUs ou-…, ou-…}. */
    public String where() {
        return toOrganizationalUnits() ? "OUs " + String.join(", ", organizationalUnits) : "account " + account;
    }

    /** The request's UpdateStackSet: the same targets, with its OperationId. */
    public StackSetSpec stackSetUpdate() {
        return new StackSetSpec(
                requestId,
                stackSetName,
                account,
                organizationalUnits,
                regions,
                preferences,
                autoDeployment,
                capabilities,
                stackSetUpdateId,
                stackSetUpdateId,
                parameters,
                administration,
                delegatedAdministrator);
    }

    /**
     * The blueprint's operation preferences: a count, when given, instead of its percentage.
     *
     * @param regionConcurrencyType {@code SEQUENTIAL} or {@code PARALLEL}; none: AWS's default (sequential)
     */
    public record Preferences(
            int maxConcurrentPercentage,
            int failureTolerancePercentage,
            @Nullable Integer maxConcurrentCount,
            @Nullable Integer failureToleranceCount,
            @Nullable String regionConcurrencyType) {

        static Preferences of(Delivery.StackSet delivery) {
            return new Preferences(
                    delivery.maxConcurrentPercentage(),
                    delivery.failureTolerancePercentage(),
                    delivery.maxConcurrentCount(),
                    delivery.failureToleranceCount(),
                    delivery.regionConcurrencyType());
        }
    }

    /** Whether accounts that join the OUs get instances, and whether accounts that leave keep their stacks. */
    public record AutoDeployment(boolean enabled, boolean retainStacksOnAccountRemoval) {

        static @Nullable AutoDeployment of(Delivery.StackSet delivery) {
            return delivery.toOrganizationalUnits()
                    ? new AutoDeployment(delivery.autoDeploys(), delivery.retainsStacksOnAccountRemoval())
                    : null;
        }
    }
}
