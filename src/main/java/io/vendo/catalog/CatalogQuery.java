package io.vendo.catalog;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A search of the catalog; every criterion left out matches everything.
 *
 * @param text words found in the name, description, slug or owner (case-insensitive)
 * @param tag a tag key, or {@code key=value}
 * @param includeRetired whether retired blueprints are listed too (admins see them)
 */
@NamedInterface(name = "administration", propagate = false)
public record CatalogQuery(
        @Nullable String text,
        @Nullable BlueprintKind kind,
        @Nullable String owner,
        @Nullable String tag,
        @Nullable EnvironmentTier environment,
        boolean includeRetired) {

    public static CatalogQuery everything() {
        return new CatalogQuery(null, null, null, null, null, false);
    }

    boolean matches(BlueprintDetails blueprint) {
        var metadata = blueprint.metadata();
        if (blueprint.retired() && !includeRetired) {
            return false;
        }
        if (kind != null && blueprint.kind() != kind) {
            return false;
        }
        var owner = given(this.owner);
        if (owner != null && !metadata.owner().equalsIgnoreCase(owner)) {
            return false;
        }
        if (environment != null && !metadata.allows(environment)) {
            return false;
        }
        var tag = given(this.tag);
        if (tag != null) {
            var separator = tag.indexOf('=');
            var key = separator < 0 ? tag.strip() : tag.substring(0, separator).strip();
            var value = separator < 0 ? null : tag.substring(separator + 1).strip();
            if (!metadata.tags().containsKey(key)
                    || (value != null && !value.equals(metadata.tags().get(key)))) {
                return false;
            }
        }
        var text = given(this.text);
        if (text != null) {
            var haystack = String.join(" ", blueprint.slug(), metadata.name(), metadata.description(), metadata.owner())
                    .toLowerCase(Locale.ROOT);
            for (var word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isBlank() && !haystack.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value asked for, stripped; none when it is missing or blank (nothing asked for). */
    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
