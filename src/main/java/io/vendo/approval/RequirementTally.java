package io.vendo.approval;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Counts an approval's decisions against its requirements: which requirements still miss approvals. Each approval
 * counts towards the requirement it was recorded for; approvals of the fallback group stand in for whatever is still
 * missing, in order.
 */
record RequirementTally(List<Requirement> requirements, @Nullable String fallbackGroup, List<Decision> decisions) {

    List<Requirement> unmet() {
        var unmet = new ArrayList<Requirement>();
        var fallbackIsARequirement =
                requirements.stream().anyMatch(r -> r.group().equals(fallbackGroup));
        var fallbackApprovals = fallbackIsARequirement ? 0 : approvals(fallbackGroup);
        for (var requirement : requirements) {
            var missing = requirement.approvals() - approvals(requirement.group());
            var covered = Math.min(Math.max(missing, 0), fallbackApprovals);
            fallbackApprovals -= covered;
            if (missing - covered > 0) {
                unmet.add(requirement);
            }
        }
        return unmet;
    }

    private int approvals(@Nullable String group) {
        return (int) decisions.stream()
                .filter(decision -> decision.outcome() == DecisionOutcome.APPROVE)
                .filter(decision -> group != null && group.equals(decision.requirementGroup()))
                .count();
    }
}
