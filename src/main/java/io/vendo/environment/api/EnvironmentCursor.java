package io.vendo.environment.api;

import io.vendo.environment.EnvironmentSearch;
import io.vendo.environment.EnvironmentView;
import io.vendo.web.BoundedInstant;
import io.vendo.web.PageCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** The environment list's cursor: creation time and id of the last environment of a page. */
final class EnvironmentCursor {

    private static final String KIND = "environments";

    private EnvironmentCursor() {}

    static String after(EnvironmentView last) {
        return PageCursor.encode(KIND, last.createdAt().toString(), last.id().toString());
    }

    static Optional<EnvironmentSearch.Position> decode(String cursor) {
        return PageCursor.decode(KIND, cursor, 2).flatMap(keys -> {
            try {
                var createdAt = Instant.parse(keys.get(0));
                if (!BoundedInstant.accepts(createdAt)) {
                    return Optional.empty();
                }
                return Optional.of(new EnvironmentSearch.Position(createdAt, UUID.fromString(keys.get(1))));
            } catch (DateTimeParseException | IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
