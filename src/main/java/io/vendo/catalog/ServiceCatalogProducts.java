package io.vendo.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Service Catalog's own view of products, asked with the portal's own credentials when AWS is configured: a
 * portfolio's products with their provisioning artifacts and launch paths (DescribePortfolio, SearchProductsAsAdmin,
 * ListProvisioningArtifacts, ListLaunchPaths), and the parameter model Service Catalog provisions an artifact with
 * (DescribeProvisioningParameters), from which Vendo builds the form. Implemented by the {@code aws} module.
 */
@NamedInterface("ports")
public interface ServiceCatalogProducts {

    /** Whether AWS can be asked; not in dry-run mode. */
    boolean available();

    /**
     * A portfolio with its products, each with its provisioning artifacts and launch paths.
     *
     * @throws LookupFailed when Service Catalog has no such portfolio or cannot be asked
     */
    Portfolio portfolio(String portfolioId, String region);

    /**
     * The parameters Service Catalog provisions the artifact with, through the launch path (none: the product's default
     * path).
     *
     * @throws LookupFailed when Service Catalog knows no such product, artifact or path for the portal, or cannot be
     *     asked
     */
    List<ProductParameter> parameters(
            String productId, String provisioningArtifactId, @Nullable String pathId, String region);

    record Portfolio(String id, String displayName, List<Product> products) {
        public Portfolio {
            products = List.copyOf(products);
        }
    }

    /** A product as SearchProductsAsAdmin lists it, with its artifacts and launch paths. */
    record Product(
            String id,
            String name,
            @Nullable String owner,
            @Nullable String description,
            List<Artifact> artifacts,
            List<LaunchPath> launchPaths) {
        public Product {
            artifacts = List.copyOf(artifacts);
            launchPaths = List.copyOf(launchPaths);
        }
    }

    /**
     * A provisioning artifact (a version of the product).
     *
     * @param active false: Service Catalog refuses to provision it
     * @param deprecated its guidance is DEPRECATED: not offered for new provisioning
     */
    record Artifact(
            String id,
            String name,
            @Nullable String description,
            @Nullable Instant createdTime,
            boolean active,
            boolean deprecated) {}

    /** A launch path: the portfolio through which, and the constraints under which, the product is provisioned. */
    record LaunchPath(String id, @Nullable String name) {}

    /** One parameter of DescribeProvisioningParameters, with its constraints as Service Catalog reports them. */
    record ProductParameter(
            String key,
            String type,
            @Nullable String defaultValue,
            boolean noEcho,
            @Nullable String description,
            List<String> allowedValues,
            @Nullable String allowedPattern,
            @Nullable String constraintDescription,
            @Nullable String minLength,
            @Nullable String maxLength,
            @Nullable String minValue,
            @Nullable String maxValue) {
        public ProductParameter {
            allowedValues = List.copyOf(allowedValues);
        }
    }

    /** Service Catalog could not answer: it does not know what was asked for ({@link #notFound}), or it failed. */
    final class LookupFailed extends RuntimeException {

        private final String message;
        private final boolean notFound;

        public LookupFailed(String message, boolean notFound, @Nullable Throwable cause) {
            super(message, cause);
            this.message = message;
            this.notFound = notFound;
        }

        /** What Service Catalog said, or why it could not be asked: always said. */
        @Override
        public String getMessage() {
            return message;
        }

        /** Service Catalog answered that the portfolio, product, artifact or path does not exist for the portal. */
        public boolean notFound() {
            return notFound;
        }
    }
}
