package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world-style templates (networking, databases, containers, serverless/SAM, App Runner, nested stacks, every
 * intrinsic in every form, JSON) parsed into the parameter models written down beside each in {@code .expected}, and
 * malformed or over-limit ones refused with the message that names the problem and its line.
 */
class TemplateCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/templates/corpus");
    private static final Path REFUSED = Path.of("src/test/resources/templates/refused");

    private final TemplateParser parser = new TemplateParser();

    static Stream<String> templates() throws IOException {
        try (var files = Files.list(CORPUS)) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyTemplates() throws IOException {
        assertThat(templates()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void parsesIntoTheExpectedParameterModel(String template) throws IOException {
        var parsed = parser.parse(Files.readString(CORPUS.resolve(template), StandardCharsets.UTF_8));

        var expected = Files.readAllLines(CORPUS.resolve(template.replaceAll("\\.(yaml|json)$", ".expected")));
        assertThat(describe(parsed)).containsExactlyElementsOf(expected);
    }

    /** One line for the template, then one per parameter in form order, with every attribute the model holds. */
    static List<String> describe(TemplateParser.ParsedTemplate template) {
        var lines = new ArrayList<String>();
        lines.add("resources=%d outputs=%s transforms=%s"
                .formatted(template.resources().size(), template.outputs(), template.transforms()));
        for (var p : template.parameters()) {
            var line = new StringBuilder(p.name()).append(": ").append(p.type());
            append(line, "default", p.defaultValue());
            if (!p.allowedValues().isEmpty()) {
                line.append(" | allowed=").append(String.join("|", p.allowedValues()));
            }
            append(line, "pattern", p.allowedPattern());
            if (p.minLength() != null || p.maxLength() != null) {
                line.append(" | length=").append(p.minLength()).append("..").append(p.maxLength());
            }
            if (p.minValue() != null || p.maxValue() != null) {
                line.append(" | value=").append(p.minValue()).append("..").append(p.maxValue());
            }
            if (p.noEcho()) {
                line.append(" | noEcho");
            }
            append(line, "group", p.group());
            append(line, "label", p.label());
            append(line, "description", p.description());
            append(line, "constraint", p.constraintDescription());
            lines.add(line.toString());
        }
        return lines;
    }

    private static void append(StringBuilder line, String key, String value) {
        if (value != null) {
            line.append(" | ").append(key).append('=').append(value.replace("\n", "\\n"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            bad-indentation.yaml            | line 5, column 4: while parsing a block mapping, expected <block end>, but found '<block mapping start>'
            duplicate-parameter.yaml        | line 6, column 3: while constructing a mapping, found duplicate key Env
            unknown-tag.yaml                | line 5, column 18: could not determine a constructor for the tag !Reff
            unknown-type.yaml               | line 5, column 11: Parameter VpcId: Type 'AWS::EC2::Vpc::Id' is not a CloudFormation parameter type
            unknown-list-type.yaml          | line 3, column 11: Parameter Keys: Type 'List<AWS::EC2::KeyPair::KeyName>' is not a CloudFormation parameter type
            unknown-attribute.yaml          | line 4, column 5: Invalid template parameter property 'Defualt' in parameter Env
            no-resources.yaml               | the template has no Resources; CloudFormation requires at least one
            resource-without-type.yaml      | line 5, column 5: Resource Queue has no Type
            bad-pattern.yaml                | line 4, column 21: Parameter Name: AllowedPattern is not a valid pattern: Unclosed character class
            billion-laughs.yaml             | Number of aliases for non-scalar nodes exceeds the specified max=50
            missing-comma.json              | line 4, column 5: while parsing a flow mapping, expected ',' or '}', but got <scalar>
            misspelt-section.yaml           | line 2, column 1: Invalid template property Parameter
            non-alphanumeric-parameter.yaml | line 2, column 3: Parameter name db-password is non alphanumeric
            noecho-yes.yaml                 | line 4, column 13: Parameter Token: NoEcho must be true or false, not 'yes'
            min-value-not-number.yaml       | line 4, column 15: Parameter Size: MinValue must be a number, not 'ten'
            wrong-format-version.yaml       | line 1, column 27: AWSTemplateFormatVersion must be 2010-09-09, not 2012-10-17
            output-without-value.yaml       | line 6, column 5: Output TopicArn has no Value
            two-documents.yaml              | line 4, column 1: expected a single document in the stream
            """)
    void refusesMalformedTemplatesNamingTheProblemAndItsLine(String template, String message) throws IOException {
        var body = Files.readString(REFUSED.resolve(template), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(message.strip());
    }
}
