package io.vendo.catalog;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses a CloudFormation template (YAML with short-form tags, or JSON, which is YAML too) into the parameter model
 * Vendo builds forms from, refusing what CloudFormation would refuse, with the line of the problem.
 *
 * <p>What it checks, as CloudFormation does: the size limit of the template's source, valid YAML/JSON without duplicate
 * keys, the top-level sections, at most 200 parameters, 500 resources and 200 outputs, every resource with a Type,
 * every parameter with a known Type, known attributes and well-formed constraints. Transforms (SAM's
 * {@code AWS::Serverless-2016-10-31}, {@code AWS::Include}, macros) are accepted; the transformed template is
 * CloudFormation's to check.
 */
final class TemplateParser {

    /** CloudFormation's limit for a template passed in the request body. */
    static final int MAX_BODY_BYTES = TemplateSource.BODY.maxBytes();

    static final int MAX_PARAMETERS = 200;
    static final int MAX_RESOURCES = 500;
    static final int MAX_OUTPUTS = 200;

    private static final Set<String> SECTIONS = Set.of(
            "AWSTemplateFormatVersion",
            "Description",
            "Metadata",
            "Parameters",
            "Rules",
            "Mappings",
            "Conditions",
            "Transform",
            "Resources",
            "Outputs",
            "Hooks",
            "Globals");

    private static final Set<String> PARAMETER_ATTRIBUTES = Set.of(
            "Type",
            "Default",
            "AllowedValues",
            "AllowedPattern",
            "MinLength",
            "MaxLength",
            "MinValue",
            "MaxValue",
            "NoEcho",
            "Description",
            "ConstraintDescription");

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String INTERFACE = "AWS::CloudFormation::Interface";
    private static final String FOR_EACH = "Fn::ForEach::";
    private static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

    ParsedTemplate parse(String body) {
        return parse(body, TemplateSource.BODY);
    }

    /**
     * A form-only template, as a Service Catalog product's or an account's blueprint declares its form: Resources may
     * be left out, since CloudFormation never deploys it; everything else is checked as for a template.
     */
    ParsedTemplate parseForm(String body) {
        return parse(body, TemplateSource.BODY, false);
    }

    ParsedTemplate parse(String body, TemplateSource source) {
        return parse(body, source, true);
    }

    private ParsedTemplate parse(String body, TemplateSource source, boolean resourcesRequired) {
        var bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > source.maxBytes()) {
            throw new InvalidTemplateException(
                    "Template is %,d bytes; CloudFormation accepts at most %,d for a template %s"
                            .formatted(bytes, source.maxBytes(), source.where()));
        }
        var document = Document.load(body, source);
        var root = document.root();
        for (var section : root.keySet()) {
            if (!SECTIONS.contains(String.valueOf(section))) {
                throw document.keyError("Invalid template property " + section, "" + section);
            }
        }
        var version = root.get("AWSTemplateFormatVersion");
        if (version != null && !"2010-09-09".equals(String.valueOf(version))) {
            throw document.error(
                    "AWSTemplateFormatVersion must be 2010-09-09, not " + version, "AWSTemplateFormatVersion");
        }
        var transforms = transforms(document, root.get("Transform"));

        var resources = section(document, root, "Resources");
        if (resources.isEmpty() && resourcesRequired) {
            throw new InvalidTemplateException(
                    "Template format error: the template has no Resources; CloudFormation requires at least one");
        }
        var parameters = section(document, root, "Parameters");
        var outputs = section(document, root, "Outputs");
        limit("parameters", parameters.size(), MAX_PARAMETERS);
        limit("resources", resources.size(), MAX_RESOURCES);
        limit("outputs", outputs.size(), MAX_OUTPUTS);

        var declared = new ArrayList<TemplateResource>();
        resources.forEach((logicalId, declaration) -> {
            var id = String.valueOf(logicalId);
            if (id.startsWith(FOR_EACH)) {
                declared.addAll(forEach(document, transforms, declaration, "Resources", id));
                return;
            }
            logicalId(document, "Resource", id, "Resources", id);
            if (!(declaration instanceof Map<?, ?> resource) || !(resource.get("Type") instanceof String type)) {
                throw document.error("Resource %s has no Type".formatted(id), "Resources", id);
            }
            declared.add(new TemplateResource(id, type));
        });
        outputs.forEach((name, declaration) -> {
            if (String.valueOf(name).startsWith(FOR_EACH)) {
                forEach(document, transforms, declaration, "Outputs", String.valueOf(name));
                return;
            }
            logicalId(document, "Output", String.valueOf(name), "Outputs", String.valueOf(name));
            if (!(declaration instanceof Map<?, ?> output) || !output.containsKey("Value")) {
                throw document.error("Output %s has no Value".formatted(name), "Outputs", String.valueOf(name));
            }
        });

