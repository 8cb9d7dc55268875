package io.vendo.environment;

import io.vendo.catalog.EnvironmentTier;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page of the environments a viewer may see, newest first; every given filter must match, absent ones match all.
 *
 * @param mine only the viewer's own (otherwise: their own and their teams'; admins: all)
 * @param statuses any of these; empty: all
 * @param expiringBefore only those whose lease ends before this instant ("expiring soon")
 * @param after where the previous page ended; {@code null} for the first page
 */
public record EnvironmentSearch(
        boolean mine,
        @Nullable String blueprint,
        @Nullable String target,
        @Nullable EnvironmentTier tier,
        Set<EnvironmentStatus> statuses,
        @Nullable Instant expiringBefore,
        @Nullable Position after,
        int limit) {

    public EnvironmentSearch {
        statuses = Set.copyOf(statuses);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Everything the viewer may see, first page. */
    public static EnvironmentSearch all(int limit) {
        return new EnvironmentSearch(false, null, null, null, Set.of(), null, null, limit);
    }

    /** The sort key in the newest-first order: creation time, then id to break ties. */
    public record Position(Instant createdAt, UUID id) {}

    /** @param hasMore whether environments follow the last one of this page */
    public record Result(List<EnvironmentView> environments, boolean hasMore) {}
}
