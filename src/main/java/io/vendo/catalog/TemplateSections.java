package io.vendo.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The structure CloudFormation requires of a template around its parameters: known top-level sections, the one format
 * version, well-formed transforms, resources with a Type and outputs with a Value under alphanumeric names, and
 * {@code Fn::ForEach} loops only with the transform that expands them. Transforms (SAM's
 * {@code AWS::Serverless-2016-10-31}, {@code AWS::Include}, macros) are accepted; the transformed template is
 * CloudFormation's to check.
 */
final class TemplateSections {

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

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final String FOR_EACH = "Fn::ForEach::";
    private static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

    private TemplateSections() {}

    /**
     * The checked sections, in the order CloudFormation reports their problems: section names, format version,
     * transforms, Resources, then the counts, then each resource and output.
     *
     * @param resourcesRequired false for a form-only template, which CloudFormation never deploys
     */
    static Sections check(TemplateDocument document, boolean resourcesRequired) {
        for (var section : document.root().keySet()) {
            if (!SECTIONS.contains(String.valueOf(section))) {
                throw document.keyError("Invalid template property " + section, "" + section);
            }
        }
        var version = document.root().get("AWSTemplateFormatVersion");
        if (version != null && !"2010-09-09".equals(String.valueOf(version))) {
            throw document.error(
                    "AWSTemplateFormatVersion must be 2010-09-09, not " + version, "AWSTemplateFormatVersion");
        }
        var transforms = transforms(document, document.root().get("Transform"));
        var resources = document.section("Resources");
        if (resources.isEmpty() && resourcesRequired) {
            throw new InvalidTemplateException(
                    "Template format error: the template has no Resources; CloudFormation requires at least one");
        }
        var parameters = document.section("Parameters");
        var outputs = document.section("Outputs");
        TemplateLimits.checkCounts(parameters.size(), resources.size(), outputs.size());
        var declared = resources(document, transforms, resources);
        outputs(document, transforms, outputs);
        return new Sections(
                parameters, outputs.keySet().stream().map(String::valueOf).toList(), declared, transforms);
    }

    /**
     * A name CloudFormation accepts for a resource, output or parameter.
     *
     * @param path the keys leading to the name, for the position of the problem
     */
    static void checkLogicalId(TemplateDocument document, String what, String id, String... path) {
        if (!LOGICAL_ID.matcher(id).matches()) {
            throw document.keyError(
                    "%s name %s is non alphanumeric: CloudFormation accepts A-Z, a-z and 0-9 only".formatted(what, id),
                    path);
        }
    }

    private static List<TemplateResource> resources(
            TemplateDocument document, List<String> transforms, Map<?, ?> resources) {
        var declared = new ArrayList<TemplateResource>();
        resources.forEach((logicalId, declaration) -> {
            var id = String.valueOf(logicalId);
            if (id.startsWith(FOR_EACH)) {
                declared.addAll(forEach(document, transforms, declaration, "Resources", id));
                return;
            }
            checkLogicalId(document, "Resource", id, "Resources", id);
            if (!(declaration instanceof Map<?, ?> resource) || !(resource.get("Type") instanceof String type)) {
                throw document.error("Resource %s has no Type".formatted(id), "Resources", id);
            }
            declared.add(new TemplateResource(id, type));
        });
        return List.copyOf(declared);
    }

    private static void outputs(TemplateDocument document, List<String> transforms, Map<?, ?> outputs) {
        outputs.forEach((name, declaration) -> {
            var id = String.valueOf(name);
            if (id.startsWith(FOR_EACH)) {
                forEach(document, transforms, declaration, "Outputs", id);
                return;
            }
            checkLogicalId(document, "Output", id, "Outputs", id);
            if (!(declaration instanceof Map<?, ?> output) || !output.containsKey("Value")) {
                throw document.error("Output %s has no Value".formatted(name), "Outputs", id);
            }
        });
    }

    /**
     * {@code Fn::ForEach::Name: [Identifier, Collection, {LogicalId${Identifier}: {Type: …}}]} (the
     * {@code AWS::LanguageExtensions} transform): the templates it repeats, each declared once here, since the
     * collection is only known when CloudFormation deploys.
     */
    private static List<TemplateResource> forEach(
            TemplateDocument document, List<String> transforms, Object declaration, String section, String key) {
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

    private static List<String> transforms(TemplateDocument document, @Nullable Object transform) {
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

    /**
     * @param parameters the Parameters section as declared, for {@link ParameterDeclarations}
     * @param outputs the outputs' names
     * @param resources the resources, a ForEach loop's templates once each
     */
    record Sections(
            Map<?, ?> parameters, List<String> outputs, List<TemplateResource> resources, List<String> transforms) {}
}
