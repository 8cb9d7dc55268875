package io.vendo.request.api;

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
 * The {@code Idempotency-Key} contract of {@code POST /api/v1/requests}: the first use of a key by a caller claims it
 * (a unique row, so concurrent first uses cannot both win); the same key with the same body replays the stored
 * response, with another body is refused (422), and while the first is still running is a conflict (409). A failed
 * submission releases its key, since nothing was stored. Keys are kept for 24 hours.
 */
@Component
class IdempotencyKeys {

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
    Optional<StoredResponse> claim(String principal, String key, String body) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw problem(
                    HttpStatus.BAD_REQUEST, "Idempotency-Key must have 1 to %d characters".formatted(MAX_KEY_LENGTH));
        }
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
            return Optional.empty();
        }
        var existing = jdbc.queryForMap(
                "select request_hash, response_status, response_body, location from idempotency_key"
                        + " where principal = ? and key = ?",
                principal,
                key);
        if (!hash.equals(existing.get("request_hash"))) {
            throw problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key '%s' was already used with a different request body".formatted(key));
        }
        if (existing.get("response_status") == null) {
            throw problem(
                    HttpStatus.CONFLICT, "A request with Idempotency-Key '%s' is still being processed".formatted(key));
        }
        return Optional.of(new StoredResponse(
                (Integer) existing.get("response_status"), (String) existing.get("response_body"), (String)
                        existing.get("location")));
    }

    void complete(String principal, String key, int status, String body, @Nullable String location) {
        jdbc.update(
                "update idempotency_key set response_status = ?, response_body = ?, location = ?"
                        + " where principal = ? and key = ?",
                status,
                body,
                location,
                principal,
                key);
    }

    void release(String principal, String key) {
        jdbc.update("delete from idempotency_key where principal = ? and key = ?", principal, key);
    }

    /** Removes expired keys; run by the scheduler. */
    int purgeExpired() {
        return jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(clock.instant()));
    }

    record StoredResponse(int status, String body, @Nullable String location) {}

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Idempotency-Key");
        return new ErrorResponseException(status, problem, null);
    }
}
