package io.vendo.environment;

import io.vendo.environment.EnvironmentEvent.ExpiryPaused;
import io.vendo.environment.EnvironmentEvent.LeaseExtended;
import io.vendo.environment.EnvironmentEvent.LeaseReminderDue;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * How long an environment may stand: it ends at {@link #expiresAt} unless an admin paused it, and each reminder before
 * that is sent once per expiry. Without an expiry (the blueprint sets no maximum lifetime) there is no lease: nothing
 * to remind of, nothing that ends. What its clock does is announced by the environment, with the events made here.
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

    /** Moves the expiry for an approved EXTEND request: the reminders start over. */
    LeaseExtended extendTo(UUID environment, UUID requestId, Instant newExpiry, String approvedBy, Instant now) {
        var previous = expiresAt;
        expiresAt = newExpiry;
        remindersSent = new ArrayList<>();
        return new LeaseExtended(
                UUID.randomUUID(),
                environment,
                now,
                approvedBy,
                requestId,
                previous == null ? now : previous,
                newExpiry);
    }

    /** The reminder due now, if any ({@link #takeDueReminder}), for the owner. */
    Optional<LeaseReminderDue> reminderDue(UUID environment, String owner, List<Duration> reminders, Instant now) {
        var expiry = expiresAt;
        if (expiry == null) {
            return Optional.empty();
        }
        return takeDueReminder(reminders, now)
                .map(before -> new LeaseReminderDue(
                        UUID.randomUUID(), environment, now, Environment.SYSTEM, owner, before, expiry));
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

    /**
     * An admin pauses its expiry, or resumes it.
     *
     * @return what changed; empty when it was paused (or running) already
     * @throws DayTwoRefusedException when there is no lease to pause
     */
    Optional<ExpiryPaused> pause(UUID environment, boolean pause, String admin, Instant now) {
        if (expiresAt == null) {
            throw DayTwoRefusedException.noLease(environment);
        }
        if (paused == pause) {
            return Optional.empty();
        }
        paused = pause;
        return Optional.of(new ExpiryPaused(UUID.randomUUID(), environment, now, admin, pause));
    }

    @Nullable
    Instant expiresAt() {
        return expiresAt;
    }

    boolean paused() {
        return paused;
    }
}
