package io.vendo.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The opaque {@code cursor} of the API's list endpoints: the sort key of the last item of a page, so that the next
 * page starts right after it however many rows were added in between. Clients pass it back unchanged; its content is
 * not a contract.
 */
public final class PageCursor {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "\n";

    private PageCursor() {}

    /** Encodes the sort key of the last item returned. */
    public static String encode(String kind, String... keys) {
        var plain = VERSION + SEPARATOR + kind + SEPARATOR + String.join(SEPARATOR, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the keys of a cursor made by {@link #encode} for the same kind of list, or empty for anything else
     */
    public static Optional<List<String>> decode(String kind, String cursor, int keyCount) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        var parts = plain.split(SEPARATOR, -1);
        if (parts.length != keyCount + 2 || !VERSION.equals(parts[0]) || !kind.equals(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(Arrays.asList(parts).subList(2, parts.length));
    }
}
