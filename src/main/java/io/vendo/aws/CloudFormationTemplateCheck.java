package io.vendo.aws;

import io.vendo.catalog.AwsTemplateReport;
import io.vendo.catalog.AwsTemplateReport.AwsParameter;
import io.vendo.catalog.TemplateCheck;
import io.vendo.execution.AwsTarget;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.ParameterDeclaration;

/**
 * Asks CloudFormation about a template with the portal's own credentials: ValidateTemplate for validity and the
 * capabilities it needs, GetTemplateSummary for the parameters' types and allowed values.
 */
@Component
class CloudFormationTemplateCheck implements TemplateCheck {

    private final AwsConnection aws;

    CloudFormationTemplateCheck(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public boolean available() {
        return aws.live();
    }

    @Override
    public AwsTemplateReport check(String templateBody, String region) {
        var cloudFormation = aws.cloudFormation(new AwsTarget("", region, null, null));
        try {
            var validated = cloudFormation.validateTemplate(request -> request.templateBody(templateBody));
            var summary = cloudFormation.getTemplateSummary(request -> request.templateBody(templateBody));
            return new AwsTemplateReport(
                    null,
                    null,
                    summary.parameters().stream()
                            .map(CloudFormationTemplateCheck::parameter)
                            .toList(),
                    validated.capabilitiesAsStrings(),
                    validated.capabilitiesReason());
        } catch (SdkException e) {
            var error = AwsError.of(e);
            return error.is("ValidationError")
                    ? AwsTemplateReport.refused(error.message())
                    : AwsTemplateReport.unavailable(String.valueOf(e.getMessage()));
        }
    }

    private static AwsParameter parameter(ParameterDeclaration declaration) {
        var constraints = declaration.parameterConstraints();
        return new AwsParameter(
                declaration.parameterKey(),
                declaration.parameterType(),
                declaration.defaultValue(),
                Boolean.TRUE.equals(declaration.noEcho()),
                constraints == null || !constraints.hasAllowedValues() ? List.of() : constraints.allowedValues());
    }
}
