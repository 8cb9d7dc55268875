package io.vendo.aws;

import io.vendo.catalog.ServiceCatalogProducts;
import io.vendo.execution.AwsTarget;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.servicecatalog.ServiceCatalogClient;
import software.amazon.awssdk.services.servicecatalog.model.InvalidParametersException;
import software.amazon.awssdk.services.servicecatalog.model.ParameterConstraints;
import software.amazon.awssdk.services.servicecatalog.model.ProductViewDetail;
import software.amazon.awssdk.services.servicecatalog.model.ProvisioningArtifactGuidance;
import software.amazon.awssdk.services.servicecatalog.model.ProvisioningArtifactParameter;
import software.amazon.awssdk.services.servicecatalog.model.ResourceNotFoundException;

/**
 * {@link ServiceCatalogProducts} with the portal's own credentials: DescribePortfolio, SearchProductsAsAdmin (every
 * page), ListProvisioningArtifacts and ListLaunchPaths per product, and DescribeProvisioningParameters. The portal's
 * identity must be an administrator of the portfolio's account for the first, and a principal of the portfolio for
 * the last two, as an end user who launches the product would be.
 */
@Component
class ServiceCatalogProductModels implements ServiceCatalogProducts {

    private final AwsConnection aws;

    ServiceCatalogProductModels(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public boolean available() {
        return aws.live();
    }

    @Override
    public Portfolio portfolio(String portfolioId, String region) {
        var client = client(region);
        return lookUp("portfolio " + portfolioId, () -> {
            var detail = client.describePortfolio(describe -> describe.id(portfolioId))
                    .portfolioDetail();
            var products = client.searchProductsAsAdminPaginator(search -> search.portfolioId(portfolioId)).stream()
                    .flatMap(page -> page.productViewDetails().stream())
                    .map(ProductViewDetail::productViewSummary)
                    .map(summary -> new Product(
                            summary.productId(),
                            summary.name(),
                            summary.owner(),
                            summary.shortDescription(),
                            client
                                    .listProvisioningArtifacts(list -> list.productId(summary.productId()))
                                    .provisioningArtifactDetails()
                                    .stream()
                                    .map(artifact -> new Artifact(
                                            artifact.id(),
                                            artifact.name(),
                                            artifact.description(),
                                            artifact.createdTime(),
                                            !Boolean.FALSE.equals(artifact.active()),
                                            artifact.guidance() == ProvisioningArtifactGuidance.DEPRECATED))
                                    .toList(),
                            client.listLaunchPathsPaginator(list -> list.productId(summary.productId())).stream()
                                    .flatMap(page -> page.launchPathSummaries().stream())
                                    .map(path -> new LaunchPath(path.id(), path.name()))
                                    .toList()))
                    .toList();
            return new Portfolio(detail.id(), detail.displayName(), products);
        });
    }

    @Override
    public List<ProductParameter> parameters(
            String productId, String provisioningArtifactId, @Nullable String pathId, String region) {
        var what = "product %s, provisioning artifact %s%s"
                .formatted(productId, provisioningArtifactId, pathId == null ? "" : ", launch path " + pathId);
        return lookUp(what, () -> client(region)
                .describeProvisioningParameters(describe -> describe.productId(productId)
                        .provisioningArtifactId(provisioningArtifactId)
                        .pathId(pathId))
                .provisioningArtifactParameters()
                .stream()
                .map(ServiceCatalogProductModels::parameter)
                .toList());
    }

    private ServiceCatalogClient client(String region) {
        return aws.serviceCatalog(new AwsTarget("", region, null, null));
    }

    private static ProductParameter parameter(ProvisioningArtifactParameter parameter) {
        var constraints = parameter.parameterConstraints() != null
                ? parameter.parameterConstraints()
                : ParameterConstraints.builder().build();
        return new ProductParameter(
                parameter.parameterKey(),
                parameter.parameterType() != null ? parameter.parameterType() : "String",
                parameter.defaultValue(),
                Boolean.TRUE.equals(parameter.isNoEcho()),
                parameter.description(),
                constraints.hasAllowedValues() ? constraints.allowedValues() : List.of(),
                blankToNull(constraints.allowedPattern()),
                blankToNull(constraints.constraintDescription()),
                blankToNull(constraints.minLength()),
                blankToNull(constraints.maxLength()),
                blankToNull(constraints.minValue()),
                blankToNull(constraints.maxValue()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> T lookUp(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException | InvalidParametersException e) {
            throw new LookupFailed(
                    "Service Catalog knows no %s for the portal: %s"
                            .formatted(what, e.awsErrorDetails().errorMessage()),
                    true,
                    e);
        } catch (SdkException e) {
            throw new LookupFailed(
                    "Service Catalog could not be asked about %s: %s".formatted(what, e.getMessage()), false, e);
        }
    }
}
