package io.vendo.request;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A StackSet request chose where it deploys: these organizational units and regions instead of its blueprint's.
 * Published in the submitting transaction, so that the audit log tells where it went from the start.
 *
 * @param organizationalUnits the OUs chosen; empty: the blueprint's
 * @param regions the regions chosen, in deployment order; empty: the blueprint's
 */
@NamedInterface("events")
public record StackSetTargetsChosen(
        UUID eventId,
        UUID requestId,
        Instant occurredAt,
        String actor,
        List<String> organizationalUnits,
        List<String> regions)
        implements AuditableEvent {

    public StackSetTargetsChosen {
        organizationalUnits = List.copyOf(organizationalUnits);
        regions = List.copyOf(regions);
    }

    @Override
    public String subjectId() {
        return requestId.toString();
    }

    @Override
    public String action() {
        return "request.stack-set-targets-chosen";
    }

    @Override
    public Map<String, String> details() {
        return Map.of(
                "organizationalUnits",
                organizationalUnits.isEmpty() ? "the blueprint's" : String.join(", ", organizationalUnits),
                "regions",
                regions.isEmpty() ? "the blueprint's" : String.join(", ", regions));
    }
}
