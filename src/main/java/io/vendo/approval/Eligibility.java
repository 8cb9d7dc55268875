package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.identity.Directory;
import io.vendo.identity.Role;
import io.vendo.refusal.Refusal.Kind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may decide an approval now, and why anyone else may not: nobody once it is decided or while its preview is being
 * computed, never the requester, each person once per round, and only an approver of a group it still waits for (or of
 * its fallback group, once escalated). A snapshot of its {@link Approval}, taken for one question.
 *
 * @param decisions this round's decisions
 * @param unmet the requirements this round's approvals do not meet yet
 */
record Eligibility(
        UUID requestId,
        boolean pending,
        boolean held,
        String requester,
        List<Decision> decisions,
        List<Requirement> unmet,
        @Nullable String fallbackGroup,
        boolean escalated,
        List<String> pendingGroups) {

    @Nullable
    DecisionRefusedException refusal(Actor actor) {
        if (!pending) {
            return new DecisionRefusedException(
                    Kind.CONFLICT, "Request %s is no longer waiting for a decision".formatted(requestId));
        }
        if (held) {
            return new DecisionRefusedException(
                    Kind.CONFLICT,
                    "AWS is still computing what request %s will change: decide once the preview is shown"
                            .formatted(requestId));
        }
        if (actor.username().equals(requester)) {
            return new DecisionRefusedException(Kind.NOT_ALLOWED, "Nobody may approve or reject their own request");
        }
        if (decisions.stream().anyMatch(decision -> decision.approver().equals(actor.username()))) {
            return new DecisionRefusedException(
                    Kind.CONFLICT, "%s has already decided on this request".formatted(actor.username()));
        }
        if (!actor.has(Role.APPROVER) || (requirementFor(actor).isEmpty() && !standsInAsFallback(actor))) {
            return new DecisionRefusedException(
                    Kind.NOT_ALLOWED,
                    "%s is not an approver this request waits for (%s)"
                            .formatted(actor.username(), String.join(", ", pendingGroups)));
        }
        return null;
    }

    /** Whether the actor approves for one of these requirements' groups, or the fallback group (escalated or not). */
    boolean approverOf(Actor actor, List<Requirement> requirements) {
        return actor.has(Role.APPROVER)
                && (requirements.stream().anyMatch(requirement -> inGroup(actor, requirement.group()))
                        || (fallbackGroup != null && inGroup(actor, fallbackGroup)));
    }

    /** The first unmet requirement the actor can count towards. */
    Optional<Requirement> requirementFor(Actor actor) {
        return unmet.stream()
                .filter(requirement -> inGroup(actor, requirement.group()))
                .findFirst();
    }

    private boolean standsInAsFallback(Actor actor) {
        return escalated && fallbackGroup != null && inGroup(actor, fallbackGroup);
    }

    static boolean inGroup(Actor actor, String group) {
        return group.equals(Directory.ANY_APPROVER) || actor.teams().contains(group);
    }
}
