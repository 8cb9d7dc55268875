/**
 * SERVICE_CATALOG_PRODUCT requests, and ACCOUNT requests through Control Tower's Account Factory (a Service Catalog
 * product): ProvisionProduct, then its record. The executor is package-private; the port
 * ({@link io.vendo.execution.product.ProductProvisioner}) and its spec are the named interface
 * {@code execution::product}, which the {@code aws} module implements on Service Catalog.
 */
@NamedInterface("product")
@NullMarked
package io.vendo.execution.product;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
