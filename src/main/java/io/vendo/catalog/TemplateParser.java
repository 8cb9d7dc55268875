package io.vendo.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses a CloudFormation template (YAML with short-form tags, or JSON, which is YAML too) into the parameter model
 * Vendo builds forms from, refusing what CloudFormation would refuse.
 */
final class TemplateParser {

    /** CloudFormation's limits for a template passed in the request body. */
    static final int MAX_BODY_BYTES = 51_200;

    static final int MAX_PARAMETERS = 200;
    static final int MAX_RESOURCES = 500;
    static final int MAX_OUTPUTS = 200;

    ParsedTemplate parse(String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw new InvalidTemplateException(
                    "Template body is %,d bytes; CloudFormation accepts at most %,d".formatted(bytes, MAX_BODY_BYTES));
        }
        var root = load(body);
        var resources = section(root, "Resources");
        if (resources.isEmpty()) {
            throw new InvalidTemplateException("Template has no Resources: CloudFormation requires at least one");
        }
        var parameters = section(root, "Parameters");
        var outputs = section(root, "Outputs");
        limit("parameters", parameters.size(), MAX_PARAMETERS);
        limit("resources", resources.size(), MAX_RESOURCES);
        limit("outputs", outputs.size(), MAX_OUTPUTS);

        var definitions = new ArrayList<ParameterDefinition>();
        parameters.forEach((name, declaration) -> definitions.add(parameter(String.valueOf(name), declaration)));
        var declared = new ArrayList<TemplateResource>();
        resources.forEach((logicalId, declaration) -> declared.add(new TemplateResource(
                String.valueOf(logicalId),
                declaration instanceof Map<?, ?> resource && resource.get("Type") != null
                        ? String.valueOf(resource.get("Type"))
                        : "(no Type)")));
        return new ParsedTemplate(
                List.copyOf(definitions),
                outputs.keySet().stream().map(String::valueOf).toList(),
                List.copyOf(declared));
    }

    private static Map<?, ?> load(String body) {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new CloudFormationYamlConstructor(options)).load(body);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var where = mark != null ? "line %d, column %d: ".formatted(mark.getLine() + 1, mark.getColumn() + 1) : "";
            throw new InvalidTemplateException("Template is not valid YAML or JSON at " + where + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidTemplateException("Template is not valid YAML or JSON: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidTemplateException("Template must be a YAML or JSON object with a Resources section");
        }
        return map;
    }

    private static Map<?, ?> section(Map<?, ?> root, String name) {
        var section = root.get(name);
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new InvalidTemplateException("Template section %s must be an object".formatted(name));
        }
        return map;
    }

    private static void limit(String what, int count, int max) {
        if (count > max) {
            throw new InvalidTemplateException(
                    "Template declares %d %s; CloudFormation accepts at most %d".formatted(count, what, max));
        }
    }

    private static ParameterDefinition parameter(String name, Object declaration) {
        if (!(declaration instanceof Map<?, ?> attributes)) {
            throw new InvalidTemplateException("Parameter %s must be an object with a Type".formatted(name));
        }
        var type = text(attributes, "Type");
        if (type == null) {
            throw new InvalidTemplateException("Parameter %s has no Type".formatted(name));
        }
        var noEcho = Boolean.parseBoolean(text(attributes, "NoEcho"));
        if (noEcho) {
            throw new InvalidTemplateException(("Parameter %s is NoEcho: Vendo does not yet store secret parameter "
                            + "values, so it cannot offer this template")
                    .formatted(name));
        }
        var allowedPattern = text(attributes, "AllowedPattern");
        if (allowedPattern != null) {
            try {
                Pattern.compile(allowedPattern);
            } catch (PatternSyntaxException e) {
                throw new InvalidTemplateException(
                        "Parameter %s: AllowedPattern is not a valid pattern: %s".formatted(name, e.getDescription()));
            }
        }
        return new ParameterDefinition(
                name,
                type,
                text(attributes, "Default"),
                allowedValues(name, attributes.get("AllowedValues")),
                allowedPattern,
                integer(name, attributes, "MinLength"),
                integer(name, attributes, "MaxLength"),
                text(attributes, "MinValue"),
                text(attributes, "MaxValue"),
                false,
                text(attributes, "Description"),
                text(attributes, "ConstraintDescription"));
    }

    private static @Nullable String text(Map<?, ?> attributes, String key) {
        var value = attributes.get(key);
        if (value instanceof List<?> list) {
            // A list Default is written as a YAML sequence by some authors; CloudFormation wants it comma-joined.
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }

    private static @Nullable Integer integer(String parameter, Map<?, ?> attributes, String key) {
        var value = text(attributes, key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidTemplateException(
                    "Parameter %s: %s must be an integer, not '%s'".formatted(parameter, key, value));
        }
    }

    private static List<String> allowedValues(String parameter, @Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidTemplateException("Parameter %s: AllowedValues must be a list".formatted(parameter));
        }
        return list.stream().map(String::valueOf).toList();
    }

    record ParsedTemplate(
            List<ParameterDefinition> parameters, List<String> outputs, List<TemplateResource> resources) {}
}
