package io.vendo.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The outcome of asking CloudFormation about a new version, stored with the version for the admin: whether AWS was
 * asked, and every difference between AWS's parameter model and Vendo's.
 *
 * @param outcome CHECKED, UNAVAILABLE (AWS could not be asked) or NOT_CHECKED (dry-run)
 */
@NamedInterface(name = "administration", propagate = false)
public record AwsComparison(String outcome, @Nullable String note, List<String> differences) {

    public static final String CHECKED = "CHECKED";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String NOT_CHECKED = "NOT_CHECKED";

    public AwsComparison {
        differences = List.copyOf(differences);
    }

    static AwsComparison notChecked() {
        return new AwsComparison(
                NOT_CHECKED, "AWS is not configured (dry-run): CloudFormation was not asked", List.of());
    }

    static AwsComparison of(
            AwsTemplateReport report, List<ParameterDefinition> parameters, List<String> declaredCapabilities) {
        if (report.unavailable() != null) {
            return new AwsComparison(
                    UNAVAILABLE, "CloudFormation could not be asked: " + report.unavailable(), List.of());
        }
        var differences = new ArrayList<String>();
        var ours = new LinkedHashMap<String, ParameterDefinition>();
        parameters.forEach(parameter -> ours.put(parameter.name(), parameter));
        Map<String, AwsTemplateReport.AwsParameter> theirs = new LinkedHashMap<>();
        report.parameters().forEach(parameter -> theirs.put(parameter.name(), parameter));
        for (var aws : report.parameters()) {
            var vendo = ours.get(aws.name());
            if (vendo == null) {
                differences.add("Parameter %s: AWS reports it, Vendo's model does not have it".formatted(aws.name()));
                continue;
            }
            compare(differences, aws.name(), "Type", vendo.type(), aws.type());
            compare(differences, aws.name(), "Default", vendo.defaultValue(), aws.defaultValue());
            compare(differences, aws.name(), "NoEcho", vendo.noEcho(), aws.noEcho());
            compare(differences, aws.name(), "AllowedValues", vendo.allowedValues(), aws.allowedValues());
        }
        ours.keySet().stream()
                .filter(name -> !theirs.containsKey(name))
                .forEach(name ->
                        differences.add("Parameter %s: in Vendo's model, AWS does not report it".formatted(name)));
        var missing = report.capabilities().stream()
                .filter(capability -> !declaredCapabilities.contains(capability))
                .toList();
        if (!missing.isEmpty()) {
            differences.add("Capabilities: AWS requires %s%s; the version declares %s"
                    .formatted(
                            String.join(", ", missing),
                            report.capabilitiesReason() == null ? "" : " (" + report.capabilitiesReason() + ")",
                            declaredCapabilities.isEmpty() ? "none" : String.join(", ", declaredCapabilities)));
        }
        return new AwsComparison(
                CHECKED,
                differences.isEmpty() ? "CloudFormation accepts the template and agrees with Vendo's model" : null,
                differences);
    }

    /** For product kinds when AWS is configured, but nothing to ask (Organizations' CreateAccount takes fixed fields). */
    static AwsComparison notApplicable(String note) {
        return new AwsComparison(NOT_CHECKED, note, List.of());
    }

    static AwsComparison unavailable(String note) {
        return new AwsComparison(UNAVAILABLE, note, List.of());
    }

    /**
     * Every difference between Service Catalog's parameter model of a provisioning artifact (DescribeProvisioningParameters)
     * and Vendo's form: parameters, types, defaults, NoEcho and every constraint.
     */
    static AwsComparison ofServiceCatalog(
            List<ServiceCatalogProducts.ProductParameter> aws, List<ParameterDefinition> parameters) {
        var differences = new ArrayList<String>();
        var ours = new LinkedHashMap<String, ParameterDefinition>();
        parameters.forEach(parameter -> ours.put(parameter.name(), parameter));
        var theirs = new LinkedHashMap<String, ServiceCatalogProducts.ProductParameter>();
        aws.forEach(parameter -> theirs.put(parameter.key(), parameter));
        for (var product : aws) {
            var vendo = ours.get(product.key());
            if (vendo == null) {
                differences.add("Parameter %s: Service Catalog provisions with it, Vendo's form does not have it"
                        .formatted(product.key()));
                continue;
            }
            var name = product.key();
            compare(differences, name, "Type", vendo.type(), product.type());
            compare(differences, name, "Default", vendo.defaultValue(), product.defaultValue());
            compare(differences, name, "NoEcho", vendo.noEcho(), product.noEcho());
            compare(differences, name, "AllowedValues", vendo.allowedValues(), product.allowedValues());
            compare(differences, name, "AllowedPattern", vendo.allowedPattern(), product.allowedPattern());
            compare(differences, name, "MinLength", text(vendo.minLength()), product.minLength());
            compare(differences, name, "MaxLength", text(vendo.maxLength()), product.maxLength());
            compare(differences, name, "MinValue", vendo.minValue(), product.minValue());
            compare(differences, name, "MaxValue", vendo.maxValue(), product.maxValue());
        }
        ours.keySet().stream()
                .filter(name -> !theirs.containsKey(name))
                .forEach(name -> differences.add(
                        "Parameter %s: in Vendo's form, Service Catalog does not provision with it".formatted(name)));
        return new AwsComparison(
                CHECKED,
                differences.isEmpty()
                        ? "Service Catalog provisions the artifact with exactly the parameters of Vendo's form"
                                + " (DescribeProvisioningParameters)"
                        : null,
                differences);
    }

    private static @Nullable String text(@Nullable Integer value) {
        return value == null ? null : value.toString();
    }

    private static void compare(
            List<String> differences, String name, String attribute, @Nullable Object vendo, @Nullable Object aws) {
        if (!Objects.equals(vendo, aws)) {
            differences.add("Parameter %s: %s is %s in Vendo's model, %s for AWS"
                    .formatted(name, attribute, shown(vendo), shown(aws)));
        }
    }

    private static String shown(@Nullable Object value) {
        return value == null ? "(none)" : String.valueOf(value);
    }
}
