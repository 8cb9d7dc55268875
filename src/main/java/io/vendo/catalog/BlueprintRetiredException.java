package io.vendo.catalog;

import io.vendo.refusal.Refusal;

/** A new request for a retired blueprint. Requests made before it was retired are unaffected. */
class BlueprintRetiredException extends Refusal {

    BlueprintRetiredException(String slug) {
        super(
                Kind.CONFLICT,
                "Blueprint retired",
                "Blueprint '%s' is retired and takes no new requests".formatted(slug));
    }
}
