package io.vendo.catalog;

import io.vendo.refusal.Refusal;

/** A blueprint, blueprint version or target that the catalog does not have. */
class CatalogItemNotFoundException extends Refusal {

    CatalogItemNotFoundException(String what, String key) {
        super(Kind.NOT_FOUND, "Unknown " + what, "No %s '%s' in the catalog".formatted(what, key));
    }
}
