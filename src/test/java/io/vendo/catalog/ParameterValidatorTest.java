package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    private Map<String, String> errors(List<ParameterDefinition> definitions, Map<String, String> values) {
        return catchThrowableOfType(InvalidParametersException.class, () -> validator.validate(definitions, values))
                .errors();
    }
}
