package io.vendo.catalog;

import io.vendo.catalog.ServiceCatalogProducts.Artifact;
import io.vendo.catalog.ServiceCatalogProducts.LookupFailed;
import io.vendo.catalog.ServiceCatalogProducts.Portfolio;
import io.vendo.catalog.ServiceCatalogProducts.Product;
import io.vendo.catalog.ServiceCatalogProducts.ProductParameter;
import io.vendo.catalog.SyncReport.Entry;
import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
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
    private final BlueprintCuration curation;
    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final CatalogProperties properties;
    private final Clock clock;

    ServiceCatalogImport(
            ObjectProvider<ServiceCatalogProducts> serviceCatalog,
            BlueprintCuration curation,
            BlueprintRepository blueprints,
            BlueprintVersionRepository versions,
            CatalogProperties properties,
            Clock clock) {
        this.serviceCatalog = serviceCatalog;
        this.curation = curation;
        this.blueprints = blueprints;
        this.versions = versions;
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
                .forEach(product -> entries.add(importProduct(portfolio, product)));
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

    private Entry importProduct(Portfolio portfolio, Product product) {
        var file = product.id();
        try {
            var artifact = product.artifacts().stream()
                    .filter(candidate -> candidate.active() && !candidate.deprecated())
                    .max(Comparator.comparing((Artifact candidate) ->
                                    Optional.ofNullable(candidate.createdTime()).orElse(Instant.EPOCH))
                            .thenComparing(Artifact::id));
            if (artifact.isEmpty()) {
                return refused(file, product.name(), "No active provisioning artifact that is not deprecated");
            }
            var path = launchPath(portfolio, product);
            var parameters = requireAvailable()
                    .parameters(
                            product.id(),
                            artifact.get().id(),
                            path.orElse(null),
                            properties.serviceCatalogRegionOrDefault());
            var template = ProductForm.template(
                    product.name(),
                    product.id(),
                    artifact.get().name(),
                    artifact.get().id(),
                    path.orElse(null),
                    parameters);
            var existing = blueprintDelivering(product.id());
            if (existing.isPresent()) {
                return newVersion(file, existing.get(), template, artifact.get(), path.orElse(null));
            }
            return create(file, product, template, artifact.get(), path.orElse(null), parameters);
        } catch (LookupFailed e) {
            return refused(file, product.name(), e.getMessage());
        } catch (InvalidEntryException e) {
            return refused(file, product.name(), String.join("; ", e.errors().values()));
        } catch (DataIntegrityViolationException e) {
            return refused(file, product.name(), "Changed concurrently (another replica importing?): import again");
        } catch (Refusal e) {
            return refused(file, product.name(), e.detail());
        }
    }

    /** The portfolio's own launch path (its name is the portfolio's); the only one; or none when there is none. */
    private static Optional<String> launchPath(Portfolio portfolio, Product product) {
        var paths = product.launchPaths();
        if (paths.size() <= 1) {
            return paths.stream().findFirst().map(ServiceCatalogProducts.LaunchPath::id);
        }
        return Optional.of(paths.stream()
                .filter(path -> portfolio.displayName().equals(path.name()))
                .findFirst()
                .orElseThrow(() -> new InvalidEntryException(
                        "import",
                        Map.of(
                                "pathId",
                                "%d launch paths, none named after the portfolio %s"
                                        .formatted(paths.size(), portfolio.displayName()))))
                .id());
    }

    private Entry newVersion(
            String file, Blueprint blueprint, String template, Artifact artifact, @Nullable String pathId) {
        var latest = versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id())
                .orElseThrow()
                .toDetails(blueprint);
        if (!ProductForm.builtFromServiceCatalog(latest.templateBody())) {
            return new Entry(
                    file,
                    blueprint.slug(),
                    Outcome.UNCHANGED,
                    "Kept: %s delivers this product with its own form template, which each new version compares with"
                                    .formatted(blueprint.slug())
                            + " Service Catalog's model");
        }
        var delivery =
                switch (latest.delivery()) {
                    case Delivery.AccountFactory factory ->
                        new Delivery.AccountFactory(
                                factory.productId(), artifact.id(), factory.allowedOrganizationalUnits());
                    case Delivery.ServiceCatalogProduct product ->
                        new Delivery.ServiceCatalogProduct(product.productId(), artifact.id(), pathId);
                    default -> throw new IllegalStateException("Not a Service Catalog delivery: " + latest.delivery());
                };
        var outcome = curation.addVersion(blueprint.id(), new NewVersion(template, List.of(), delivery));
        return outcome.created()
                ? new Entry(
                        file,
                        blueprint.slug(),
                        Outcome.CHANGED,
                        "New version %d from provisioning artifact %s (%s)"
                                .formatted(outcome.version().number(), artifact.name(), artifact.id()))
                : new Entry(
                        file,
                        blueprint.slug(),
                        Outcome.UNCHANGED,
                        "Unchanged at version " + outcome.version().number());
    }

    private Entry create(
            String file,
            Product product,
            String template,
            Artifact artifact,
            @Nullable String pathId,
            List<ProductParameter> parameters) {
        var keys = parameters.stream().map(ProductParameter::key).toList();
        BlueprintKind kind;
        Delivery delivery;
        if (keys.containsAll(CatalogRules.ACCOUNT_FIELDS)) {
            var units = parameters.stream()
                    .filter(parameter -> parameter.key().equals("ManagedOrganizationalUnit"))
                    .findFirst()
                    .map(ProductParameter::allowedValues)
                    .orElse(List.of());
            if (units.isEmpty()) {
                return refused(
                        file,
                        product.name(),
                        "An Account Factory product whose ManagedOrganizationalUnit lists no values: say which"
                                + " organizational units its accounts may go to in the catalog directory (kind"
                                + " ACCOUNT, delivery AccountFactory with allowedOrganizationalUnits; leave out the"
                                + " template and the form comes from Service Catalog)");
            }
            kind = BlueprintKind.ACCOUNT;
            delivery = new Delivery.AccountFactory(product.id(), artifact.id(), units);
        } else {
            kind = BlueprintKind.SERVICE_CATALOG_PRODUCT;
            delivery = new Delivery.ServiceCatalogProduct(product.id(), artifact.id(), pathId);
        }
        var slug = freeSlug(product);
        if (slug.isEmpty()) {
            return refused(file, product.name(), "No free blueprint slug for this product");
        }
        var metadata = new BlueprintMetadata(
                shorten(product.name(), 200),
                shorten(Optional.ofNullable(product.description()).orElse(""), 4000),
                shorten(
                        Optional.ofNullable(product.owner())
                                .filter(owner -> !owner.isBlank())
                                .orElse("service-catalog"),
                        200),
                Map.of(),
                List.of(),
                null,
                null,
                null);
        var version = curation.create(
                new NewBlueprint(slug.get(), kind, metadata, new NewVersion(template, List.of(), delivery)));
        return new Entry(
                file,
                version.slug(),
                Outcome.ADDED,
                "Added as %s from provisioning artifact %s (%s)".formatted(kind, artifact.name(), artifact.id()));
    }

    /** The blueprint whose newest version delivers this product, if any. */
    private Optional<Blueprint> blueprintDelivering(String productId) {
        return blueprints.findAllByOrderByNameAsc().stream()
                .filter(blueprint -> versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id())
                        .flatMap(version ->
                                ProductRef.of(version.toDetails(blueprint).delivery()))
                        .filter(product -> product.productId().equals(productId))
                        .isPresent())
                .findFirst();
    }

    /** The product's name as a slug, or with the product id's end when that is taken. */
    private Optional<String> freeSlug(Product product) {
        var base = product.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        var suffix = product.id().replaceAll("^prod-", "");
        var candidates = new ArrayList<String>();
        if (!base.isEmpty()) {
            candidates.add(shorten(base, 63).replaceAll("-+$", ""));
        }
        candidates.add(shorten(base.isEmpty() ? "product" : base, 62 - Math.min(suffix.length(), 20))
                        .replaceAll("-+$", "")
                + "-" + shorten(suffix, 20));
        return candidates.stream()
                .filter(slug -> CatalogRules.SLUG.matcher(slug).matches())
                .filter(slug -> blueprints.findBySlug(slug).isEmpty())
                .findFirst();
    }

    private ServiceCatalogProducts requireAvailable() {
        var products = serviceCatalog.getIfAvailable();
        if (products == null || !products.available()) {
            throw new CatalogConflictException(
                    "No AWS", "AWS is not configured (dry run): Service Catalog cannot be asked");
        }
        return products;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Entry refused(String file, String subject, String detail) {
        return new Entry(file, subject, Outcome.REFUSED, detail);
    }

    /** The product, artifact and launch path a Service Catalog delivery names. */
    record ProductRef(String productId, String artifactId, @Nullable String pathId) {

        static Optional<ProductRef> of(Delivery delivery) {
            return switch (delivery) {
                case Delivery.ServiceCatalogProduct product ->
                    Optional.of(
                            new ProductRef(product.productId(), product.provisioningArtifactId(), product.pathId()));
                case Delivery.AccountFactory factory ->
                    Optional.of(new ProductRef(factory.productId(), factory.provisioningArtifactId(), null));
                default -> Optional.empty();
            };
        }
    }
}
