package io.vendo.request.api;

import io.vendo.request.BatchView;
import io.vendo.request.ChangePreview;
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
 * @param updateOf for an update of a fleet: the fleet; none for a fleet
 * @param version for an update: the blueprint version it rolls out; none when each row keeps its own
 * @param skipped for an update: the fleet's rows it left out, by the fleet's row index, with the reason
 * @param previews for an update: what its rows' previews change, counted together
 * @param approvalRound for an update: the round its one approval (row 0's) is in; a decision names it as {@code round}
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
        Instant updatedAt,
        @Nullable UUID updateOf,
        @Nullable Integer version,
        List<BatchView.Skipped> skipped,
        BatchView.@Nullable PreviewSummary previews,
        @Nullable Integer approvalRound) {

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
     * @param preview for an update's row: what AWS computed it will change (a change set); none while it is computed
     */
    record Row(
            int index,
            UUID requestId,
            String target,
            RequestState state,
            Map<String, String> parameters,
            Map<String, String> outputs,
            @Nullable String failureReason,
            Instant updatedAt,
            @Nullable ChangePreview preview) {}

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
                                row.request().updatedAt(),
                                row.request().preview()))
                        .toList(),
                batch.submittedAt(),
                batch.updatedAt(),
                batch.updateOf(),
                batch.version(),
                batch.skipped(),
                batch.isUpdate() ? batch.previewSummary() : null,
                batch.isUpdate() ? batch.previewRound() : null);
    }
}
