package io.vendo.catalog;

import io.vendo.catalog.ServiceCatalogProducts.ProductParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A blueprint's form built from Service Catalog's parameter model (DescribeProvisioningParameters) instead of a
 * hand-copied template: a form-only template (Parameters, no Resources), so that versions, diffs, the JSON Schema and
 * the request form work as for any other blueprint. Its {@code Metadata} says where it came from.
 */
final class ProductForm {

    /** The Metadata key that marks a form built from Service Catalog, with the product, artifact and path it describes. */
    static final String ORIGIN = "Vendo::ServiceCatalog";

    private ProductForm() {}

    /**
     * @param productName for the description
     * @param pathId the launch path the parameters were read through, if any
     */
    static String template(
            String productName,
            String productId,
            String artifactName,
            String artifactId,
            @Nullable String pathId,
            List<ProductParameter> parameters) {
        var root = new LinkedHashMap<String, Object>();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put(
                "Description",
                "Form of the Service Catalog product %s (%s), provisioning artifact %s (%s), from"
                                .formatted(productName, productId, artifactName, artifactId)
                        + " DescribeProvisioningParameters");
        var origin = new LinkedHashMap<String, Object>();
        origin.put("ProductId", productId);
        origin.put("ProvisioningArtifactId", artifactId);
        if (pathId != null) {
            origin.put("PathId", pathId);
        }
        root.put("Metadata", Map.of(ORIGIN, origin));
        var declared = new LinkedHashMap<String, Object>();
        for (var parameter : parameters) {
            var attributes = new LinkedHashMap<String, Object>();
            attributes.put("Type", parameter.type());
            put(attributes, "Description", parameter.description());
            put(attributes, "Default", parameter.defaultValue());
            if (parameter.noEcho()) {
                attributes.put("NoEcho", "true");
            }
            if (!parameter.allowedValues().isEmpty()) {
                attributes.put("AllowedValues", parameter.allowedValues());
            }
            put(attributes, "AllowedPattern", parameter.allowedPattern());
            put(attributes, "MinLength", parameter.minLength());
            put(attributes, "MaxLength", parameter.maxLength());
            put(attributes, "MinValue", parameter.minValue());
            put(attributes, "MaxValue", parameter.maxValue());
            put(attributes, "ConstraintDescription", parameter.constraintDescription());
            declared.put(parameter.key(), attributes);
        }
        root.put("Parameters", declared);
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        options.setWidth(120);
        return new Yaml(options).dump(root);
    }

    /** Whether the template is a form Vendo built from Service Catalog (so an import may replace it). */
    static boolean builtFromServiceCatalog(String templateBody) {
        return templateBody.contains(ORIGIN + ":");
    }

    private static void put(Map<String, Object> attributes, String key, @Nullable String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
