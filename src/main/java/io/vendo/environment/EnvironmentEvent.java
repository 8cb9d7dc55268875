package io.vendo.environment;

import io.vendo.audit.AuditableEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Something that happened to an environment: audited under the environment's id, reacted to by notification. */
public sealed interface EnvironmentEvent extends AuditableEvent {

    UUID environmentId();

    @Override
    default String subjectId() {
        return environmentId().toString();
    }

    record EnvironmentCreated(
            UUID eventId,
            UUID environmentId,
            Instant occurredAt,
            String actor,
            UUID requestId,
            String blueprint,
            String target,
            @Nullable Instant expiresAt)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.created";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("request", requestId.toString());
            details.put("blueprint", blueprint);
            details.put("target", target);
            details.put("expiresAt", expiresAt == null ? "never" : expiresAt.toString());
            return details;
        }
    }

    /**
     * An UPDATE request changed it: from one blueprint version to another (or the same), with the parameters it
     * names changed (NoEcho ones are named whenever they were given, since their values are never compared).
     */
    record EnvironmentUpdated(
            UUID eventId,
            UUID environmentId,
            Instant occurredAt,
            String actor,
            UUID requestId,
            String fromVersion,
            String toVersion,
            String changedParameters)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.updated";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("request", requestId.toString());
            details.put("version", fromVersion.equals(toVersion) ? toVersion : fromVersion + " → " + toVersion);
            if (!changedParameters.isEmpty()) {
                details.put("parameters", changedParameters);
            }
            return details;
        }
    }

    /** A day-2 request was filed for the environment: it is busy with it until the request ends. */
    record DayTwoRequestFiled(
            UUID eventId, UUID environmentId, Instant occurredAt, String actor, UUID requestId, String kind)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.request-filed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("request", requestId.toString(), "kind", kind);
        }
    }

    record LeaseExtended(
            UUID eventId,
            UUID environmentId,
            Instant occurredAt,
            String actor,
            UUID requestId,
            Instant previousExpiry,
            Instant expiresAt)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.lease-extended";
        }

        @Override
        public Map<String, String> details() {
            return Map.of(
                    "request", requestId.toString(), "from", previousExpiry.toString(), "to", expiresAt.toString());
        }
    }

    /** The lease ends within {@code before}: the owner is reminded (once per reminder and expiry). */
    record LeaseReminderDue(
            UUID eventId,
            UUID environmentId,
            Instant occurredAt,
            String actor,
            String owner,
            Duration before,
            Instant expiresAt)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.lease-reminded";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("owner", owner, "before", before.toString(), "expiresAt", expiresAt.toString());
        }
    }

    /** An admin paused or resumed the lease's expiry. */
    record ExpiryPaused(UUID eventId, UUID environmentId, Instant occurredAt, String actor, boolean paused)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return paused ? "environment.expiry-paused" : "environment.expiry-resumed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    /** The day-2 request the environment was busy with ended without changing it (rejected, cancelled, failed…). */
    record DayTwoRequestEnded(
            UUID eventId, UUID environmentId, Instant occurredAt, String actor, UUID requestId, String outcome)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.request-ended";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("request", requestId.toString(), "outcome", outcome);
        }
    }

    /** Its lease ended; Vendo filed a request to decommission it. */
    record LeaseExpired(
            UUID eventId,
            UUID environmentId,
            Instant occurredAt,
            String actor,
            UUID requestId,
            @Nullable Instant expiresAt)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.lease-expired";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("request", requestId.toString(), "expiresAt", String.valueOf(expiresAt));
        }
    }

    /** Nothing of it is left in AWS but what {@code kept} lists (retained resources, a suspended account). */
    record Decommissioned(
            UUID eventId, UUID environmentId, Instant occurredAt, String actor, UUID requestId, String kept)
            implements EnvironmentEvent {

        @Override
        public String action() {
            return "environment.decommissioned";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("request", requestId.toString());
            if (!kept.isEmpty()) {
                details.put("kept", kept);
            }
            return details;
        }
    }
}
