package io.vendo.request.api;

import io.vendo.request.BatchView;
import io.vendo.request.RequestState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch as the API returns it: its rollout, where it stands, how many rows are in each state, and each row's progress.
 *
 * @param status PENDING_APPROVAL until its one approval is decided, then ROLLING, PAUSED (after too many failures:
 *     rows not started wait for {@code resume}) or COMPLETED
 * @param rowsByState how many rows are in each request state
 */
record BatchResponse(
        UUID id,
        String blueprint,
        String justification,
        String requester,
        String team,
        BatchView.Status status,
        RolloutPolicy rollout,
        Map<RequestState, Long> rowsByState,
        List<Row> rows,
        Instant submittedAt,
        Instant updatedAt) {

    /**
     * @param maxInFlight rows executing at once (the admission limits per account and overall hold besides)
     * @param pauseAfterFailures failed rows after which the rollout pauses
     */
    record RolloutPolicy(int maxInFlight, int pauseAfterFailures) {}

    /**
     * A row's progress: the request it became.
     *
     * @param index its place in the submission, from 0; row 0's approval decides every row
     * @param parameters its values, NoEcho ones masked
     */
    record Row(
            int index,
            UUID requestId,
            String target,
            RequestState state,
            Map<String, String> parameters,
            Map<String, String> outputs,
            @Nullable String failureReason,
            Instant updatedAt) {}

    static BatchResponse of(BatchView batch) {
        return new BatchResponse(
                batch.id(),
                batch.blueprintSlug(),
                batch.justification(),
                batch.requester(),
                batch.team(),
                batch.status(),
                new RolloutPolicy(batch.maxInFlight(), batch.pauseAfterFailures()),
                batch.rowsByState(),
                batch.rows().stream()
                        .map(row -> new Row(
                                row.index(),
                                row.request().id(),
                                row.request().targetSlug(),
                                row.request().state(),
                                row.request().parameters(),
                                row.request().outputs(),
                                row.request().failureReason(),
                                row.request().updatedAt()))
                        .toList(),
                batch.submittedAt(),
                batch.updatedAt());
    }
}
