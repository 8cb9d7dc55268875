package io.vendo.approval;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** What happens in an approval: opened, decided, refused, reminded, escalated. All of it is audited. */
@NamedInterface("events")
public sealed interface ApprovalEvent extends AuditableEvent {

    UUID requestId();

    @Override
    default String subjectId() {
        return requestId().toString();
    }

    /** Approvers to invite (by e-mail, Slack) now. */
    sealed interface Invitation extends ApprovalEvent {
        List<String> invitees();
    }

    record ApprovalOpened(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            String policy,
            String requirements,
            String team,
            List<String> invitees,
            int round)
            implements Invitation {

        @Override
        public String action() {
            return "approval.opened";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            if (round > 1) {
                details.put("round", String.valueOf(round));
            }
            details.put("policy", policy);
            details.put("requires", requirements);
            details.put("invited", String.join(", ", invitees));
            return details;
        }
    }

    /**
     * What was approved went stale before it was executed (its change set): the approval is pending again in a new
     * round, and its approvers are invited once the new preview is there.
     */
    record ApprovalReopened(UUID eventId, UUID requestId, Instant occurredAt, String actor, int round, String reason)
            implements ApprovalEvent {

        @Override
        public String action() {
            return "approval.reopened";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("round", String.valueOf(round), "reason", reason);
        }
    }

    record ApprovalReminded(UUID eventId, UUID requestId, Instant occurredAt, String actor, List<String> invitees)
            implements Invitation {

        @Override
        public String action() {
            return "approval.reminded";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("reminded", String.join(", ", invitees));
        }
    }

    record ApprovalEscalated(
            UUID eventId, UUID requestId, Instant occurredAt, String actor, String group, List<String> invitees)
            implements Invitation {

        @Override
        public String action() {
            return "approval.escalated";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("to group", group, "invited", String.join(", ", invitees));
        }
    }

    record DecisionRecorded(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            DecisionOutcome outcome,
            DecisionChannel channel,
            String comment,
            String source)
            implements ApprovalEvent {

        @Override
        public String action() {
            return outcome == DecisionOutcome.APPROVE ? "approval.approved" : "approval.rejected";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("channel", channel.name());
            details.put("source", source);
            if (!comment.isBlank()) {
                details.put("comment", comment);
            }
            return details;
        }
    }

    /** A decision that was not accepted: who tried, how, from where, and why it was refused. */
    record DecisionRefused(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            DecisionChannel channel,
            String reason,
            String source)
            implements ApprovalEvent {

        @Override
        public String action() {
            return "approval.refused";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("channel", channel.name(), "reason", reason, "source", source);
        }
    }
}
