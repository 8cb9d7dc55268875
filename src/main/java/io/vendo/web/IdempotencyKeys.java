package io.vendo.web;

import io.vendo.digest.Sha256;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Submissions that must happen once however often they arrive: the {@code Idempotency-Key} of
 * {@code POST /api/v1/requests} ({@link IdempotentCalls}), and the one-time token of every page form ({@link
 * FormTokens}). The first use of a key by a caller claims it (a unique row, so concurrent first uses cannot both win);
 * the same key with the same body replays the stored response, with another body is refused (422), and while the
 * first is still running is a conflict (409). A failed submission releases its key, since nothing was stored. Keys
 * are kept for 24 hours.
 */
@Component
public class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 255;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for this body.
     *
     * @return empty when the caller should go ahead, or the stored response to replay
     * @throws ErrorResponseException 409 while the first request with the key runs, 422 for another body
     */
    public Optional<StoredResponse> claim(String principal, String key, String body) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw problem(
                    HttpStatus.BAD_REQUEST, "Idempotency-Key must have 1 to %d characters".formatted(MAX_KEY_LENGTH));
        }
        return switch (attempt(principal, key, body)) {
            case Claim.Granted granted -> Optional.empty();
            case Claim.Replay replay -> Optional.of(replay.response());
            case Claim.OtherBody other ->
                throw problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key '%s' was already used with a different request body".formatted(key));
            case Claim.InFlight inFlight ->
                throw problem(
                        HttpStatus.CONFLICT,
                        "A request with Idempotency-Key '%s' is still being processed".formatted(key));
        };
    }

    /** Tries to claim the key for this body, and says how it went. */
    public Claim attempt(String principal, String key, String body) {
        var now = clock.instant();
        jdbc.update(
                "delete from idempotency_key where principal = ? and key = ? and expires_at <= ?",
                principal,
                key,
                Timestamp.from(now));
        var hash = Sha256.hex(body);
        var claimed = jdbc.update(
                "insert into idempotency_key (principal, key, request_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                principal,
                key,
                hash,
                Timestamp.from(now),
                Timestamp.from(now.plus(RETENTION)));
        if (claimed == 1) {
            return new Claim.Granted();
        }
        var found = jdbc.queryForList(
                "select request_hash, response_status, response_body, location from idempotency_key"
                        + " where principal = ? and key = ?",
                principal,
                key);
        if (found.isEmpty()) {
            // Released (its submission failed) between the insert and this look: the key is free again.
            return attempt(principal, key, body);
        }
        var existing = found.getFirst();
        if (!hash.equals(existing.get("request_hash"))) {
            return new Claim.OtherBody();
        }
        // The response's status and body are recorded together, in one update.
        if (!(existing.get("response_status") instanceof Integer status)
                || !(existing.get("response_body") instanceof String storedBody)) {
            return new Claim.InFlight();
        }
        return new Claim.Replay(new StoredResponse(status, storedBody, (String) existing.get("location")));
    }

    public void complete(String principal, String key, int status, String body, @Nullable String location) {
        jdbc.update(
                "update idempotency_key set response_status = ?, response_body = ?, location = ?"
                        + " where principal = ? and key = ?",
                status,
                body,
                location,
                principal,
                key);
    }

    public void release(String principal, String key) {
        jdbc.update("delete from idempotency_key where principal = ? and key = ?", principal, key);
    }

    /** Removes expired keys; run by the scheduler. */
    public int purgeExpired() {
        return jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(clock.instant()));
    }

    public record StoredResponse(int status, String body, @Nullable String location) {}

    /** How claiming a key went. */
    public sealed interface Claim {
        /** The key is the caller's now: go ahead, then {@link #complete} or {@link #release} it. */
        record Granted() implements Claim {}

        /** The key was used with the same body and that submission finished: answer what it answered. */
        record Replay(StoredResponse response) implements Claim {}

        /** The key was used with the same body and that submission is still running. */
        record InFlight() implements Claim {}

        /** The key was used with another body. */
        record OtherBody() implements Claim {}
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Idempotency-Key");
        return new ErrorResponseException(status, problem, null);
    }
}
