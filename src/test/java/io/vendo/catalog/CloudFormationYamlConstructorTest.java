package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.json.JsonMapper;

/** Every short-form tag, in each form CloudFormation allows it, reads as its long form. */
class CloudFormationYamlConstructorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            !Ref Bucket                                        | {"Ref":"Bucket"}
            !Ref AWS::Region                                   | {"Ref":"AWS::Region"}
            !Condition IsProd                                  | {"Condition":"IsProd"}
            !Sub '${Name}-bucket'                              | {"Fn::Sub":"${Name}-bucket"}
            !Sub ['${A}-${B}', {A: x, B: !Ref B}]              | {"Fn::Sub":["${A}-${B}",{"A":"x","B":{"Ref":"B"}}]}
            !Sub {'Fn::Join': ['', [a, b]]}                    | {"Fn::Sub":{"Fn::Join":["",["a","b"]]}}
            !GetAtt Bucket.Arn                                 | {"Fn::GetAtt":["Bucket","Arn"]}
            !GetAtt Database.Endpoint.Address                  | {"Fn::GetAtt":["Database","Endpoint.Address"]}
            !GetAtt [Database, Endpoint.Port]                  | {"Fn::GetAtt":["Database","Endpoint.Port"]}
            !GetAtt [!Sub '${T}Queue', Arn]                    | {"Fn::GetAtt":[{"Fn::Sub":"${T}Queue"},"Arn"]}
            !Join [',', [a, !Ref B]]                           | {"Fn::Join":[",",["a",{"Ref":"B"}]]}
            !Join [',', !Ref List]                             | {"Fn::Join":[",",{"Ref":"List"}]}
            !If [IsProd, big, small]                           | {"Fn::If":["IsProd","big","small"]}
            !If [IsProd, {A: 1}, !Ref AWS::NoValue]            | {"Fn::If":["IsProd",{"A":"1"},{"Ref":"AWS::NoValue"}]}
            !Select [0, !GetAZs '']                            | {"Fn::Select":["0",{"Fn::GetAZs":""}]}
            !Select ['1', !Ref List]                           | {"Fn::Select":["1",{"Ref":"List"}]}
            !Split [',', 'a,b']                                | {"Fn::Split":[",","a,b"]}
            !Split [',', !ImportValue shared]                  | {"Fn::Split":[",",{"Fn::ImportValue":"shared"}]}
            !FindInMap [Map, !Ref AWS::Region, Ami]            | {"Fn::FindInMap":["Map",{"Ref":"AWS::Region"},"Ami"]}
            !ImportValue shared-vpc                            | {"Fn::ImportValue":"shared-vpc"}
            !ImportValue {'Fn::Sub': '${Stack}-VpcId'}         | {"Fn::ImportValue":{"Fn::Sub":"${Stack}-VpcId"}}
            !Base64 'echo hi'                                  | {"Fn::Base64":"echo hi"}
            !Base64 {'Fn::Sub': 'echo ${Name}'}                | {"Fn::Base64":{"Fn::Sub":"echo ${Name}"}}
            !Cidr [10.0.0.0/16, 6, 5]                          | {"Fn::Cidr":["10.0.0.0/16","6","5"]}
            !Cidr [!GetAtt Vpc.CidrBlock, 3, 8]                | {"Fn::Cidr":[{"Fn::GetAtt":["Vpc","CidrBlock"]},"3","8"]}
            !GetAZs ''                                         | {"Fn::GetAZs":""}
            !GetAZs eu-west-1                                  | {"Fn::GetAZs":"eu-west-1"}
            !GetAZs {Ref: AWS::Region}                         | {"Fn::GetAZs":{"Ref":"AWS::Region"}}
            !Equals [!Ref Env, prod]                           | {"Fn::Equals":[{"Ref":"Env"},"prod"]}
            !And [!Condition A, !Equals [a, a]]                | {"Fn::And":[{"Condition":"A"},{"Fn::Equals":["a","a"]}]}
            !Or [!Condition A, !Condition B]                   | {"Fn::Or":[{"Condition":"A"},{"Condition":"B"}]}
            !Not [!Condition A]                                | {"Fn::Not":[{"Condition":"A"}]}
            !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}} | {"Fn::Transform":{"Name":"AWS::Include","Parameters":{"Location":"s3://b/k"}}}
            !ToJsonString {a: !Ref B}                          | {"Fn::ToJsonString":{"a":{"Ref":"B"}}}
            !Length [a, b]                                     | {"Fn::Length":["a","b"]}
            """)
    void readsShortFormsAsLongForms(String yaml, String json) {
        assertThat((Object) JSON.valueToTree(load(yaml))).isEqualTo(JSON.readTree(json));
    }

    @Test
    void blockScalarsKeepTheirLineBreaks() {
        assertThat((Object) JSON.valueToTree(load("!Sub |\n  #!/bin/bash\n  echo ${Name}\n")))
                .isEqualTo(JSON.readTree("{\"Fn::Sub\":\"#!/bin/bash\\necho ${Name}\\n\"}"));
    }

    private static Object load(String value) {
        var options = new LoaderOptions();
        var loaded = new Yaml(
                        new CloudFormationYamlConstructor(options),
                        new Representer(new DumperOptions()),
                        new DumperOptions(),
                        options,
                        new CloudFormationYamlConstructor.TextResolver())
                .load("value: " + value);
        return ((Map<?, ?>) loaded).get("value");
    }
}