        var definitions = new LinkedHashMap<String, ParameterDefinition>();
        parameters.forEach((name, declaration) ->
                definitions.put(String.valueOf(name), parameter(document, String.valueOf(name), declaration)));
        return new ParsedTemplate(
                layout(document, root, definitions),
                outputs.keySet().stream().map(String::valueOf).toList(),
                List.copyOf(declared),
                transforms);
    }

    /**
     * {@code Fn::ForEach::Name: [Identifier, Collection, {LogicalId${Identifier}: {Type: …}}]} (the
     * {@code AWS::LanguageExtensions} transform): the templates it repeats, each declared once here, since the
     * collection is only known when CloudFormation deploys.
     */
    private static List<TemplateResource> forEach(
            Document document, List<String> transforms, Object declaration, String section, String key) {
        if (!transforms.contains(LANGUAGE_EXTENSIONS)) {
            throw document.error("%s needs the %s transform".formatted(key, LANGUAGE_EXTENSIONS), section, key);
        }
        if (!(declaration instanceof List<?> loop) || loop.size() != 3 || !(loop.get(2) instanceof Map<?, ?> body)) {
            throw document.error(
                    "%s must be a list of an identifier, a collection and a template".formatted(key), section, key);
        }
        var repeated = new ArrayList<TemplateResource>();
        body.forEach((id, template) -> repeated.add(new TemplateResource(
                String.valueOf(id),
                template instanceof Map<?, ?> resource && resource.get("Type") instanceof String type ? type : key)));
        return repeated;
    }

    private static List<String> transforms(Document document, @Nullable Object transform) {
        if (transform == null) {
            return List.of();
        }
        var names = transform instanceof List<?> list ? list : List.of(transform);
        var transforms = new ArrayList<String>();
        for (var name : names) {
            if (!(name instanceof String text) || text.isBlank()) {
                throw document.error("Transform must name transforms or macros, not " + name, "Transform");
            }
            transforms.add(text);
        }
        return List.copyOf(transforms);
    }

    private static Map<?, ?> section(Document document, Map<?, ?> root, String name) {
        var section = root.get(name);
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw document.error("Template section %s must be an object".formatted(name), name);
        }
        return map;
    }

    private static void limit(String what, int count, int max) {
        if (count > max) {
            throw new InvalidTemplateException(
                    "Template declares %d %s; CloudFormation accepts at most %d".formatted(count, what, max));
        }
    }

    private static void logicalId(Document document, String what, String id, String... path) {
        if (!LOGICAL_ID.matcher(id).matches()) {
            throw document.keyError(
                    "%s name %s is non alphanumeric: CloudFormation accepts A-Z, a-z and 0-9 only".formatted(what, id),
                    path);
        }
    }

    private static ParameterDefinition parameter(Document document, String name, Object declaration) {
        logicalId(document, "Parameter", name, "Parameters", name);
        if (!(declaration instanceof Map<?, ?> attributes)) {
            throw document.error("Parameter %s must be an object with a Type".formatted(name), "Parameters", name);
        }
        for (var attribute : attributes.keySet()) {
            if (!PARAMETER_ATTRIBUTES.contains(String.valueOf(attribute))) {
                throw document.keyError(
                        "Invalid template parameter property '%s' in parameter %s".formatted(attribute, name),
                        "Parameters",
                        name,
                        String.valueOf(attribute));
            }
        }
        var problem = new ParameterProblem(document, name);
        var type = scalar(problem, attributes, "Type");
        if (type == null) {
            throw problem.at("has no Type", null);
        }
        if (ParameterType.parse(type).isEmpty()) {
            throw problem.at("Type '%s' is not a CloudFormation parameter type".formatted(type), "Type");
        }
        var noEcho = scalar(problem, attributes, "NoEcho");
        if (noEcho != null && !noEcho.equalsIgnoreCase("true") && !noEcho.equalsIgnoreCase("false")) {
            throw problem.at("NoEcho must be true or false, not '%s'".formatted(noEcho), "NoEcho");
        }
        var allowedPattern = scalar(problem, attributes, "AllowedPattern");
        if (allowedPattern != null) {
            try {
                Pattern.compile(allowedPattern);
            } catch (PatternSyntaxException e) {
                throw problem.at(
                        "AllowedPattern is not a valid pattern: %s".formatted(e.getDescription()), "AllowedPattern");
            }
        }
        return new ParameterDefinition(
                name,
                type,
                defaultValue(problem, attributes.get("Default")),
                allowedValues(problem, attributes.get("AllowedValues")),
                allowedPattern,
                integer(problem, attributes, "MinLength"),
                integer(problem, attributes, "MaxLength"),
                number(problem, attributes, "MinValue"),
                number(problem, attributes, "MaxValue"),
                noEcho != null && noEcho.equalsIgnoreCase("true"),
                scalar(problem, attributes, "Description"),
                scalar(problem, attributes, "ConstraintDescription"));
    }

    private static @Nullable String scalar(ParameterProblem problem, Map<?, ?> attributes, String key) {
        var value = attributes.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw problem.at("%s must be a single value".formatted(key), key);
    }

    /** A list Default is written as a YAML sequence by some authors; CloudFormation wants it comma-joined. */
    private static @Nullable String defaultValue(ParameterProblem problem, @Nullable Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw problem.at("Default must be a value or a list of values", "Default");
    }

    private static @Nullable Integer integer(ParameterProblem problem, Map<?, ?> attributes, String key) {
        var value = scalar(problem, attributes, key);
        if (value == null) {
            return null;
        }
        try {
            var integer = Integer.valueOf(value);
            if (integer < 0) {
                throw problem.at("%s must not be negative, not '%s'".formatted(key, value), key);
            }
            return integer;
        } catch (NumberFormatException e) {
            throw problem.at("%s must be an integer, not '%s'".formatted(key, value), key);
        }
    }

    private static @Nullable String number(ParameterProblem problem, Map<?, ?> attributes, String key) {
        var value = scalar(problem, attributes, key);
        if (value != null && !NUMBER.matcher(value).matches()) {
            throw problem.at("%s must be a number, not '%s'".formatted(key, value), key);
        }
        return value;
    }

    private static List<String> allowedValues(ParameterProblem problem, @Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw problem.at("AllowedValues must be a list of values", "AllowedValues");
        }
        return list.stream().map(String::valueOf).toList();
    }

    /**
     * Applies the Interface metadata as the CloudFormation console does: parameters of each group in the group's
     * order, groups in their order, then the others in template order; labels replace names.
     */
    private static List<ParameterDefinition> layout(
            Document document, Map<?, ?> root, Map<String, ParameterDefinition> definitions) {
        if (!(root.get("Metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get(INTERFACE) instanceof Map<?, ?> ui)) {
            return List.copyOf(definitions.values());
        }
        var labels = new LinkedHashMap<String, String>();
        if (ui.get("ParameterLabels") instanceof Map<?, ?> parameterLabels) {
            parameterLabels.forEach((name, label) -> {
                if (label instanceof Map<?, ?> text && text.get("default") instanceof String value) {
                    labels.put(String.valueOf(name), value);
                }
            });
        }
        var ordered = new LinkedHashMap<String, ParameterDefinition>();
        if (ui.get("ParameterGroups") instanceof List<?> groups) {
            for (var entry : groups) {
                if (!(entry instanceof Map<?, ?> group) || !(group.get("Parameters") instanceof List<?> members)) {
                    throw document.error(
                            "Each of the Interface's ParameterGroups needs a list of Parameters",
                            "Metadata",
                            INTERFACE);
                }
                var label = group.get("Label") instanceof Map<?, ?> text && text.get("default") instanceof String value
                        ? value
                        : null;
                for (var member : members) {
                    var definition = definitions.get(String.valueOf(member));
                    // The console skips names that are not parameters, and so does CloudFormation: so do we.
                    if (definition != null && !ordered.containsKey(definition.name())) {
                        ordered.put(definition.name(), labelled(definition, labels, label));
                    }
                }
            }
        }
        definitions.values().stream()
                .filter(definition -> !ordered.containsKey(definition.name()))
                .forEach(definition -> ordered.put(definition.name(), labelled(definition, labels, null)));
        return List.copyOf(ordered.values());
    }

    private static ParameterDefinition labelled(
            ParameterDefinition definition, Map<String, String> labels, @Nullable String group) {
        return new ParameterDefinition(
                definition.name(),
                definition.type(),
                definition.defaultValue(),
                definition.allowedValues(),
                definition.allowedPattern(),
                definition.minLength(),
                definition.maxLength(),
                definition.minValue(),
                definition.maxValue(),
                definition.noEcho(),
                definition.description(),
                definition.constraintDescription(),
                labels.get(definition.name()),
                group);
    }

    /** The parsed template with its node tree, so that a problem found later can still name its line. */
    private record Document(Map<?, ?> root, Node tree) {

        static Document load(String body, TemplateSource source) {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            options.setAllowRecursiveKeys(false);
            options.setNestingDepthLimit(100);
            options.setCodePointLimit(source.maxBytes() + 1);
            var constructor = new CloudFormationYamlConstructor(options);
            var yaml = new Yaml(
                    constructor,
                    new Representer(new DumperOptions()),
                    new DumperOptions(),
                    options,
                    new CloudFormationYamlConstructor.TextResolver());
            try {
                var tree = yaml.compose(new StringReader(body));
                if (!(tree instanceof MappingNode)) {
                    throw new InvalidTemplateException(
                            "Template must be a YAML or JSON object with a Resources section");
                }
                return new Document((Map<?, ?>) constructor.construct(tree), tree);
            } catch (MarkedYAMLException e) {
                var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                var problem = e.getContext() == null
                        ? e.getProblem()
                        : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
                throw new InvalidTemplateException(
                        "Template is not valid YAML or JSON%s: %s".formatted(where(mark), problem));
            } catch (YAMLException e) {
                throw new InvalidTemplateException("Template is not valid YAML or JSON: " + e.getMessage());
            }
        }

        /** A format error at the value that the path of keys leads to (or as far as it leads). */
        InvalidTemplateException error(String message, String... path) {
            return at(node(false, path), message);
        }

        /** A format error in the key that the path leads to: a misspelt or malformed name. */
        InvalidTemplateException keyError(String message, String... path) {
            return at(node(true, path), message);
        }

        private static InvalidTemplateException at(Node node, String message) {
            return new InvalidTemplateException(
                    "Template format error%s: %s".formatted(where(node.getStartMark()), message));
        }

        private Node node(boolean key, String... path) {
            Node node = tree;
            for (int i = 0; i < path.length; i++) {
                if (!(node instanceof MappingNode mapping)) {
                    break;
                }
                var step = path[i];
                var tuple = mapping.getValue().stream()
                        .filter(candidate -> candidate.getKeyNode() instanceof ScalarNode scalar
                                && scalar.getValue().equals(step))
                        .findFirst();
                if (tuple.isEmpty()) {
                    break;
                }
                node = key && i == path.length - 1
                        ? tuple.get().getKeyNode()
                        : tuple.get().getValueNode();
            }
            return node;
        }

        private static String where(@Nullable Mark mark) {
            return mark == null ? "" : " at line %d, column %d".formatted(mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    /** Problems of one parameter, at the line of the attribute concerned. */
    private record ParameterProblem(Document document, String name) {

        InvalidTemplateException at(String message, @Nullable String attribute) {
            return attribute == null
                    ? document.error("Parameter %s %s".formatted(name, message), "Parameters", name)
                    : document.error("Parameter %s: %s".formatted(name, message), "Parameters", name, attribute);
        }
    }

    /**
     * @param parameters in form order: Interface groups first (see {@link #layout})
     * @param transforms the template's {@code Transform}s, e.g. {@code AWS::Serverless-2016-10-31}
     */
    record ParsedTemplate(
            List<ParameterDefinition> parameters,
            List<String> outputs,
            List<TemplateResource> resources,
            List<String> transforms) {

        /** A transformed template (SAM, macros) needs {@code CAPABILITY_AUTO_EXPAND} to be deployed. */
        boolean transformed() {
            return !transforms.isEmpty();
        }
    }
}
