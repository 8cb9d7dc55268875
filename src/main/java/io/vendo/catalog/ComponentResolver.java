package io.vendo.catalog;

import io.vendo.catalog.CompositeGraph.Node;
import io.vendo.catalog.CompositeGraph.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What each component of a composite deploys: a template beside the descriptor, parsed as CloudFormation reads it, or
 * a STACK blueprint's version (its newest when an admin writes the composite, the pinned one once stored); and the
 * graph those make, with every parameter's wire.
 */
final class ComponentResolver {

    private static final Pattern TEMPLATE_FILE = Pattern.compile("[\\w-][\\w.-]*");

    private final TemplateParser parser = new TemplateParser();
    private final CompositeChecks.Lookup lookup;

    ComponentResolver(CompositeChecks.Lookup lookup) {
        this.lookup = lookup;
    }

    /** A stored composite's graph: every reference resolved to its pinned version. */
    CompositeGraph graph(Delivery.Composite stored, List<String> capabilities) {
        var models = new LinkedHashMap<String, Model>();
        var errors = new LinkedHashMap<String, String>();
        for (int i = 0; i < stored.components().size(); i++) {
            var component = stored.components().get(i);
            models.put(
                    component.name(),
                    Objects.requireNonNull(
                            model(i, component, stored.templates(), capabilities, true, errors),
                            () -> "Stored composite component no longer resolves: " + errors));
        }
        return graph(ComponentOrder.topological(stored.components()), models);
    }

    static CompositeGraph graph(List<CompositeComponent> order, Map<String, Model> models) {
        var nodes = new ArrayList<Node>();
        for (var component : order) {
            var model = of(models, component.checkedName());
            var wiring = new LinkedHashMap<String, Wire>();
            for (var parameter : model.parameters()) {
                var value = component.parameters().get(parameter.name());
                wiring.put(
                        parameter.name(),
                        value == null ? new Wire.FormField(component.name() + "." + parameter.name()) : wire(value));
            }
            nodes.add(new Node(
                    component.checkedName(),
                    model.source(),
                    model.component().blueprintVersionId(),
                    model.templateBody(),
                    model.capabilities(),
                    model.parameters(),
                    model.outputs(),
                    component.dependsOn(),
                    wiring));
        }
        return new CompositeGraph(nodes);
    }

    /** The model of a component of a checked composite: each of them resolved. */
    static Model of(Map<String, Model> models, String name) {
        return Objects.requireNonNull(
                models.get(name), () -> "Component %s of a checked composite has no model".formatted(name));
    }

    private static Wire wire(String value) {
        var reference = CompositeChecks.REFERENCE.matcher(value);
        if (!reference.matches()) {
            return new Wire.Literal(value);
        }
        var output = CompositeChecks.OUTPUT.matcher(reference.group(1).strip());
        if (output.matches()) {
            return new Wire.Output(output.group(1), output.group(2));
        }
        var given = CompositeChecks.REQUEST_PARAMETER.matcher(reference.group(1).strip());
        if (given.matches()) {
            return new Wire.RequestParameter(given.group(1));
        }
        throw new IllegalStateException("Stored wiring is no reference: " + value);
    }

    /**
     * What a component deploys; null when it cannot be resolved (the problem is in {@code errors}). */
    @Nullable
    Model model(
            int index,
            CompositeComponent component,
            Map<String, String> templates,
            List<String> capabilities,
            boolean pinned,
            Map<String, String> errors) {
        var template = component.template();
        var blueprint = component.blueprint();
        if ((template == null) == (blueprint == null)) {
            errors.put(
                    CompositeChecks.field(index, "template"),
                    "Give exactly one of template (a template file beside the descriptor) and blueprint (another"
                            + " blueprint's slug)");
            return null;
        }
        if (template != null) {
            if (!TEMPLATE_FILE.matcher(template).matches()) {
                errors.put(
                        CompositeChecks.field(index, "template"), "Name a file beside the descriptor, not " + template);
                return null;
            }
            var body = templates.get(template);
            if (body == null) {
                errors.put(
                        CompositeChecks.field(index, "template"),
                        "Template file %s does not exist%s"
                                .formatted(
                                        template,
                                        templates.isEmpty()
                                                ? ""
                                                : "; the templates are: "
                                                        + String.join(
                                                                ", ",
                                                                templates.keySet().stream()
                                                                        .sorted()
                                                                        .toList())));
                return null;
            }
            try {
                var parsed = parser.parse(body);
                return new Model(
                        component,
                        "template " + template,
                        body,
                        capabilities,
                        parsed.parameters(),
                        parsed.outputs(),
                        parsed.resources());
            } catch (InvalidTemplateException e) {
                errors.put(CompositeChecks.field(index, "template"), template + ": " + e.detail());
                return null;
            }
        }
        BlueprintVersionDetails version;
        if (pinned && component.blueprintVersionId() != null) {
            version = lookup.version(component.blueprintVersionId());
        } else {
            var referenced = lookup.latest(blueprint);
            if (referenced.isEmpty()) {
                errors.put(CompositeChecks.field(index, "blueprint"), "There is no blueprint " + blueprint);
                return null;
            }
            if (referenced.get().retired()) {
                errors.put(CompositeChecks.field(index, "blueprint"), "Blueprint %s is retired".formatted(blueprint));
                return null;
            }
            version = referenced.get().version();
            if (version.kind() == BlueprintKind.COMPOSITE) {
                errors.put(
                        CompositeChecks.field(index, "blueprint"),
                        ("Blueprint %s is a COMPOSITE; composites do not nest: list its components in this blueprint"
                                        + " instead (a component is one stack)")
                                .formatted(blueprint));
                return null;
            }
            if (version.kind() != BlueprintKind.STACK) {
                errors.put(
                        CompositeChecks.field(index, "blueprint"),
                        "Blueprint %s is a %s; a component is a stack: reference a STACK blueprint"
                                .formatted(blueprint, version.kind()));
                return null;
            }
        }
        var resources = parser.parseForm(version.templateBody()).resources();
        return new Model(
                component.resolvedTo(version.versionId(), version.number()),
                "blueprint %s v%d".formatted(version.slug(), version.number()),
                version.templateBody(),
                version.capabilities(),
                version.parameters(),
                version.outputs(),
                resources);
    }

    /** A component resolved to what it deploys. */
    record Model(
            CompositeComponent component,
            String source,
            String templateBody,
            List<String> capabilities,
            List<ParameterDefinition> parameters,
            List<String> outputs,
            List<TemplateResource> resources) {}
}
