package io.vendo.request;

import io.vendo.request.RequestEvent.RequestPreviewed;
import io.vendo.request.RequestEvent.RequestReturnedForApproval;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * What a day-2 request is about: the environment it acts on, the expiry an EXTEND asks for, and what an UPDATE will
 * change as AWS computed it before approvers decide (and whether they still wait for that). Part of its {@link
 * VendingRequest}, which guards when it changes.
 */
@Embeddable
class DayTwo {

    /** The environment it acts on; none for PROVISION. */
    @Column(name = "environment_id", updatable = false)
    private @Nullable UUID environmentId;

    @Column(name = "requested_expiry", updatable = false)
    private @Nullable Instant requestedExpiry;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "preview")
    private @Nullable ChangePreview preview;

    /** Whether approvers wait for a preview being computed: they are invited once it is there. */
    @Column(name = "preview_pending", nullable = false)
    private boolean previewPending;

    protected DayTwo() {}

    DayTwo(NewRequest request) {
        this.environmentId = request.environmentId();
        this.requestedExpiry = request.requestedExpiry();
        this.previewPending = request.previewFirst();
        this.preview = request.preview();
    }

    /** Shows what AWS computed; the event invites the approvers (unless the request is approved already). */
    RequestPreviewed show(UUID request, RequestKind kind, RequestState state, ChangePreview computed, Instant now) {
        preview = computed;
        previewPending = false;
        return new RequestPreviewed(UUID.randomUUID(), request, now, VendingRequest.SYSTEM, kind, state, computed);
    }

    /** What was approved went stale: approvers wait for a new preview. */
    RequestReturnedForApproval awaitNewPreview(UUID request, String reason, Instant now) {
        previewPending = true;
        return new RequestReturnedForApproval(UUID.randomUUID(), request, now, VendingRequest.SYSTEM, reason);
    }

    @Nullable
    UUID environmentId() {
        return environmentId;
    }

    @Nullable
    Instant requestedExpiry() {
        return requestedExpiry;
    }

    @Nullable
    ChangePreview preview() {
        return preview;
    }

    boolean previewPending() {
        return previewPending;
    }
}
