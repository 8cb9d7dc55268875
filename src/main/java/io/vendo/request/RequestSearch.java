package io.vendo.request;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A page of the requests a viewer may see, newest first; every given filter must match, absent ones match all.
 *
 * @param states any of these states; empty for all
 * @param blueprint a blueprint's slug
 * @param target a target's slug
 * @param requester the requester's user name
 * @param submittedFrom submitted at or after this instant
 * @param submittedBefore submitted before this instant
 * @param after where the previous page ended; {@code null} for the first page
 * @param limit how many requests at most
 * @param text words each found (case aside) in the blueprint's name or slug, the target's, the requester or the
 *     justification; {@code null} or blank for any
 */
@NamedInterface("views")
public record RequestSearch(
        Set<RequestState> states,
        @Nullable String blueprint,
        @Nullable String target,
        @Nullable String requester,
        @Nullable Instant submittedFrom,
        @Nullable Instant submittedBefore,
        @Nullable Position after,
        int limit,
        @Nullable String text) {

    public RequestSearch {
        states = Set.copyOf(states);
        text = text == null || text.isBlank() ? null : text.strip();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Without words to look for. */
    public RequestSearch(
            Set<RequestState> states,
            @Nullable String blueprint,
            @Nullable String target,
            @Nullable String requester,
            @Nullable Instant submittedFrom,
            @Nullable Instant submittedBefore,
            @Nullable Position after,
            int limit) {
        this(states, blueprint, target, requester, submittedFrom, submittedBefore, after, limit, null);
    }

    /** The same search, from where the previous page ended. */
    public RequestSearch after(@Nullable Position position) {
        return new RequestSearch(
                states, blueprint, target, requester, submittedFrom, submittedBefore, position, limit, text);
    }

    /** The sort key of a request in the newest-first order: its submission time, then its id to break ties. */
    public record Position(Instant submittedAt, UUID id) {}

    /**
     * @param hasMore whether requests follow the last one of this page
     */
    public record Result(List<RequestView> requests, boolean hasMore) {}
}
