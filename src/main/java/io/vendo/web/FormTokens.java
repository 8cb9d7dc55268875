package io.vendo.web;

import io.vendo.digest.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * One submission per rendered form. Each form that changes something carries a token of its own (a hidden
 * {@code formToken} field); the first submission with a token runs, and any repeat of it (a double click, a browser
 * retrying after a slow answer, back and submit again) runs nothing and goes where the first one went, waiting for it
 * if it is still running. The same mechanism, and table, as the API's {@code Idempotency-Key} ({@link
 * IdempotencyKeys}): per person, kept 24 hours.
 */
@Component
public class FormTokens {

    static final String KEY_PREFIX = "form:";
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    private final IdempotencyKeys keys;

    FormTokens(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** A token for a form about to be rendered: random (122 bits), so nobody can use another's in advance. */
    public String issue() {
        return UUID.randomUUID().toString();
    }

    /**
     * Runs a form's submission once per token.
     *
     * @param principal who submits; tokens are per person
     * @param token the form's token; without one (a form rendered before tokens existed) the submission just runs
     * @param fields what was submitted, to tell a repeat from another use of the same form (never a secret value)
     * @param submission does what the form asks and says where to go; when it throws, nothing was done and the token
     *     may be used again
     * @throws TokenUsedException when the token was already used with other fields
     */
    public Outcome once(String principal, @Nullable String token, String fields, Supplier<Outcome> submission) {
        if (token == null || token.isBlank()) {
            return submission.get();
        }
        var key = KEY_PREFIX + token;
        var deadline = Instant.now().plus(WAIT_FOR_FIRST);
        while (true) {
            switch (keys.attempt(principal, key, fields)) {
                case IdempotencyKeys.Claim.Granted granted -> {
                    return run(principal, key, submission);
                }
                case IdempotencyKeys.Claim.Replay replay -> {
                    var stored = replay.response();
                    return new Outcome(
                            String.valueOf(stored.location()), stored.body().isEmpty() ? null : stored.body(), true);
                }
                case IdempotencyKeys.Claim.OtherBody other -> throw new TokenUsedException();
                case IdempotencyKeys.Claim.InFlight inFlight -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw stillRunning();
                    }
                    sleep();
                }
            }
        }
    }

    private Outcome run(String principal, String key, Supplier<Outcome> submission) {
        Outcome outcome;
        try {
            outcome = submission.get();
        } catch (RuntimeException e) {
            keys.release(principal, key);
            throw e;
        }
        keys.complete(principal, key, 303, outcome.notice() == null ? "" : outcome.notice(), outcome.location());
        return outcome;
    }

    /** A fingerprint of submitted fields, to compare a repeat with the first submission without keeping them. */
    public static String fingerprint(String... fields) {
        return Sha256.hex(String.join("\u0000", fields));
    }

    private static void sleep() {
        try {
            Thread.sleep(LOOK_AGAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stillRunning();
        }
    }

    private static ErrorResponseException stillRunning() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "This form was sent twice and the first is still being handled; reload the page in a moment.");
        problem.setTitle("Still working on it");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    /**
     * Where a submission led, and what to tell the person there.
     *
     * @param location a path in the portal, e.g. {@code /requests/…}
     * @param repeated whether this is the outcome of an earlier submission with the same token
     */
    public record Outcome(String location, @Nullable String notice, boolean repeated) {

        public Outcome(String location, @Nullable String notice) {
            this(location, notice, false);
        }
    }

    /** The form's token was already used for a different submission: this one is a new one. */
    public static final class TokenUsedException extends RuntimeException {
        TokenUsedException() {
            super("This form was already submitted with other values");
        }
    }
}
