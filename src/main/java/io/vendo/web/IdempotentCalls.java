package io.vendo.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's {@code Idempotency-Key}: a call sent again with the same key and body gets the first call's response,
 * marked {@code Idempotent-Replayed: true}, instead of doing it twice. The claim, the replay and the release of a key
 * whose call failed, around any API call that creates something; the keys themselves are {@link IdempotencyKeys}, the
 * same table the pages' one-time form tokens use ({@link FormTokens}).
 */
@Component
public class IdempotentCalls {

    public static final String HEADER = "Idempotency-Key";

    /** The response header that marks a replayed response. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    /** Map keys sorted, so that the same body always has the same fingerprint. */
    private final JsonMapper canonicalJson;

    IdempotentCalls(IdempotencyKeys keys, JsonMapper jsonMapper) {
        this.keys = keys;
        this.canonicalJson = jsonMapper
                .rebuild()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /**
     * Makes the call once per key and body; without a key, just makes it.
     *
     * @param key the {@code Idempotency-Key} header's value, if one was sent
     * @param principal who calls; keys are per caller
     * @param body the call's body, compared by its canonical JSON with the first call's
     * @param call does what was asked; when it throws, nothing was done and the key is free again
     * @throws InvalidInputException for more than one {@code Idempotency-Key} header
     * @throws org.springframework.web.ErrorResponseException 400 for an empty or overlong key, 409 while the first
     *     call with the key runs, 422 when the key was used with another body
     */
    public ResponseEntity<?> once(
            HttpServletRequest http,
            @Nullable String key,
            String principal,
            Object body,
            Supplier<ResponseEntity<?>> call) {
        // Spring joins repeated headers with commas: two keys would silently become one key "k1,k2".
        if (Collections.list(http.getHeaders(HEADER)).size() > 1) {
            throw new InvalidInputException(Map.of(HEADER, "Send one Idempotency-Key header, not several"));
        }
        if (key == null) {
            return call.get();
        }
        var replay = keys.claim(principal, key, canonicalJson.writeValueAsString(body));
        if (replay.isPresent()) {
            var stored = replay.get();
            var response = ResponseEntity.status(stored.status())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(REPLAYED, "true");
            if (stored.location() != null) {
                response.header(HttpHeaders.LOCATION, stored.location());
            }
            return response.body(stored.body());
        }
        try {
            var answered = call.get();
            keys.complete(
                    principal,
                    key,
                    answered.getStatusCode().value(),
                    canonicalJson.writeValueAsString(answered.getBody()),
                    String.valueOf(answered.getHeaders().getLocation()));
            return answered;
        } catch (RuntimeException e) {
            keys.release(principal, key);
            throw e;
        }
    }
}
