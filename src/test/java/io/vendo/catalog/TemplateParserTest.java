package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .hasMessageContaining("no Resources");
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
    void refusesNoEchoParametersUntilSecretsCanBeStoredSafely() {
        assertThatThrownBy(() ->
                        parser.parse("Parameters: {Password: {Type: String, NoEcho: true}}\nResources: {A: {Type: X}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("Password is NoEcho");
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
