package io.vendo.request;

import io.vendo.audit.AuditableEvent;
import io.vendo.catalog.EnvironmentTier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Something that happened to a request. Each is audited and may be reacted to by other modules. */
@NamedInterface("events")
public sealed interface RequestEvent extends AuditableEvent {

    UUID requestId();

    @Override
    default String subjectId() {
        return requestId().toString();
    }

    record RequestSubmitted(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            RequestKind kind,
            @Nullable UUID environmentId,
            String blueprint,
            int blueprintVersion,
            String target,
            EnvironmentTier environment,
            String team,
            boolean previewFirst,
            @Nullable UUID ledBy)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.submitted";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            if (kind.dayTwo()) {
                details.put("kind", kind.name());
                details.put("environment", String.valueOf(environmentId));
            }
            details.put("blueprint", blueprint + " v" + blueprintVersion);
            details.put("target", target + " (" + environment + ")");
            details.put("team", team);
            if (previewFirst) {
                details.put("preview", "approvers are invited once AWS computed what it will change");
            }
            if (ledBy != null) {
                details.put("approval", "decided with request " + ledBy + ", the first row of its batch");
            }
            return details;
        }
    }

    /**
     * AWS computed what the request will change (a change set's resource changes): approvers see it before they
     * decide, and a request that waits for approval invites them now.
     *
     * @param state the request's state when the preview came: PENDING_APPROVAL, or APPROVED by its policy
     */
    record RequestPreviewed(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            RequestKind kind,
            RequestState state,
            ChangePreview preview)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.previewed";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("preview", preview.name());
            details.put("round", String.valueOf(preview.round()));
            details.put("summary", preview.summary());
            if (!preview.changes().isEmpty()) {
                details.put(
                        "changes",
                        String.join(
                                "\n",
                                preview.changes().stream()
                                        .map(ChangePreview.Change::summary)
                                        .toList()));
            }
            if (preview.note() != null) {
                details.put("note", preview.note());
            }
            return details;
        }
    }

    /**
     * What was approved can no longer be executed as shown (its change set went stale): the request waits for
     * approval again, with a new preview. Nothing was executed.
     */
    record RequestReturnedForApproval(UUID eventId, UUID requestId, Instant occurredAt, String actor, String reason)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.returned-for-approval";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("reason", reason);
        }
    }

    record RequestApproved(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            RequestKind kind,
            @Nullable UUID environmentId)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.approved";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    record RequestRejected(UUID eventId, UUID requestId, Instant occurredAt, String actor, String reason)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.rejected";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("reason", reason);
        }
    }

    record RequestCancelled(UUID eventId, UUID requestId, Instant occurredAt, String actor) implements RequestEvent {

        @Override
        public String action() {
            return "request.cancelled";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    /**
     * A failed composite request continues: its failed components (and those they stopped) are tried again, those that
     * succeeded stay as they are.
     */
    record RequestRetried(UUID eventId, UUID requestId, Instant occurredAt, String actor) implements RequestEvent {

        @Override
        public String action() {
            return "request.retried";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    /** A failed composite abandoned by its requester ({@code request.abandoning}), its stacks all deleted ({@code done}). */
    record RequestAbandonment(UUID eventId, UUID requestId, Instant occurredAt, String actor, boolean done)
            implements RequestEvent {

        @Override
        public String action() {
            return done ? "request.abandoned" : "request.abandoning";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    /** No decision came before the approval deadline. */
    record RequestExpired(UUID eventId, UUID requestId, Instant occurredAt, String actor) implements RequestEvent {

        @Override
        public String action() {
            return "request.expired";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }

    record RequestStarted(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            String operation,
            RequestKind kind,
            @Nullable UUID environmentId)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.started";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("operation", operation);
        }
    }

    /**
     * @param handles what AWS identifies the result by (StackId, ProvisionedProductId, AccountId, StackSet instances),
     *     for the environment it makes or changes; not audited (the outputs are)
     */
    record RequestSucceeded(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            RequestKind kind,
            @Nullable UUID environmentId,
            Map<String, String> outputs,
            Map<String, String> handles)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.succeeded";
        }

        @Override
        public Map<String, String> details() {
            return outputs;
        }
    }

    record RequestFailed(
            UUID eventId,
            UUID requestId,
            Instant occurredAt,
            String actor,
            String reason,
            RequestKind kind,
            @Nullable UUID environmentId)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.failed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("reason", reason);
        }
    }

    record RequestDryRunCompleted(UUID eventId, UUID requestId, Instant occurredAt, String actor, String plan)
            implements RequestEvent {

        @Override
        public String action() {
            return "request.dry-run-completed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("plan", plan);
        }
    }
}
