package io.vendo.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * How long an environment may stand: it ends at {@link #expiresAt} unless an admin paused it, and each reminder before
 * that is sent once per expiry. Without an expiry (the blueprint sets no maximum lifetime) there is no lease: nothing
 * to remind of, nothing that ends.
 */
@Embeddable
class Lease {

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "expiry_paused", nullable = false)
    private boolean paused;

    /** The reminders (how long before expiry) already sent for the current expiry. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reminders_sent", nullable = false)
    private List<Duration> remindersSent = new ArrayList<>();

    protected Lease() {}

    Lease(@Nullable Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    boolean exists() {
        return expiresAt != null;
    }

    /** Whether it ended by {@code now}: a paused lease does not end. */
    boolean endedAt(Instant now) {
        return expiresAt != null && !paused && !now.isBefore(expiresAt);
    }

    /**
     * Moves the expiry: the reminders start over.
     *
     * @return the expiry before, none when there was no lease
     */
    @Nullable
    Instant extendTo(Instant newExpiry) {
        var previous = expiresAt;
        expiresAt = newExpiry;
        remindersSent = new ArrayList<>();
        return previous;
    }

    /**
     * The reminder (how long before expiry) that is due now and was not sent for this expiry, the one nearest to the
     * expiry when several are; counts it as sent.
     */
    Optional<Duration> takeDueReminder(List<Duration> reminders, Instant now) {
        var expiry = expiresAt;
        if (expiry == null || paused || !now.isBefore(expiry)) {
            return Optional.empty();
        }
        var due = reminders.stream()
                .filter(before -> !now.isBefore(expiry.minus(before)))
                .filter(before -> !remindersSent.contains(before))
                .min(Duration::compareTo);
        // Those further from the expiry are past: sending them now would only repeat this one.
        due.ifPresent(before -> reminders.stream()
                .filter(other -> other.compareTo(before) >= 0 && !remindersSent.contains(other))
                .forEach(remindersSent::add));
        return due;
    }

    /** @return whether it was running */
    boolean pause() {
        var changed = !paused;
        paused = true;
        return changed;
    }

    /** @return whether it was paused */
    boolean resume() {
        var changed = paused;
        paused = false;
        return changed;
    }

    @Nullable
    Instant expiresAt() {
        return expiresAt;
    }

    boolean paused() {
        return paused;
    }
}
