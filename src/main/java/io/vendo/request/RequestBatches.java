package io.vendo.request;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.TargetNotAllowedException;
import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal;
import io.vendo.request.BatchRefusedException.RowError;
import io.vendo.request.RequestEvent.RequestFailed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fleets: a batch's rows are checked exactly as single submissions are ({@link Submissions}) and stored together or
 * not at all; row 0 leads, and only its approval opens (its followers' submissions say they are led by it). The
 * rollout pauses when enough rows failed. {@link Requests} is the door; this does the work, in its transaction.
 */
@Component
class RequestBatches {

    private static final Logger log = LoggerFactory.getLogger(RequestBatches.class);

    private static final Set<RequestState> ENDED = EnumSet.of(
            RequestState.SUCCEEDED,
            RequestState.FAILED,
            RequestState.REJECTED,
            RequestState.CANCELLED,
            RequestState.EXPIRED,
            RequestState.DRY_RUN,
            RequestState.ABANDONED);

    private final RequestBatchRepository batches;
    private final RequestRepository requests;
    private final Submissions submissions;
    private final io.vendo.catalog.Catalog catalog;
    private final BatchProperties properties;
    private final Clock clock;

    RequestBatches(
            RequestBatchRepository batches,
            RequestRepository requests,
            Submissions submissions,
            io.vendo.catalog.Catalog catalog,
            BatchProperties properties,
            Clock clock) {
        this.batches = batches;
        this.requests = requests;
        this.submissions = submissions;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    BatchView submit(SubmitBatch submission, Actor requester) {
        var blueprint = catalog.latestVersion(submission.blueprint());
        var rows = submission.rows();
        if (rows.isEmpty() || rows.size() > properties.maxRows()) {
            throw new BatchRefusedException(
                    rows.size(),
                    List.of(new RowError(0, "row", "A batch has 1 to %d rows".formatted(properties.maxRows()))));
        }
        var errors = new ArrayList<RowError>();
        var checked = new ArrayList<Submissions.Checked>();
        var emails = new HashMap<String, Integer>();
        for (int index = 0; index < rows.size(); index++) {
            var row = rows.get(index);
            try {
                var one = submissions.check(blueprint, row.target(), row.parameters());
                checked.add(one);
                if (blueprint.kind() == BlueprintKind.ACCOUNT) {
                    var email =
                            one.parameters().getOrDefault("AccountEmail", "").toLowerCase(Locale.ROOT);
                    var first = emails.putIfAbsent(email, index);
                    if (first != null) {
                        errors.add(new RowError(
                                index, "parameters.AccountEmail", "Row %d already uses this e-mail".formatted(first)));
                    }
                }
            } catch (Refusal refusal) {
                errors.addAll(rowErrors(index, refusal));
                if (!(refusal instanceof io.vendo.catalog.InvalidParametersException)) {
                    try {
                        catalog.validateParameters(blueprint, row.parameters());
                    } catch (io.vendo.catalog.InvalidParametersException invalid) {
                        errors.addAll(rowErrors(index, invalid));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BatchRefusedException(rows.size(), errors);
        }
        submissions.refuseOverQuota(blueprint, requester.primaryTeam(), rows.size());
        var now = clock.instant();
        var ids = rows.stream().map(row -> UUID.randomUUID()).toList();
        var batchId = UUID.randomUUID();
        var maxInFlight = Optional.ofNullable(submission.maxInFlight()).orElse(properties.maxInFlight());
        var pauseAfter = Optional.ofNullable(submission.pauseAfterFailures()).orElse(properties.pauseAfterFailures());
        // The batch first: the lead's approval may be granted at once (a policy that approves itself), and then
        // approves its followers, which must be there already.
        var batch = batches.save(RequestBatch.submit(
                batchId, blueprint.slug(), submission.justification(), requester, maxInFlight, pauseAfter, ids, now));
        for (int index = rows.size() - 1; index >= 0; index--) {
            var request = submissions.seal(checked.get(index), ids.get(index), submission.justification(), requester);
            requests.save(VendingRequest.submit(request, index == 0 ? null : ids.getFirst(), now));
        }
        log.info(
                "Batch {} submitted: {} version {}, {} rows, for team {}",
                batchId,
                blueprint.slug(),
                blueprint.number(),
                rows.size(),
                requester.primaryTeam());
        return view(batch);
    }

    /** What a refused row is refused for, keyed as the body names it. */
    private static List<RowError> rowErrors(int index, Refusal refusal) {
        return switch (refusal) {
            case io.vendo.catalog.InvalidParametersException invalid ->
                invalid.errors().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(error -> new RowError(index, "parameters." + error.getKey(), error.getValue()))
                        .toList();
            case TargetNotAllowedException notAllowed ->
                notAllowed.errors().entrySet().stream()
                        .map(error -> new RowError(
                                index,
                                error.getKey().equals("target") ? "target" : "parameters." + error.getKey(),
                                error.getValue()))
                        .toList();
            case Refusal other
            when other.kind() == Refusal.Kind.NOT_FOUND -> List.of(new RowError(index, "target", other.detail()));
            default -> throw refusal;
        };
    }

    BatchView view(RequestBatch batch) {
        var rows = new ArrayList<BatchView.Row>();
        var counts = new EnumMap<RequestState, Long>(RequestState.class);
        var ids = batch.requestIds();
        var found = new HashMap<UUID, RequestView>();
        requests.findAllById(ids).forEach(request -> found.put(request.getId(), request.toView()));
        for (int index = 0; index < ids.size(); index++) {
            var request = found.get(ids.get(index));
            if (request == null) {
                throw new IllegalStateException("Row %d of batch %s has no request".formatted(index, batch.id()));
            }
            rows.add(new BatchView.Row(index, request));
            counts.merge(request.state(), 1L, Long::sum);
        }
        var updates = batch.updateOf() != null
                ? List.<BatchView.Update>of()
                : batches.findByUpdateOfOrderBySubmittedAtDesc(batch.id()).stream()
                        .map(this::view)
                        .map(update -> new BatchView.Update(
                                update.id(),
                                update.version(),
                                update.status(),
                                update.rows().size(),
                                update.submittedAt()))
                        .toList();
        return batch.toView(status(batch, counts), counts, rows, updates);
    }

    private static BatchView.Status status(RequestBatch batch, Map<RequestState, Long> counts) {
        if (counts.containsKey(RequestState.PENDING_APPROVAL)) {
            return BatchView.Status.PENDING_APPROVAL;
        }
        if (counts.keySet().stream().allMatch(ENDED::contains)) {
            return BatchView.Status.COMPLETED;
        }
        return batch.paused() ? BatchView.Status.PAUSED : BatchView.Status.ROLLING;
    }

    RequestBatch require(UUID batchId) {
        return batches.findById(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
    }

    BatchView resume(RequestBatch batch, Actor actor) {
        batch.resume(actor.username(), batches.countFailedRows(batch.id()), clock.instant());
        return view(batches.save(batch));
    }

    List<RequestView> decidedTogether(UUID requestId) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(requestId), followersOf(requestId).stream())
                .map(id -> requests.findById(id)
                        .orElseThrow(() -> new RequestNotFoundException(id))
                        .toView())
                .toList();
    }

    /** A row withdrawn while its batch's approval waits withdraws every other row still waiting for it. */
    void withdrawWith(UUID withdrawn, Actor actor, boolean whileItWaits) {
        if (!whileItWaits) {
            return;
        }
        leadOf(withdrawn).ifPresent(lead -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(lead), followersOf(lead).stream())
                .filter(row -> !row.equals(withdrawn))
                .map(row -> requests.findById(row).orElseThrow(() -> new RequestNotFoundException(row)))
                .filter(row -> row.toView().state() == RequestState.PENDING_APPROVAL)
                .forEach(row -> {
                    row.cancel(actor.username(), clock.instant());
                    requests.save(row);
                }));
    }

    /** The rows an approval of this request decides besides itself: its batch's other rows when it leads one. */
    List<UUID> followersOf(UUID requestId) {
        return batches.findFollowersOf(requestId);
    }

    Optional<UUID> leadOf(UUID requestId) {
        return batches.findLeadOf(requestId);
    }

    Optional<BatchRow> rowOf(UUID requestId) {
        return batches.findRowOf(requestId)
                .map(row -> new BatchRow(row.getBatchId(), row.getRowIndex(), row.getLeadId()));
    }

    Optional<Rollout> rolloutOf(UUID requestId) {
        return batches.findByRequest(requestId).map(RequestBatch::rollout);
    }

    /** A failed row may pause its batch's rollout; in the failing transaction, so no waiting row starts after it. */
    @EventListener
    void on(RequestFailed failed) {
        batches.findByRequest(failed.requestId()).ifPresent(batch -> {
            if (batch.rowFailed(batches.countFailedRows(batch.id()), clock.instant())) {
                batches.save(batch);
                log.info("Batch {} paused: {} failed", batch.id(), failed.requestId());
            }
        });
    }
}
