package io.vendo.environment.api;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.environment.EnvironmentStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Query parameters of {@code GET /api/v1/environments}. A bean rather than a record: a parameter that does not
 * convert leaves the others bound and validated, so that one answer lists every invalid parameter.
 */
class EnvironmentListQuery {

    static final int DEFAULT_LIMIT = 20;

    private boolean mine;

    private @Nullable List<EnvironmentStatus> status;

    @Size(max = 200)
    private @Nullable String blueprint;

    @Size(max = 200)
    private @Nullable String target;

    private @Nullable EnvironmentTier tier;

    private @Nullable Instant expiringBefore;

    @Size(max = 500)
    private @Nullable String cursor;

    @Min(1)
    @Max(100)
    private @Nullable Integer limit;

    /** Only the caller's own environments (otherwise: their own and their teams'; admins: all). */
    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }

    /** Only environments in one of these statuses (repeat the parameter for several). */
    public @Nullable List<EnvironmentStatus> getStatus() {
        return status;
    }

    public void setStatus(@Nullable List<EnvironmentStatus> status) {
        this.status = status;
    }

    /** Only environments of this blueprint (its slug). */
    public @Nullable String getBlueprint() {
        return blueprint;
    }

    public void setBlueprint(@Nullable String blueprint) {
        this.blueprint = blueprint;
    }

    /** Only environments on this target (its slug). */
    public @Nullable String getTarget() {
        return target;
    }

    public void setTarget(@Nullable String target) {
        this.target = target;
    }

    /** Only environments on targets of this tier. */
    public @Nullable EnvironmentTier getTier() {
        return tier;
    }

    public void setTier(@Nullable EnvironmentTier tier) {
        this.tier = tier;
    }

    /** Only environments whose lease ends before this instant (ISO-8601): "expiring soon". */
    public @Nullable Instant getExpiringBefore() {
        return expiringBefore;
    }

    public void setExpiringBefore(@Nullable Instant expiringBefore) {
        this.expiringBefore = expiringBefore;
    }

    /** Where the previous page ended: its {@code nextCursor}. */
    public @Nullable String getCursor() {
        return cursor;
    }

    public void setCursor(@Nullable String cursor) {
        this.cursor = cursor;
    }

    /** At most this many environments (1 to 100, default 20). */
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
