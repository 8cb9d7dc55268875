package io.vendo.web;

import java.time.Instant;

/**
 * The instants Vendo accepts from outside: years 1 to 9999, as ISO-8601 writes them without a sign. Java reads instants
 * up to the year 1,000,000,000, which overflow on their way into the database (a long count of milliseconds); nothing
 * Vendo stores lies beyond these years.
 */
public final class BoundedInstant {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    static final String RANGE = "must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private BoundedInstant() {}

    public static boolean accepts(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }
}
