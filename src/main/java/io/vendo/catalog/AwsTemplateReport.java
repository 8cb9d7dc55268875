package io.vendo.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What CloudFormation said about a template.
 *
 * @param refusal CloudFormation's message when it refuses the template (ValidationError)
 * @param unavailable why CloudFormation could not be asked (throttled, unreachable), when it could not
 * @param parameters the parameters as GetTemplateSummary reports them
 * @param capabilities the capabilities CloudFormation requires to deploy the template
 */
@NamedInterface("ports")
public record AwsTemplateReport(
        @Nullable String refusal,
        @Nullable String unavailable,
        List<AwsParameter> parameters,
        List<String> capabilities,
        @Nullable String capabilitiesReason) {

    public AwsTemplateReport {
        parameters = List.copyOf(parameters);
        capabilities = List.copyOf(capabilities);
    }

    public static AwsTemplateReport refused(String message) {
        return new AwsTemplateReport(message, null, List.of(), List.of(), null);
    }

    public static AwsTemplateReport unavailable(String reason) {
        return new AwsTemplateReport(null, reason, List.of(), List.of(), null);
    }

    /** One parameter as CloudFormation reports it. */
    public record AwsParameter(
            String name, String type, @Nullable String defaultValue, boolean noEcho, List<String> allowedValues) {

        public AwsParameter {
            allowedValues = List.copyOf(allowedValues);
        }
    }
}
