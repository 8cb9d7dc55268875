package io.vendo.catalog;

import io.vendo.refusal.Refusal;

/**
 * A catalog change or action that what is there already does not allow: a slug that is taken, a sync with nothing
 * configured to read, an import from Service Catalog without AWS.
 */
class CatalogConflictException extends Refusal {

    CatalogConflictException(String title, String detail) {
        super(Kind.CONFLICT, title, detail);
    }
}
