package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.catalog}.
 *
 * @param directory where the catalog directory is, as a Spring resource location: {@code file:/srv/catalog} for a git
 *     checkout kept fresh beside the portal (e.g. by a git-sync sidecar), {@code classpath:catalog/demo} for the
 *     local run's demo catalog. It holds one folder per blueprint ({@code <slug>/blueprint.yaml} and its template)
 *     and optionally {@code targets.yaml}. None: blueprints and targets come from the admin pages and the API only
 * @param syncOnStart whether the directory is synchronized at start-up (an admin can always sync from the admin page)
 * @param templateCheckRegion the region whose CloudFormation checks new template versions when AWS is configured
 * @param serviceCatalogRegion the region whose Service Catalog the portal reads products from (imports, and the
 *     parameter model new versions of product blueprints are compared with); none: {@code templateCheckRegion}
 * @param serviceCatalogPortfolios portfolios ({@code port-…}) imported at every catalog sync: each product becomes a
 *     blueprint whose form is built from Service Catalog's own parameter model
 */
@ConfigurationProperties("vendo.catalog")
record CatalogProperties(
        @Nullable String directory,
        @DefaultValue("true") boolean syncOnStart,
        @DefaultValue("us-east-1") String templateCheckRegion,
        @Nullable String serviceCatalogRegion,
        @DefaultValue List<String> serviceCatalogPortfolios) {

    CatalogProperties {
        serviceCatalogPortfolios = List.copyOf(serviceCatalogPortfolios);
    }

    String serviceCatalogRegionOrDefault() {
        return serviceCatalogRegion != null && !serviceCatalogRegion.isBlank()
                ? serviceCatalogRegion
                : templateCheckRegion;
    }
}
