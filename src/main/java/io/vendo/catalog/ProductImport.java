package io.vendo.catalog;

import io.vendo.catalog.ServiceCatalogProducts.Artifact;
import io.vendo.catalog.ServiceCatalogProducts.LookupFailed;
import io.vendo.catalog.ServiceCatalogProducts.Portfolio;
import io.vendo.catalog.ServiceCatalogProducts.Product;
import io.vendo.catalog.ServiceCatalogProducts.ProductParameter;
import io.vendo.catalog.SyncReport.Entry;
import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.refusal.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Imports one product of a Service Catalog portfolio: its newest active artifact that is not deprecated, through the
 * portfolio's launch path, becomes a blueprint whose form is Service Catalog's parameter model — an ACCOUNT blueprint
 * when the product has Account Factory's fields — or a new version of the blueprint that delivers it already. A
 * blueprint with a hand-written form template is kept.
 */
@Component
class ProductImport {

    private final BlueprintCuration curation;
    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final CatalogProperties properties;

    ProductImport(
            BlueprintCuration curation,
            BlueprintRepository blueprints,
            BlueprintVersionRepository versions,
            CatalogProperties properties) {
        this.curation = curation;
        this.blueprints = blueprints;
        this.versions = versions;
        this.properties = properties;
    }

    /** The product's entry in the import's report: added, a new version, unchanged, kept or refused. */
    Entry importProduct(ServiceCatalogProducts products, Portfolio portfolio, Product product) {
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
            var parameters = products.parameters(
                    product.id(), artifact.get().id(), path.orElse(null), properties.serviceCatalogRegionOrDefault());
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
                                factory.productId(),
                                artifact.id(),
                                factory.allowedOrganizationalUnits(),
                                factory.decommission(),
                                factory.suspendedOrganizationalUnit());
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

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Entry refused(String file, String subject, String detail) {
        return new Entry(file, subject, Outcome.REFUSED, detail);
    }
}
