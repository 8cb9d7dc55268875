package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal of the parser that the corpus does not show, with its exact message and position: the same words
 * whichever of the parser's parts finds the problem.
 */
class TemplateRefusalsTest {

    private final TemplateParser parser = new TemplateParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            textBlock =
                    """
            not an object            | '[a, b]'                                                                                     | Template must be a YAML or JSON object with a Resources section
            section not an object    | 'Resources: [a]'                                                                             | Template format error at line 1, column 12: Template section Resources must be an object
            resource name            | 'Resources:\\n  my-bucket: {Type: AWS::S3::Bucket}'                                           | Template format error at line 2, column 3: Resource name my-bucket is non alphanumeric: CloudFormation accepts A-Z, a-z and 0-9 only
            output name              | 'Resources:\\n  B: {Type: AWS::S3::Bucket}\\nOutputs:\\n  the_arn: {Value: x}'                  | Template format error at line 4, column 3: Output name the_arn is non alphanumeric: CloudFormation accepts A-Z, a-z and 0-9 only
            for-each shape           | 'Transform: AWS::LanguageExtensions\\nResources:\\n  Fn::ForEach::T: [a, b]'                    | Template format error at line 3, column 19: Fn::ForEach::T must be a list of an identifier, a collection and a template
            parameter not an object  | 'Parameters:\\n  P: text\\nResources:\\n  B: {Type: AWS::S3::Bucket}'                          | Template format error at line 2, column 6: Parameter P must be an object with a Type
            type not a scalar        | 'Parameters:\\n  P: {Type: [String]}\\nResources:\\n  B: {Type: AWS::S3::Bucket}'             | Template format error at line 2, column 13: Parameter P: Type must be a single value
            default a mapping        | 'Parameters:\\n  P: {Type: String, Default: {a: b}}\\nResources:\\n  B: {Type: AWS::S3::Bucket}' | Template format error at line 2, column 30: Parameter P: Default must be a value or a list of values
            allowed values scalar    | 'Parameters:\\n  P: {Type: String, AllowedValues: a}\\nResources:\\n  B: {Type: AWS::S3::Bucket}' | Template format error at line 2, column 36: Parameter P: AllowedValues must be a list of values
            length not a number      | 'Parameters:\\n  P: {Type: String, MinLength: two}\\nResources:\\n  B: {Type: AWS::S3::Bucket}'  | Template format error at line 2, column 32: Parameter P: MinLength must be an integer, not 'two'
            length negative          | 'Parameters:\\n  P: {Type: String, MaxLength: -1}\\nResources:\\n  B: {Type: AWS::S3::Bucket}'   | Template format error at line 2, column 32: Parameter P: MaxLength must not be negative, not '-1'
            interface groups         | 'Metadata:\\n  AWS::CloudFormation::Interface:\\n    ParameterGroups: [x]\\nResources:\\n  B: {Type: AWS::S3::Bucket}' | Template format error at line 3, column 5: Each of the Interface's ParameterGroups needs a list of Parameters
            """)
    void refusesWithTheExactMessageAndPosition(String problem, String template, String message) {
        assertThatThrownBy(() -> parser.parse(template.replace("\\n", "\n")))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(message);
    }
}
