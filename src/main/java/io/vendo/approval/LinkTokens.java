package io.vendo.approval;

import io.vendo.digest.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Approval link tokens: 256 random bits, URL-safe; stored only as their SHA-256. */
final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {}

    static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
