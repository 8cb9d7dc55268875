package io.vendo.approval;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An approver decided on a request. */
public record DecisionRecorded(
        UUID eventId,
        UUID requestId,
        Instant occurredAt,
        String actor,
        DecisionOutcome outcome,
        DecisionChannel channel,
        String comment)
        implements AuditableEvent {

    @Override
    public String action() {
        return outcome == DecisionOutcome.APPROVE ? "approval.approved" : "approval.rejected";
    }

    @Override
    public String subjectId() {
        return requestId.toString();
    }

    @Override
    public Map<String, String> details() {
        var details = new LinkedHashMap<String, String>();
        details.put("channel", channel.name());
        if (!comment.isBlank()) {
            details.put("comment", comment);
        }
        return details;
    }
}
