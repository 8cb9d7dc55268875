package io.vendo.request;

import io.vendo.request.BatchEvent.BatchPaused;
import io.vendo.request.BatchEvent.BatchResumed;
import io.vendo.request.BatchEvent.BatchSubmitted;
import io.vendo.request.BatchEvent.BatchUpdateSubmitted;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A fleet: the requests one submission became (row 0 leads: its approval decides them all) and its rollout. The
 * rollout pauses once {@code pauseAfterFailures} rows failed since it started or was last resumed; resuming lets the
 * waiting rows start, and it pauses again after as many new failures.
 *
 * <p>A later UPDATE of a fleet is a batch too ({@code updateOf} names the fleet): its rows are the UPDATE requests of
 * the environments the fleet's rows created, under the same kind of rollout; the fleet's rows it left out are kept with
 * the reason.
 */
@Entity
@Table(name = "request_batch")
class RequestBatch extends AbstractAggregateRoot<RequestBatch> {

    enum RolloutState {
        ROLLING,
        PAUSED
    }

    @Id
    private UUID id;

    @Column(name = "blueprint_slug", nullable = false, updatable = false)
    private String blueprintSlug;

    @Column(nullable = false, updatable = false)
    private String justification;

    @Column(nullable = false, updatable = false)
    private String requester;

    @Column(nullable = false, updatable = false)
    private String team;

    @Column(name = "max_in_flight", nullable = false, updatable = false)
    private int maxInFlight;

    @Column(name = "pause_after_failures", nullable = false, updatable = false)
    private int pauseAfterFailures;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RolloutState rollout = RolloutState.ROLLING;

    @Column(name = "failures_before_resume", nullable = false)
    private int failuresBeforeResume;

    @ElementCollection
    @CollectionTable(name = "request_batch_row", joinColumns = @JoinColumn(name = "batch_id"))
    @OrderColumn(name = "row_index")
    @Column(name = "request_id", nullable = false)
    private List<UUID> requestIds = new ArrayList<>();

    @Column(name = "update_of", updatable = false)
    private @Nullable UUID updateOf;

    @Column(name = "blueprint_version", updatable = false)
    private @Nullable Integer blueprintVersion;

    @ElementCollection
    @CollectionTable(name = "request_batch_skipped_row", joinColumns = @JoinColumn(name = "batch_id"))
    @jakarta.persistence.OrderBy("fleetRow")
    private List<SkippedFleetRow> skipped = new ArrayList<>();

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected RequestBatch() {}

    private RequestBatch(
            UUID id,
            String blueprintSlug,
            String justification,
            String requester,
            String team,
            int maxInFlight,
            int pauseAfterFailures,
            List<UUID> requestIds,
            Instant now) {
        this.id = id;
        this.blueprintSlug = blueprintSlug;
        this.justification = justification.strip();
        this.requester = requester;
        this.team = team;
        this.maxInFlight = maxInFlight;
        this.pauseAfterFailures = pauseAfterFailures;
        this.requestIds = new ArrayList<>(requestIds);
        this.submittedAt = now;
        this.updatedAt = now;
    }

    static RequestBatch submit(
            UUID id,
            String blueprintSlug,
            String justification,
            io.vendo.identity.Actor requester,
            int maxInFlight,
            int pauseAfterFailures,
            List<UUID> requestIds,
            Instant now) {
        var batch = new RequestBatch(
                id,
                blueprintSlug,
                justification,
                requester.username(),
                requester.primaryTeam(),
                maxInFlight,
                pauseAfterFailures,
                requestIds,
                now);
        batch.registerEvent(new BatchSubmitted(
                UUID.randomUUID(),
                id,
                now,
                batch.requester,
                blueprintSlug,
                requestIds.size(),
                requestIds.getFirst(),
                maxInFlight,
                pauseAfterFailures));
        return batch;
    }

    /**
     * An UPDATE of the fleet: its rows are the UPDATE requests filed for the fleet's environments (the first leads:
     * its approval decides them all), rolled out under the same policy as the fleet's unless the update names its own.
     *
     * @param version the blueprint version rolled out; none: each environment keeps its own
     */
    static RequestBatch update(
            UUID id,
            RequestBatch fleet,
            @Nullable Integer version,
            String justification,
            io.vendo.identity.Actor requester,
            int maxInFlight,
            int pauseAfterFailures,
            List<UUID> requestIds,
            List<SkippedFleetRow> skipped,
            Instant now) {
        var batch = new RequestBatch(
                id,
                fleet.blueprintSlug,
                justification,
                requester.username(),
                fleet.team,
                maxInFlight,
                pauseAfterFailures,
                requestIds,
                now);
        batch.updateOf = fleet.id;
        batch.blueprintVersion = version;
        batch.skipped = new ArrayList<>(skipped);
        batch.registerEvent(new BatchUpdateSubmitted(
                UUID.randomUUID(),
                id,
                now,
                batch.requester,
                fleet.id,
                fleet.blueprintSlug,
                version,
                requestIds.size(),
                skipped.size(),
                requestIds.getFirst(),
                maxInFlight,
                pauseAfterFailures));
        return batch;
    }

    /**
     * A row failed: with {@code failedRows} failed in all, the rollout pauses if enough failed since it started or was
     * last resumed.
     *
     * @return whether it paused now
     */
    boolean rowFailed(int failedRows, Instant now) {
        if (rollout == RolloutState.PAUSED || failedRows - failuresBeforeResume < pauseAfterFailures) {
            return false;
        }
        rollout = RolloutState.PAUSED;
        updatedAt = now;
        registerEvent(new BatchPaused(UUID.randomUUID(), id, now, VendingRequest.SYSTEM, failedRows, requester));
        return true;
    }

    /** The rows not started yet may start; the failures so far no longer count towards the next pause. */
    void resume(String actor, int failedRows, Instant now) {
        if (!actor.equals(requester)) {
            throw new BatchActionRefusedException(
                    id, io.vendo.refusal.Refusal.Kind.NOT_ALLOWED, "Only the batch's requester may resume its rollout");
        }
        if (rollout != RolloutState.PAUSED) {
            throw new BatchActionRefusedException(
                    id, io.vendo.refusal.Refusal.Kind.CONFLICT, "The rollout of batch %s is not paused".formatted(id));
        }
        rollout = RolloutState.ROLLING;
        failuresBeforeResume = failedRows;
        updatedAt = now;
        registerEvent(new BatchResumed(UUID.randomUUID(), id, now, actor));
    }

    UUID id() {
        return id;
    }

    List<UUID> requestIds() {
        return List.copyOf(requestIds);
    }

    String requester() {
        return requester;
    }

    @Nullable
    UUID updateOf() {
        return updateOf;
    }

    String blueprintSlug() {
        return blueprintSlug;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    int pauseAfterFailures() {
        return pauseAfterFailures;
    }

    boolean paused() {
        return rollout == RolloutState.PAUSED;
    }

    Rollout rollout() {
        return new Rollout(id, maxInFlight);
    }

    BatchView toView(
            BatchView.Status status,
            java.util.Map<RequestState, Long> counts,
            List<BatchView.Row> rows,
            List<BatchView.Update> updates) {
        return new BatchView(
                id,
                blueprintSlug,
                justification,
                requester,
                team,
                maxInFlight,
                pauseAfterFailures,
                status,
                counts,
                rows,
                submittedAt,
                updatedAt,
                updateOf,
                blueprintVersion,
                skipped.stream().map(SkippedFleetRow::toView).toList(),
                updates);
    }
}
