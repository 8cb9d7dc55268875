package io.vendo.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a STACK_SET delivery must be, in CloudFormation's own terms: a StackSet name, known regions, operation
 * preferences within AWS's ranges (a count, when given, is sent instead of the percentage), and deployment targets that fit the permission
 * model — organizational unit ids ({@code ou-…}) or the organization's root ({@code r-…}) with service-managed
 * permissions only, and none without them.
 */
final class StackSetDeliveryRules {

    /** AWS's pattern for {@code DeploymentTargets.OrganizationalUnitIds}. */
    static final Pattern ORGANIZATIONAL_UNIT_ID = Pattern.compile("ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32}");

    private static final Pattern STACK_SET_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    private static final Set<String> REGION_CONCURRENCY = Set.of("SEQUENTIAL", "PARALLEL");
    /** UpdateStackSet and CreateStackInstances take at most this many OUs in one operation. */
    static final int MAX_ORGANIZATIONAL_UNITS = 50;

    private StackSetDeliveryRules() {}

    static void check(Map<String, String> errors, Delivery.StackSet stackSet) {
        if (stackSet.stackSetName() == null
                || !STACK_SET_NAME.matcher(stackSet.stackSetName()).matches()) {
            errors.put(
                    "delivery.stackSetName",
                    "Give a StackSet name: a letter, then letters, digits and hyphens, at most 128");
        }
        var known = CatalogRules.regions();
        if (stackSet.regions().isEmpty()) {
            errors.put("delivery.regions", "List at least one region");
        } else {
            stackSet.regions().stream()
                    .filter(region -> !known.contains(region))
                    .findFirst()
                    .ifPresent(region -> errors.put("delivery.regions", "Unknown region " + region));
        }
        preferences(errors, stackSet);
        deploymentTargets(errors, stackSet);
    }

    private static void preferences(Map<String, String> errors, Delivery.StackSet stackSet) {
        if (stackSet.maxConcurrentCount() == null) {
            if (stackSet.maxConcurrentPercentage() < 1 || stackSet.maxConcurrentPercentage() > 100) {
                errors.put("delivery.maxConcurrentPercentage", "Between 1 and 100");
            }
        } else if (stackSet.maxConcurrentCount() < 1) {
            errors.put("delivery.maxConcurrentCount", "At least 1 account at a time");
        }
        if (stackSet.failureToleranceCount() == null) {
            if (stackSet.failureTolerancePercentage() < 0 || stackSet.failureTolerancePercentage() > 100) {
                errors.put("delivery.failureTolerancePercentage", "Between 0 and 100");
            }
        } else if (stackSet.failureToleranceCount() < 0) {
            errors.put("delivery.failureToleranceCount", "0 or more accounts");
        } else if (stackSet.maxConcurrentCount() != null
                && stackSet.maxConcurrentCount() > stackSet.failureToleranceCount() + 1) {
            // CloudFormation's own rule: "MaxConcurrentCount is at most one more than the FailureToleranceCount".
            errors.put(
                    "delivery.maxConcurrentCount",
                    "At most one more than failureToleranceCount (%d), as CloudFormation requires"
                            .formatted(stackSet.failureToleranceCount()));
        }
        var concurrency = stackSet.regionConcurrencyType();
        if (concurrency != null && !REGION_CONCURRENCY.contains(concurrency)) {
            errors.put("delivery.regionConcurrencyType", "SEQUENTIAL or PARALLEL");
        }
    }

    private static void deploymentTargets(Map<String, String> errors, Delivery.StackSet stackSet) {
        var units = stackSet.organizationalUnits();
        if (!stackSet.toOrganizationalUnits()) {
            if (!units.isEmpty()) {
                errors.put(
                        "delivery.organizationalUnits",
                        "Organizational units go with permissionModel: SERVICE_MANAGED; a SELF_MANAGED StackSet"
                                + " deploys to the target account");
            }
            if (stackSet.autoDeployment() != null || stackSet.retainStacksOnAccountRemoval() != null) {
                errors.put("delivery.autoDeployment", "Auto-deployment goes with permissionModel: SERVICE_MANAGED");
            }
            if (stackSet.asDelegatedAdministrator()) {
                // CloudFormation: CallAs is "valid only if the permissions model is SERVICE_MANAGED".
                errors.put(
                        "delivery.callAs",
                        "callAs: DELEGATED_ADMIN goes with permissionModel: SERVICE_MANAGED, as CloudFormation"
                                + " requires");
            }
            return;
        }
        if (units.isEmpty()) {
            errors.put(
                    "delivery.organizationalUnits",
                    "List the organizational units to deploy to, such as ou-ab12-cd34ef56 (or the root, r-ab12)");
            return;
        }
        units.stream()
                .filter(unit -> !isOrganizationalUnitId(unit))
                .findFirst()
                .ifPresent(unit -> errors.put(
                        "delivery.organizationalUnits",
                        "'%s' is not an OU id such as ou-ab12-cd34ef56 or a root id such as r-ab12".formatted(unit)));
        if (units.size() > MAX_ORGANIZATIONAL_UNITS) {
            errors.put(
                    "delivery.organizationalUnits",
                    "At most %d organizational units in one StackSet operation".formatted(MAX_ORGANIZATIONAL_UNITS));
        }
        if (units.stream().distinct().count() != units.size()) {
            errors.put("delivery.organizationalUnits", "List each organizational unit once");
        }
        if (!stackSet.autoDeploys() && stackSet.retainStacksOnAccountRemoval() != null) {
            errors.put(
                    "delivery.retainStacksOnAccountRemoval",
                    "Retaining stacks on account removal goes with autoDeployment: true");
        }
    }

    /**
     * Why the target may not take the StackSet's organizational units: a target allows a StackSet to deploy to the OUs
     * it lists ({@code allowedOrganizationalUnits}) and to no others — an org-wide change reaches every account in them,
     * so a target that lists none takes none.
     */
    static Optional<String> refusal(Delivery.StackSet stackSet, TargetDetails target) {
        if (!stackSet.toOrganizationalUnits()) {
            return Optional.empty();
        }
        return refusal(stackSet.stackSetName(), stackSet.organizationalUnits(), target);
    }

    /** Why the target may not take these organizational units for the StackSet, if it may not. */
    static Optional<String> refusal(String stackSetName, List<String> units, TargetDetails target) {
        var allowed = target.allowedOrganizationalUnits();
        var refused = units.stream().filter(unit -> !allowed.contains(unit)).toList();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                allowed.isEmpty()
                        ? "Target %s allows no organizational units, and StackSet %s deploys to %s: an admin must list them in the target's allowedOrganizationalUnits"
                                .formatted(target.slug(), stackSetName, String.join(", ", refused))
                        : "Target %s allows StackSets in %s only, not in %s"
                                .formatted(target.slug(), String.join(", ", allowed), String.join(", ", refused)));
    }

    static boolean isOrganizationalUnitId(@Nullable String unit) {
        return unit != null && ORGANIZATIONAL_UNIT_ID.matcher(unit).matches();
    }
}
