package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterValidatorTest {

    private final ParameterValidator validator = new ParameterValidator();

    private static ParameterDefinition string(String name) {
        return new ParameterDefinition(
                name, "String", null, List.of(), null, null, null, null, null, false, null, null);
    }

    @Test
    void fillsInDefaultsAndKeepsTemplateOrder() {
        var definitions = List.of(
                new ParameterDefinition("A", "String", "a", List.of(), null, null, null, null, null, false, null, null),
                string("B"));

        var effective = validator.validate(definitions, Map.of("B", "b"));

        assertThat(effective).containsExactly(Map.entry("A", "a"), Map.entry("B", "b"));
    }

    @Test
    void reportsMissingAndUnknownParametersAsCloudFormationDoes() {
        var errors = errors(List.of(string("Needed")), Map.of("Extra", "x"));

        assertThat(errors)
                .containsEntry("Needed", "Parameters: [Needed] must have values")
                .containsEntry("Extra", "Parameters: [Extra] do not exist in the template");
    }

    @Test
    void allowedPatternMustMatchTheWholeValue() {
        var name = new ParameterDefinition(
                "Name", "String", null, List.of(), "[a-z]+", null, null, null, null, false, null, null);

        assertThat(validator.validate(List.of(name), Map.of("Name", "abc"))).containsEntry("Name", "abc");
        assertThat(errors(List.of(name), Map.of("Name", "abc1")))
                .containsEntry("Name", "Parameter 'Name' must match pattern [a-z]+");
    }

    @Test
    void constraintDescriptionReplacesTheMessage() {
        var name = new ParameterDefinition(
                "Name", "String", null, List.of(), "[a-z]+", null, null, null, null, false, null, "letters only");

        assertThat(errors(List.of(name), Map.of("Name", "A")))
                .containsEntry("Name", "Parameter 'Name' failed to satisfy constraint: letters only");
    }

    @Test
    void checksLengthsAllowedValuesAndNumbers() {
        var definitions = List.of(
                new ParameterDefinition("Short", "String", null, List.of(), null, 2, 3, null, null, false, null, null),
                new ParameterDefinition(
                        "Env", "String", null, List.of("dev", "prod"), null, null, null, null, null, false, null, null),
                new ParameterDefinition(
                        "Size", "Number", null, List.of(), null, null, null, "1", "10", false, null, null),
                new ParameterDefinition(
                        "Count", "Number", null, List.of(), null, null, null, null, null, false, null, null));

        var errors = errors(definitions, Map.of("Short", "abcd", "Env", "test", "Size", "11", "Count", "ten"));

        assertThat(errors)
                .containsEntry("Short", "Parameter 'Short' must contain at most 3 characters")
                .containsEntry("Env", "Parameter 'Env' must be one of AllowedValues")
                .containsEntry("Size", "Parameter 'Size' must be a number not greater than 10")
                .containsEntry("Count", "Parameter 'Count' must be a number");
        assertThat(errors(definitions, Map.of("Short", "a", "Env", "dev", "Size", "0.5", "Count", "1")))
                .containsOnlyKeys("Short", "Size")
                .containsEntry("Short", "Parameter 'Short' must contain at least 2 characters")
                .containsEntry("Size", "Parameter 'Size' must be a number not less than 1");
    }

    @Test
    void checksListItemsOneByOne() {
        var ports = new ParameterDefinition(
                "Ports", "List<Number>", null, List.of(), null, null, null, null, "1024", false, null, null);

        assertThat(validator.validate(List.of(ports), Map.of("Ports", "80, 443")))
                .containsEntry("Ports", "80, 443");
        assertThat(errors(List.of(ports), Map.of("Ports", "80,http")))
                .containsEntry("Ports", "Parameter 'Ports' must be a number");
        assertThat(errors(List.of(ports), Map.of("Ports", "80,8080")))
                .containsEntry("Ports", "Parameter 'Ports' must be a number not greater than 1024");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "42", "-7", "+3", "1.5", "-0.25", ".5", "5.", "1e3", "2.5E-4", "-1e+2", "007"})
    void numbersAreWhatCloudFormationAcceptsAsNumbers(String value) {
        assertThat(ParameterValidator.check(parameter("N", "Number"), value)).isNull();
        assertThat(ParameterValidator.check(parameter("N", "List<Number>"), value + ", " + value))
                .isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {"", " 1", "1 ", "1,000", "0x1F", "NaN", "Infinity", "1e", "e3", "--1", "1.2.3", "ten", "1_000"})
    void otherTextIsNotANumber(String value) {
        assertThat(ParameterValidator.check(parameter("N", "Number"), value))
                .isEqualTo("Parameter 'N' must be a number");
    }

    @Test
    void boundsCompareExactlyEvenBeyondDoublePrecision() {
        var bounded = new ParameterDefinition(
                "N", "Number", null, List.of(), null, null, null, "0.1", "9007199254740993", false, null, null);

        assertThat(ParameterValidator.check(bounded, "9007199254740993")).isNull();
        assertThat(ParameterValidator.check(bounded, "9007199254740994"))
                .isEqualTo("Parameter 'N' must be a number not greater than 9007199254740993");
        assertThat(ParameterValidator.check(bounded, "0.1")).isNull();
        assertThat(ParameterValidator.check(bounded, "1e-1")).isNull();
        assertThat(ParameterValidator.check(bounded, "0.09999"))
                .isEqualTo("Parameter 'N' must be a number not less than 0.1");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            AWS::EC2::VPC::Id                     | vpc-0a1b2c3d                          | vpc-0A1B2C3D
            AWS::EC2::VPC::Id                     | vpc-0123456789abcdef0                 | vpc-0123456789abcdef
            AWS::EC2::Subnet::Id                  | subnet-0123456789abcdef0              | sn-0123456789abcdef0
            AWS::EC2::SecurityGroup::Id           | sg-12345678                           | sg-1234567
            AWS::EC2::Image::Id                   | ami-0fedcba9876543210                 | ami-xyz
            AWS::EC2::Instance::Id                | i-0123456789abcdef0                   | i-0123456789abcdef0x
            AWS::EC2::Volume::Id                  | vol-0123456789abcdef0                 | volume-0123456789abcdef0
            AWS::EC2::KeyPair::KeyName            | ops key 2026                          | ''
            AWS::EC2::SecurityGroup::GroupName    | default                               | ''
            AWS::EC2::AvailabilityZone::Name      | eu-west-1a                            | EU-WEST-1A
            AWS::EC2::AvailabilityZone::Name      | us-west-2-lax-1a                      | west
            AWS::Route53::HostedZone::Id          | Z1D633PJN98FT9                        | /hostedzone/Z1D633PJN98FT9
            """)
    void awsSpecificTypesTakeValuesOfTheirForm(String type, String valid, String invalid) {
        var parameter = parameter("P", type);

        assertThat(ParameterValidator.check(parameter, valid)).isNull();
        assertThat(ParameterValidator.check(parameter, invalid))
                .startsWith("Parameter validation failed: parameter value '%s' for parameter name P is not "
                        .formatted(invalid));
    }

    @Test
    void awsSpecificListsAreCheckedItemByItem() {
        var subnets = parameter("Subnets", "List<AWS::EC2::Subnet::Id>");

        assertThat(ParameterValidator.check(subnets, "subnet-0123456789abcdef0, subnet-12345678"))
                .isNull();
        assertThat(ParameterValidator.check(subnets, "subnet-0123456789abcdef0,sg-12345678"))
                .isEqualTo("Parameter validation failed: parameter value 'sg-12345678' for parameter name Subnets is "
                        + "not a subnet id: subnet- and 8 or 17 hexadecimal digits");
        assertThat(ParameterValidator.check(subnets, "")).isNotNull();
    }

    @Test
    void systemsManagerTypesTakeParameterNames() {
        var ami = parameter("Ami", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");

        assertThat(ParameterValidator.check(
                        ami, "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"))
                .isNull();
        assertThat(ParameterValidator.check(parameter("N", "AWS::SSM::Parameter::Name"), "app.config_v2"))
                .isNull();
        assertThat(ParameterValidator.check(ami, "ami 123"))
                .isEqualTo("Parameter 'Ami' must name a Systems Manager parameter (letters, digits and _.-/ only)");
    }

    @Test
    void commaDelimitedListsApplyAllowedValuesAndPatternToEachTrimmedItem() {
        var logs = new ParameterDefinition(
                "Logs",
                "CommaDelimitedList",
                null,
                List.of("api", "audit", "scheduler"),
                "[a-z]+",
                null,
                9,
                null,
                null,
                false,
                null,
                null);

        assertThat(ParameterValidator.check(logs, "api, audit ,scheduler")).isNull();
        assertThat(ParameterValidator.check(logs, "api,Audit"))
                .isEqualTo("Parameter 'Logs' must be one of AllowedValues");
        assertThat(ParameterValidator.check(logs, "api,,audit"))
                .isEqualTo("Parameter 'Logs' must be one of AllowedValues");
    }

    @Test
    void valuesAreAtMost4096Bytes() {
        var text = parameter("T", "String");

        assertThat(ParameterValidator.check(text, "x".repeat(4096))).isNull();
        assertThat(ParameterValidator.check(text, "é".repeat(2049)))
                .isEqualTo("Parameter 'T' value is longer than 4,096 bytes");
    }

    @Test
    void allowedPatternUsesJavaRegularExpressionsWithLookarounds() {
        var password = new ParameterDefinition(
                "Password",
                "String",
                null,
                List.of(),
                "(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^a-zA-Z\\d]).{8,128}",
                null,
                null,
                null,
                null,
                true,
                null,
                null);

        assertThat(ParameterValidator.check(password, "Secr3t!pass")).isNull();
        assertThat(ParameterValidator.check(password, "secret-pass"))
                .startsWith("Parameter 'Password' must match pattern");
    }

    private static ParameterDefinition parameter(String name, String type) {
        return new ParameterDefinition(name, type, null, List.of(), null, null, null, null, null, false, null, null);
    }

    private Map<String, String> errors(List<ParameterDefinition> definitions, Map<String, String> values) {
        return catchThrowableOfType(InvalidParametersException.class, () -> validator.validate(definitions, values))
                .errors();
    }
}
