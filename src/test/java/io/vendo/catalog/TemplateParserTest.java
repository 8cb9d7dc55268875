package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    private final TemplateParser parser = new TemplateParser();

    @Test
    void readsParametersWithTheirConstraintsFromYamlWithShortFormTags() {
        var template = parser.parse(
                """
                Parameters:
                  Env:
                    Type: String
                    Default: dev
                    AllowedValues: [dev, prod]
                    Description: Where it runs
                  Size:
                    Type: Number
                    MinValue: 1
                    MaxValue: 10
                  Subnets:
                    Type: List<AWS::EC2::Subnet::Id>
                  Name:
                    Type: String
                    AllowedPattern: "[a-z]+"
                    MinLength: 2
                    MaxLength: 8
                    ConstraintDescription: lower-case letters
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Condition: IsProd
                    Properties:
                      BucketName: !Sub "${Name}-${AWS::Region}"
                      Tags:
                        - Key: subnets
                          Value: !Join [",", !Ref Subnets]
                        - Key: first-az
                          Value: !Select [0, !GetAZs ""]
                        - Key: arn
                          Value: !If
                            - IsProd
                            - !GetAtt Other.Arn
                            - !ImportValue shared-arn
                Outputs:
                  BucketName:
                    Value: !Ref Bucket
                """);

        assertThat(template.parameters())
                .extracting(ParameterDefinition::name)
                .containsExactly("Env", "Size", "Subnets", "Name");
        var env = template.parameters().get(0);
        assertThat(env.defaultValue()).isEqualTo("dev");
        assertThat(env.allowedValues()).containsExactly("dev", "prod");
        assertThat(env.description()).isEqualTo("Where it runs");
        var size = template.parameters().get(1);
        assertThat(size.numeric()).isTrue();
        assertThat(size.minValue()).isEqualTo("1");
        assertThat(size.maxValue()).isEqualTo("10");
        assertThat(size.required()).isTrue();
        assertThat(template.parameters().get(2).list()).isTrue();
        var name = template.parameters().get(3);
        assertThat(name.allowedPattern()).isEqualTo("[a-z]+");
        assertThat(name.minLength()).isEqualTo(2);
        assertThat(name.maxLength()).isEqualTo(8);
        assertThat(name.constraintDescription()).isEqualTo("lower-case letters");
        assertThat(template.outputs()).containsExactly("BucketName");
        assertThat(template.resources()).containsExactly(new TemplateResource("Bucket", "AWS::S3::Bucket"));
    }

    @Test
    void readsJsonTemplates() {
        var template = parser.parse(
                """
                {"Parameters": {"Port": {"Type": "Number", "Default": 8080}},
                 "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}
                """);

        assertThat(template.parameters()).singleElement().satisfies(port -> {
            assertThat(port.name()).isEqualTo("Port");
            assertThat(port.defaultValue()).isEqualTo("8080");
        });
    }

    @Test
    void refusesMalformedYamlNamingTheLine() {
        assertThatThrownBy(
                        () -> parser.parse(
                                """
                        Resources:
                          Bucket:
                            Type: AWS::S3::Bucket
                           Properties: [unclosed
                        """))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void refusesTemplatesCloudFormationWouldRefuse() {
        assertThatThrownBy(() -> parser.parse("Parameters: {}\n"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("has no Resources");
        assertThatThrownBy(() -> parser.parse("Resources: {A: {Type: X}}\n# " + "x".repeat(51_200)))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("at most 51,200");
        assertThatThrownBy(() -> parser.parse("Parameters: {P: {Default: x}}\nResources: {A: {Type: X}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("P has no Type");
        assertThatThrownBy(() -> parser.parse(
                        "Parameters: {P: {Type: String, AllowedPattern: '[a-'}}\nResources: {A: {Type: X}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("AllowedPattern is not a valid pattern");
    }

    @Test
    void refusesMoreThan200Parameters() {
        var parameters = new StringBuilder("Parameters:\n");
        for (int i = 0; i < 201; i++) {
            parameters.append("  P").append(i).append(": {Type: String}\n");
        }

        assertThatThrownBy(() -> parser.parse(parameters + "Resources: {A: {Type: X}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("201 parameters");
    }

    @Test
    void acceptsNoEchoParameters() {
        var template = parser.parse(
                "Parameters: {Password: {Type: String, NoEcho: true, MinLength: 8}}\nResources: {A: {Type: X}}");

        assertThat(template.parameters().getFirst().noEcho()).isTrue();
    }

    @Test
    void refusesMoreThan500ResourcesAnd200Outputs() {
        var resources = new StringBuilder("Resources:\n");
        var outputs = new StringBuilder("Outputs:\n");
        for (int i = 0; i < 501; i++) {
            resources.append("  R").append(i).append(": {Type: AWS::SNS::Topic}\n");
        }
        for (int i = 0; i < 201; i++) {
            outputs.append("  O").append(i).append(": {Value: x}\n");
        }

        assertThatThrownBy(() -> parser.parse(resources.toString()))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("501 resources; CloudFormation accepts at most 500");
        assertThatThrownBy(() -> parser.parse("Resources: {A: {Type: X}}\n" + outputs))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("201 outputs; CloudFormation accepts at most 200");
        assertThat(parser.parse(resources.toString().replace("  R500: {Type: AWS::SNS::Topic}\n", ""))
                        .resources())
                .hasSize(500);
    }

    @Test
    void aTemplateFromS3MayBeOneMegabyte() {
        var body = "Resources: {A: {Type: X}}\n# " + "x".repeat(60_000);

        assertThat(parser.parse(body, TemplateSource.S3).resources()).hasSize(1);
        assertThatThrownBy(() -> parser.parse(body, TemplateSource.BODY))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("Template is 60,028 bytes; CloudFormation accepts at most 51,200");
        assertThatThrownBy(() -> parser.parse(body + "x".repeat(1_000_000), TemplateSource.S3))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("at most 1,048,576 for a template from S3");
    }

    @Test
    void acceptsTransformsByNameOrAsAList() {
        assertThat(parser.parse(
                                "Transform: AWS::Serverless-2016-10-31\nResources: {F: {Type: AWS::Serverless::Function}}")
                        .transforms())
                .containsExactly("AWS::Serverless-2016-10-31");
        assertThat(parser.parse(
                                "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources: {A: {Type: X}}")
                        .transforms())
                .containsExactly("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31");
        assertThatThrownBy(() -> parser.parse("Transform: {Name: x}\nResources: {A: {Type: X}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("line 1, column 12: Transform must name transforms or macros");
    }

    @Test
    void forEachNeedsTheLanguageExtensionsTransform() {
        var loop = "Resources:\n  Fn::ForEach::Topics: [Name, [a, b], {'${Name}Topic': {Type: AWS::SNS::Topic}}]\n";

        assertThat(parser.parse("Transform: AWS::LanguageExtensions\n" + loop).resources())
                .containsExactly(new TemplateResource("${Name}Topic", "AWS::SNS::Topic"));
        assertThatThrownBy(() -> parser.parse(loop))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(
                        "line 2, column 24: Fn::ForEach::Topics needs the AWS::LanguageExtensions transform");
    }

    @Test
    void keepsScalarsAsWrittenInsteadOfYamlImplicitTypes() {
        var template = parser.parse(
                """
                Parameters:
                  Version: {Type: String, Default: 1.10}
                  Account: {Type: String, Default: 012345678901}
                  Flag: {Type: String, Default: yes, AllowedValues: [yes, no]}
                  Date: {Type: String, Default: 2026-11-23}
                  Size: {Type: Number, Default: 0x1F}
                Resources: {A: {Type: X}}
                """);

        assertThat(template.parameters())
                .extracting(ParameterDefinition::defaultValue)
                .containsExactly("1.10", "012345678901", "yes", "2026-11-23", "0x1F");
        assertThat(template.parameters().get(2).allowedValues()).containsExactly("yes", "no");
    }

    @Test
    void interfaceMetadataOrdersGroupsAndLabelsParameters() {
        var template = parser.parse(
                """
                Metadata:
                  AWS::CloudFormation::Interface:
                    ParameterGroups:
                      - Label: {default: Second}
                        Parameters: [C, A]
                      - Label: {default: First}
                        Parameters: [Unknown, B]
                    ParameterLabels:
                      A: {default: The A}
                      D: {default: The D}
                Parameters:
                  A: {Type: String}
                  B: {Type: String}
                  C: {Type: String}
                  D: {Type: String}
                Resources: {R: {Type: X}}
                """);

        assertThat(template.parameters())
                .extracting(ParameterDefinition::name, ParameterDefinition::group, ParameterDefinition::displayName)
                .containsExactly(
                        tuple("C", "Second", "C"),
                        tuple("A", "Second", "The A"),
                        tuple("B", "First", "B"),
                        tuple("D", null, "The D"));
    }

    @Test
    void refusesDuplicateKeysAndAliasBombsNamingTheLine() {
        assertThatThrownBy(() -> parser.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("line 3, column 3")
                .hasMessageContaining("found duplicate key A");
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a%d: &a%d [".formatted(i, i))
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))))
                    .append("]\n");
        }

        assertThatThrownBy(() -> parser.parse(bomb + "Resources: {A: {Type: X}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void knowsEveryCloudFormationParameterType() {
        var types = List.of(
                "String",
                "Number",
                "List<Number>",
                "CommaDelimitedList",
                "AWS::EC2::AvailabilityZone::Name",
                "AWS::EC2::Image::Id",
                "AWS::EC2::Instance::Id",
                "AWS::EC2::KeyPair::KeyName",
                "AWS::EC2::SecurityGroup::GroupName",
                "AWS::EC2::SecurityGroup::Id",
                "AWS::EC2::Subnet::Id",
                "AWS::EC2::Volume::Id",
                "AWS::EC2::VPC::Id",
                "AWS::Route53::HostedZone::Id",
                "List<AWS::EC2::AvailabilityZone::Name>",
                "List<AWS::EC2::Image::Id>",
                "List<AWS::EC2::Instance::Id>",
                "List<AWS::EC2::SecurityGroup::GroupName>",
                "List<AWS::EC2::SecurityGroup::Id>",
                "List<AWS::EC2::Subnet::Id>",
                "List<AWS::EC2::Volume::Id>",
                "List<AWS::EC2::VPC::Id>",
                "List<AWS::Route53::HostedZone::Id>",
                "AWS::SSM::Parameter::Name",
                "AWS::SSM::Parameter::Value<String>",
                "AWS::SSM::Parameter::Value<List<String>>",
                "AWS::SSM::Parameter::Value<CommaDelimitedList>",
                "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                "AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>");
        var template = new StringBuilder("Parameters:\n");
        for (int i = 0; i < types.size(); i++) {
            template.append("  P%d: {Type: '%s'}\n".formatted(i, types.get(i)));
        }

        assertThat(parser.parse(template + "Resources: {A: {Type: X}}").parameters())
                .extracting(ParameterDefinition::type)
                .containsExactlyElementsOf(types);
        for (var unknown : List.of(
                "string",
                "Integer",
                "List<String>",
                "List<CommaDelimitedList>",
                "AWS::EC2::VPC::ID",
                "List<AWS::EC2::KeyPair::KeyName>",
                "AWS::SSM::Parameter::Value<Number>",
                "AWS::SSM::Parameter::Value<AWS::SSM::Parameter::Name>")) {
            assertThatThrownBy(() ->
                            parser.parse("Parameters: {P: {Type: '%s'}}\nResources: {A: {Type: X}}".formatted(unknown)))
                    .as(unknown)
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("Type '%s' is not a CloudFormation parameter type".formatted(unknown));
        }
    }

    @Test
    void listDefaultsWrittenAsSequencesAreCommaJoined() {
        var template =
                parser.parse("Parameters: {Cidrs: {Type: CommaDelimitedList, Default: [10.0.0.0/16, 10.1.0.0/16]}}\n"
                        + "Resources: {A: {Type: X}}");

        assertThat(template.parameters().getFirst().defaultValue()).isEqualTo("10.0.0.0/16,10.1.0.0/16");
        assertThat(List.of(template.parameters().getFirst().list())).containsExactly(true);
    }
}
