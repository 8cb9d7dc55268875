package io.vendo.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The product, artifact and launch path a Service Catalog delivery names. */
record ProductRef(String productId, String artifactId, @Nullable String pathId) {

    static Optional<ProductRef> of(Delivery delivery) {
        return switch (delivery) {
            case Delivery.ServiceCatalogProduct product ->
                Optional.of(new ProductRef(product.productId(), product.provisioningArtifactId(), product.pathId()));
            case Delivery.AccountFactory factory ->
                Optional.of(new ProductRef(factory.productId(), factory.provisioningArtifactId(), null));
            default -> Optional.empty();
        };
    }
}
