package io.vendo.request.api;

import io.vendo.request.RequestState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Query parameters of {@code GET /api/v1/requests}. A bean rather than a record: a parameter that does not convert
 * leaves the others bound and validated, so that one answer lists every invalid parameter.
 */
class RequestListQuery {

    static final int DEFAULT_LIMIT = 20;

    private @Nullable List<RequestState> state;

    @Size(max = 200)
    private @Nullable String blueprint;

    @Size(max = 200)
    private @Nullable String target;

    @Size(max = 200)
    private @Nullable String requester;

    private @Nullable Instant submittedFrom;
    private @Nullable Instant submittedBefore;

    @Size(max = 500)
    private @Nullable String cursor;

    @Min(1)
    @Max(100)
    private @Nullable Integer limit;

    /** Only requests in one of these states (repeat the parameter for several). */
    public @Nullable List<RequestState> getState() {
        return state;
    }

    public void setState(@Nullable List<RequestState> state) {
        this.state = state;
    }

    /** Only requests for this blueprint (its slug). */
    public @Nullable String getBlueprint() {
        return blueprint;
    }

    public void setBlueprint(@Nullable String blueprint) {
        this.blueprint = blueprint;
    }

    /** Only requests for this target (its slug). */
    public @Nullable String getTarget() {
        return target;
    }

    public void setTarget(@Nullable String target) {
        this.target = target;
    }

    /** Only requests by this user. */
    public @Nullable String getRequester() {
        return requester;
    }

    public void setRequester(@Nullable String requester) {
        this.requester = requester;
    }

    /** Only requests submitted at or after this instant (ISO-8601, e.g. 2026-11-23T00:00:00Z). */
    public @Nullable Instant getSubmittedFrom() {
        return submittedFrom;
    }

    public void setSubmittedFrom(@Nullable Instant submittedFrom) {
        this.submittedFrom = submittedFrom;
    }

    /** Only requests submitted before this instant (ISO-8601). */
    public @Nullable Instant getSubmittedBefore() {
        return submittedBefore;
    }

    public void setSubmittedBefore(@Nullable Instant submittedBefore) {
        this.submittedBefore = submittedBefore;
    }

    /** Where to continue: the {@code nextCursor} of the previous page, passed back unchanged. */
    public @Nullable String getCursor() {
        return cursor;
    }

    public void setCursor(@Nullable String cursor) {
        this.cursor = cursor;
    }

    /** How many requests per page, 1 to 100 (default 20). */
    public @Nullable Integer getLimit() {
        return limit;
    }

    public void setLimit(@Nullable Integer limit) {
        this.limit = limit;
    }

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
