package io.vendo.catalog;

import io.vendo.catalog.ServiceCatalogProducts.LookupFailed;
import io.vendo.catalog.ServiceCatalogProducts.Portfolio;
import io.vendo.catalog.ServiceCatalogProducts.Product;
import io.vendo.catalog.SyncReport.Entry;
import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.refusal.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Imports a Service Catalog portfolio into the catalog: each product becomes a blueprint (or a new version of the one
 * imported before) whose form is built from DescribeProvisioningParameters for the product's newest active artifact,
 * through the portfolio's launch path, so no template is copied by hand. A product with all of Account Factory's
 * fields (Control Tower's Account Factory) becomes an ACCOUNT blueprint. A blueprint that delivers the product with a
 * hand-written form template is left as it is: its versions are compared with Service Catalog's model instead.
 */
@Service
class ServiceCatalogImport {

    static final Pattern PORTFOLIO_ID = Pattern.compile("port-[a-z0-9]{1,100}");

    private final ObjectProvider<ServiceCatalogProducts> serviceCatalog;
    private final ProductImport productImport;
    private final CatalogProperties properties;
    private final Clock clock;

    ServiceCatalogImport(
            ObjectProvider<ServiceCatalogProducts> serviceCatalog,
            ProductImport productImport,
            CatalogProperties properties,
            Clock clock) {
        this.serviceCatalog = serviceCatalog;
        this.productImport = productImport;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Imports every product of the portfolio, product by product: one refused product holds back no other.
     *
     * @throws InvalidEntryException for a malformed portfolio id, or one Service Catalog does not know
     * @throws CatalogConflictException in a dry run
     * @throws ServiceCatalogUnavailableException when Service Catalog cannot be asked
     */
    SyncReport importPortfolio(String portfolioId) {
        if (portfolioId == null || !PORTFOLIO_ID.matcher(portfolioId).matches()) {
            throw new InvalidEntryException(
                    "import", Map.of("portfolioId", "Give a Service Catalog portfolio id such as port-abc123"));
        }
        var products = requireAvailable();
        Portfolio portfolio;
        try {
            portfolio = products.portfolio(portfolioId, properties.serviceCatalogRegionOrDefault());
        } catch (LookupFailed e) {
            if (e.notFound()) {
                throw new InvalidEntryException("import", Map.of("portfolioId", e.getMessage()));
            }
            throw new ServiceCatalogUnavailableException(e.getMessage(), e);
        }
        var entries = new ArrayList<Entry>();
        portfolio.products().stream()
                .sorted(Comparator.comparing(Product::name))
                .forEach(product -> entries.add(productImport.importProduct(products, portfolio, product)));
        return new SyncReport("service-catalog:" + portfolioId, clock.instant(), entries);
    }

    /** For the catalog sync: the configured portfolios' entries, a failure as a refused entry. */
    List<Entry> importConfiguredPortfolios() {
        var entries = new ArrayList<Entry>();
        for (var portfolioId : properties.serviceCatalogPortfolios()) {
            try {
                entries.addAll(importPortfolio(portfolioId).entries());
            } catch (InvalidEntryException e) {
                entries.add(refused(
                        portfolioId, portfolioId, String.join("; ", e.errors().values())));
            } catch (Refusal e) {
                entries.add(refused(portfolioId, portfolioId, e.detail()));
            }
        }
        return entries;
    }

    /**
     * The form of a product blueprint whose descriptor names no template: built from Service Catalog's model of its
     * delivery's artifact.
     *
     * @throws InvalidEntryException when Service Catalog cannot tell (dry run, unknown product, AWS failing)
     */
    String formFor(Delivery delivery) {
        var products = serviceCatalog.getIfAvailable();
        if (products == null || !products.available()) {
            throw new InvalidEntryException(
                    "blueprint",
                    Map.of(
                            "template",
                            "No template: the form of a Service Catalog product comes from Service Catalog"
                                    + " (DescribeProvisioningParameters), which a dry run cannot ask; add a form"
                                    + " template or configure AWS"));
        }
        var product = ProductRef.of(delivery)
                .orElseThrow(() -> new InvalidEntryException(
                        "blueprint", Map.of("template", "Only Service Catalog products get their form from AWS")));
        try {
            var parameters = products.parameters(
                    product.productId(),
                    product.artifactId(),
                    product.pathId(),
                    properties.serviceCatalogRegionOrDefault());
            return ProductForm.template(
                    product.productId(),
                    product.productId(),
                    product.artifactId(),
                    product.artifactId(),
                    product.pathId(),
                    parameters);
        } catch (LookupFailed e) {
            throw new InvalidEntryException("blueprint", Map.of("template", e.getMessage()));
        }
    }

    private ServiceCatalogProducts requireAvailable() {
        var products = serviceCatalog.getIfAvailable();
        if (products == null || !products.available()) {
            throw new CatalogConflictException(
                    "No AWS", "AWS is not configured (dry run): Service Catalog cannot be asked");
        }
        return products;
    }

    private static Entry refused(String file, String subject, String detail) {
        return new Entry(file, subject, Outcome.REFUSED, detail);
    }
}
