package io.vendo.request.api;

import io.vendo.request.RequestSearch;
import io.vendo.request.RequestView;
import io.vendo.web.BoundedInstant;
import io.vendo.web.PageCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** The request list's cursor: submission time and id of the last request of a page. */
final class RequestCursor {

    private static final String KIND = "requests";

    private RequestCursor() {}

    static String after(RequestView last) {
        return PageCursor.encode(KIND, last.submittedAt().toString(), last.id().toString());
    }

    static Optional<RequestSearch.Position> decode(String cursor) {
        return PageCursor.decode(KIND, cursor, 2).flatMap(keys -> {
            try {
                var submittedAt = Instant.parse(keys.get(0));
                if (!BoundedInstant.accepts(submittedAt)) {
                    return Optional.empty();
                }
                return Optional.of(new RequestSearch.Position(submittedAt, UUID.fromString(keys.get(1))));
            } catch (DateTimeParseException | IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
