package io.vendo.aws;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.servicecatalog.model.ProvisioningParameter;

/**
 * A request's tags and parameter values in the shapes of AWS's requests, sorted by key: a plan lists them as the call
 * sends them, and every retry, restart or replica sends the same request.
 */
final class AwsShapes {

    private AwsShapes() {}

    static List<Parameter> cloudFormationParameters(Map<String, String> values) {
        return sorted(values, (key, value) -> Parameter.builder()
                .parameterKey(key)
                .parameterValue(value)
                .build());
    }

    static List<software.amazon.awssdk.services.cloudformation.model.Tag> cloudFormationTags(Map<String, String> tags) {
        return sorted(tags, (key, value) -> software.amazon.awssdk.services.cloudformation.model.Tag.builder()
                .key(key)
                .value(value)
                .build());
    }

    static List<ProvisioningParameter> serviceCatalogParameters(Map<String, String> values) {
        return sorted(
                values,
                (key, value) ->
                        ProvisioningParameter.builder().key(key).value(value).build());
    }

    static List<software.amazon.awssdk.services.servicecatalog.model.Tag> serviceCatalogTags(Map<String, String> tags) {
        return sorted(tags, (key, value) -> software.amazon.awssdk.services.servicecatalog.model.Tag.builder()
                .key(key)
                .value(value)
                .build());
    }

    static List<software.amazon.awssdk.services.organizations.model.Tag> organizationsTags(Map<String, String> tags) {
        return sorted(tags, (key, value) -> software.amazon.awssdk.services.organizations.model.Tag.builder()
                .key(key)
                .value(value)
                .build());
    }

    private static <T> List<T> sorted(Map<String, String> entries, BiFunction<String, String, T> shape) {
        return entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> shape.apply(entry.getKey(), entry.getValue()))
                .toList();
    }
}
