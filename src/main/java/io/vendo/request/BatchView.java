package io.vendo.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A batch as the pages and the API show it: its rollout policy, where its rollout stands, how many rows are in each
 * state, and every row (a request of its own) in the order it was submitted.
 */
@NamedInterface("views")
public record BatchView(
        UUID id,
        String blueprintSlug,
        String justification,
        String requester,
        String team,
        int maxInFlight,
        int pauseAfterFailures,
        Status status,
        Map<RequestState, Long> rowsByState,
        List<Row> rows,
        Instant submittedAt,
        Instant updatedAt) {

    /** Where the batch stands, from its rows' states and its rollout. */
    public enum Status {
        /** Its approval has not been decided yet. */
        PENDING_APPROVAL,
        /** Approved rows are being executed, a few at a time. */
        ROLLING,
        /** Too many rows failed: rows not started yet wait until someone resumes it. */
        PAUSED,
        /** Every row reached an end (succeeded, failed, rejected, cancelled, expired or dry run). */
        COMPLETED
    }

    /** A row and the request it became. */
    public record Row(int index, RequestView request) {}

    /** The request whose approval decides every row. */
    public UUID leadRequestId() {
        return rows.getFirst().request().id();
    }
}
