package io.vendo.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A batch as the pages and the API show it: its rollout policy, where its rollout stands, how many rows are in each
 * state, and every row (a request of its own) in the order it was submitted. An update of a fleet names the fleet,
 * the version it rolls out, the fleet's rows it left out, and what its rows' previews change taken together.
 *
 * @param updateOf the fleet this batch updates; none for a fleet
 * @param version the blueprint version an update rolls out; none for a fleet, or an update that keeps each row's own
 * @param skipped the fleet's rows an update left out, and why
 * @param updates a fleet's updates, newest first; none for an update
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
        Instant updatedAt,
        @Nullable UUID updateOf,
        @Nullable Integer version,
        List<Skipped> skipped,
        List<Update> updates) {

    public BatchView {
        skipped = List.copyOf(skipped);
        updates = List.copyOf(updates);
    }

    /** One of a fleet's updates, as its page lists them. */
    public record Update(UUID id, @Nullable Integer version, Status status, int rows, Instant submittedAt) {}

    /** Whether every update of this fleet ended: a new one may be filed once the fleet itself completed. */
    public boolean updatable() {
        return !isUpdate()
                && status == Status.COMPLETED
                && updates.stream().allMatch(update -> update.status() == Status.COMPLETED);
    }

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

    /** A row of the fleet that an update left out, and why. */
    public record Skipped(int fleetRow, String reason) {}

    /**
     * What the rows' previews change, taken together: the approver's summary.
     *
     * @param previewed rows whose preview is there
     * @param waiting rows still waiting for AWS to compute theirs
     * @param replacing the rows (by index) whose changes replace, or may replace, a resource
     */
    public record PreviewSummary(
            int previewed,
            int waiting,
            long adds,
            long modifies,
            long removes,
            long replacements,
            List<Integer> replacing) {}

    /** Whether this batch updates a fleet's environments rather than creating them. */
    public boolean isUpdate() {
        return updateOf != null;
    }

    /** The rows' previews counted together: what the one approval of an update decides on. */
    public PreviewSummary previewSummary() {
        return summarize(rows.stream().map(Row::request).toList());
    }

    /**
     * The previews of the requests one approval decides (its batch's rows, in their order) counted together.
     *
     * @param requests the rows' requests in row order: a row's index is its place here
     */
    public static PreviewSummary summarize(List<RequestView> requests) {
        int previewed = 0;
        int waiting = 0;
        long adds = 0;
        long modifies = 0;
        long removes = 0;
        long replacements = 0;
        var replacing = new java.util.ArrayList<Integer>();
        for (int index = 0; index < requests.size(); index++) {
            var request = requests.get(index);
            if (request.previewPending()) {
                waiting++;
            }
            var preview = request.preview();
            if (preview == null || request.previewPending()) {
                continue;
            }
            previewed++;
            var changes = preview.changes();
            adds += changes.stream()
                    .filter(change -> "Add".equals(change.action()))
                    .count();
            modifies += changes.stream()
                    .filter(change -> "Modify".equals(change.action()))
                    .count();
            removes += changes.stream()
                    .filter(change -> "Remove".equals(change.action()))
                    .count();
            var replaced =
                    changes.stream().filter(ChangePreview.Change::replaces).count();
            replacements += replaced;
            if (replaced > 0) {
                replacing.add(index);
            }
        }
        return new PreviewSummary(previewed, waiting, adds, modifies, removes, replacements, List.copyOf(replacing));
    }

    /**
     * The round of the set of previews the rows show: 1, and one more each time a row's preview went stale and AWS
     * computed it again. The batch's approval is in this round; a decision names it ({@code "round"}).
     */
    public int previewRound() {
        return roundOf(rows.stream().map(Row::request).toList());
    }

    /** {@link #previewRound()} of the requests one approval decides. */
    public static int roundOf(List<RequestView> requests) {
        return 1
                + requests.stream()
                        .map(RequestView::preview)
                        .filter(java.util.Objects::nonNull)
                        .mapToInt(preview -> preview.round() - 1)
                        .sum();
    }

    /** The request whose approval decides every row. */
    public UUID leadRequestId() {
        return rows.getFirst().request().id();
    }
}
