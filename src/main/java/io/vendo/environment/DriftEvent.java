package io.vendo.environment;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happened to an environment's drift check: audited under the environment's id. */
public sealed interface DriftEvent extends AuditableEvent {

    UUID environmentId();

    @Override
    default String subjectId() {
        return environmentId().toString();
    }

    record DriftCheckRequested(
            UUID eventId, UUID environmentId, Instant occurredAt, String actor, UUID checkId, DriftCheckTrigger trigger)
            implements DriftEvent {

        @Override
        public String action() {
            return "environment.drift-check-requested";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("check", checkId.toString(), "trigger", trigger.name());
        }
    }

    /**
     * A drift check ended: its result, how many resources drifted, and the environment's status when it changed
     * (ACTIVE to DRIFTED, or back).
     */
    record DriftCheckFinished(
            UUID eventId,
            UUID environmentId,
            Instant occurredAt,
            String actor,
            UUID checkId,
            DriftCheckState result,
            int driftedResources,
            @Nullable String reason,
            @Nullable String statusChange)
            implements DriftEvent {

        @Override
        public String action() {
            return "environment.drift-checked";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("check", checkId.toString());
            details.put("result", result.name());
            details.put("driftedResources", String.valueOf(driftedResources));
            if (reason != null) {
                details.put("reason", reason);
            }
            if (statusChange != null) {
                details.put("status", statusChange);
            }
            return details;
        }
    }
}
