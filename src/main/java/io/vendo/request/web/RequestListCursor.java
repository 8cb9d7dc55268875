package io.vendo.request.web;

import io.vendo.request.RequestSearch;
import io.vendo.request.RequestView;
import io.vendo.web.BoundedInstant;
import io.vendo.web.PageCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** The Requests page's "older" link: where the page it follows ended (submission time and id of its last request). */
final class RequestListCursor {

    private static final String KIND = "request-page";

    private RequestListCursor() {}

    static String after(RequestView last) {
        return PageCursor.encode(KIND, last.submittedAt().toString(), last.id().toString());
    }

    static Optional<RequestSearch.Position> decode(String cursor) {
        return PageCursor.decode(KIND, cursor, 2).flatMap(keys -> {
            try {
                var submittedAt = Instant.parse(keys.get(0));
                return BoundedInstant.accepts(submittedAt)
                        ? Optional.of(new RequestSearch.Position(submittedAt, UUID.fromString(keys.get(1))))
                        : Optional.empty();
            } catch (DateTimeParseException | IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
