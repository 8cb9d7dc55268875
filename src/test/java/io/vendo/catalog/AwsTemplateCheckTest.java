package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * With AWS configured, a new version is also checked by CloudFormation (ValidateTemplate, GetTemplateSummary, through
 * the real SDK client against WireMock speaking CloudFormation's query/XML protocol), AWS's parameter model is
 * compared with Vendo's, and differences are shown to the admin; a template CloudFormation refuses is not stored.
 */
@VendoIntegrationTest
class AwsTemplateCheckTest {

    private static final String TEMPLATE =
            """
            Parameters:
              RoleName:
                Type: String
                Default: app-role
              Stage:
                Type: String
                AllowedValues: [dev, prod]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: !Ref RoleName
                  AssumeRolePolicyDocument: {}
            """;

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        AwsStub.reset();
    }

    @Test
    void differencesBetweenAwsAndVendoAreStoredWithTheVersionAndShownToTheAdmin() {
        AwsStub.stubValidateTemplate(
                "CAPABILITY_NAMED_IAM", "The following resource(s) require capabilities: [AWS::IAM::Role]");
        AwsStub.stubGetTemplateSummary(
                """
                <member><ParameterKey>RoleName</ParameterKey><ParameterType>String</ParameterType>
                  <DefaultValue>app-role</DefaultValue><NoEcho>false</NoEcho></member>
                <member><ParameterKey>Stage</ParameterKey><ParameterType>String</ParameterType><NoEcho>false</NoEcho>
                  <ParameterConstraints><AllowedValues><member>dev</member><member>staging</member><member>prod</member></AllowedValues></ParameterConstraints></member>
                <member><ParameterKey>Region</ParameterKey><ParameterType>String</ParameterType><NoEcho>false</NoEcho></member>
                """);

        var created = ApiClient.as("admin", port).postJson("/api/v1/blueprints", blueprint("aws-checked-role"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var aws = created.body().path("versions").get(0).path("aws");
        assertThat(aws.path("outcome").asString()).isEqualTo("CHECKED");
        assertThat(strings(aws.path("differences")))
                .containsExactlyInAnyOrder(
                        "Parameter Stage: AllowedValues is [dev, prod] in Vendo's model, [dev, staging, prod] for AWS",
                        "Parameter Region: AWS reports it, Vendo's model does not have it",
                        "Capabilities: AWS requires CAPABILITY_NAMED_IAM (The following resource(s) require "
                                + "capabilities: [AWS::IAM::Role]); the version declares none");
        var validate = AwsStub.form(AwsStub.received("ValidateTemplate").getFirst());
        assertThat(validate.get("TemplateBody")).isEqualTo(TEMPLATE);
        assertThat(AwsStub.received("GetTemplateSummary")).hasSize(1);

        var page = HtmlUtils.htmlUnescape(new WebSession(port)
                .logIn("admin")
                .get("/admin/blueprints/aws-checked-role")
                .body());
        assertThat(page).contains("AWS requires CAPABILITY_NAMED_IAM");
    }

    @Test
    void aTemplateCloudFormationRefusesIsNotStored() {
        AwsStub.stubValidateTemplateError(
                "Template format error: Unresolved resource dependencies [Missing] in the Resources block");

        var refused = ApiClient.as("admin", port).postJson("/api/v1/blueprints", blueprint("aws-refused-role"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("template").asString())
                .isEqualTo("CloudFormation refuses the template: Template format error: Unresolved resource "
                        + "dependencies [Missing] in the Resources block");
        assertThat(ApiClient.as("admin", port)
                        .get("/api/v1/blueprints/aws-refused-role")
                        .status())
                .isEqualTo(404);
    }

    private static String blueprint(String slug) {
        return """
                {"slug": "%s", "kind": "STACK", "name": "Role", "description": "An IAM role", "owner": "iam-team",
                 "template": "%s"}
                """
                .formatted(slug, TEMPLATE.replace("\"", "\\\"").replace("\n", "\\n"));
    }

    private static java.util.List<String> strings(Iterable<tools.jackson.databind.JsonNode> nodes) {
        var values = new ArrayList<String>();
        nodes.forEach(node -> values.add(node.asString()));
        return values;
    }
}
