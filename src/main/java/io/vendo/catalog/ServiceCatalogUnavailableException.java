package io.vendo.catalog;

import io.vendo.refusal.Refusal;
import java.util.Map;

/** Service Catalog could not be asked (throttled, unreachable, refusing the portal's credentials): try again later. */
class ServiceCatalogUnavailableException extends Refusal {

    ServiceCatalogUnavailableException(String detail, Throwable cause) {
        super(Kind.UNAVAILABLE, "Service Catalog unavailable", detail, Map.of(), cause);
    }
}
