package io.vendo.request;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Something that happened to a batch as a whole; each row's own story is told by its {@link RequestEvent}s. */
@NamedInterface("events")
public sealed interface BatchEvent extends AuditableEvent {

    UUID batchId();

    @Override
    default String subjectId() {
        return batchId().toString();
    }

    /** How an audit record says a batch is rolled out. */
    private static String rollout(int maxInFlight, int pauseAfterFailures) {
        return "at most %d in flight, pause after %d failures".formatted(maxInFlight, pauseAfterFailures);
    }

    /** @param leadRequestId the row whose approval decides them all */
    record BatchSubmitted(
            UUID eventId,
            UUID batchId,
            Instant occurredAt,
            String actor,
            String blueprint,
            int rows,
            UUID leadRequestId,
            int maxInFlight,
            int pauseAfterFailures)
            implements BatchEvent {

        @Override
        public String action() {
            return "batch.submitted";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("blueprint", blueprint);
            details.put("rows", String.valueOf(rows));
            details.put("approval", "request " + leadRequestId + " decides every row");
            details.put("rollout", rollout(maxInFlight, pauseAfterFailures));
            return details;
        }
    }

    /**
     * An UPDATE of a fleet was filed: one UPDATE request per environment the fleet created, decided by one approval.
     *
     * @param version the blueprint version rolled out; none: each environment keeps its own
     * @param skipped the fleet's rows left out (no environment, decommissioned, busy, already up to date)
     * @param leadRequestId the row whose approval decides them all, once every row's preview is there
     */
    record BatchUpdateSubmitted(
            UUID eventId,
            UUID batchId,
            Instant occurredAt,
            String actor,
            UUID fleetId,
            String blueprint,
            @org.jspecify.annotations.Nullable Integer version,
            int rows,
            int skipped,
            UUID leadRequestId,
            int maxInFlight,
            int pauseAfterFailures)
            implements BatchEvent {

        @Override
        public String action() {
            return "batch.update-submitted";
        }

        @Override
        public Map<String, String> details() {
            var details = new LinkedHashMap<String, String>();
            details.put("fleet", fleetId.toString());
            details.put(
                    "blueprint",
                    version == null ? blueprint + " (each row's own version)" : blueprint + " v" + version);
            details.put("rows", String.valueOf(rows));
            details.put("skipped", String.valueOf(skipped));
            details.put("approval", "request " + leadRequestId + " decides every row, once every preview is there");
            details.put("rollout", rollout(maxInFlight, pauseAfterFailures));
            return details;
        }
    }

    /**
     * Rows failed: those not started yet wait until someone resumes the rollout.
     *
     * @param requester who submitted the batch, and may resume it
     */
    record BatchPaused(UUID eventId, UUID batchId, Instant occurredAt, String actor, int failedRows, String requester)
            implements BatchEvent {

        @Override
        public String action() {
            return "batch.paused";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("failed rows", String.valueOf(failedRows));
        }
    }

    /** Someone resumed the rollout: the waiting rows start again, and it pauses again after as many new failures. */
    record BatchResumed(UUID eventId, UUID batchId, Instant occurredAt, String actor) implements BatchEvent {

        @Override
        public String action() {
            return "batch.resumed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }
}
