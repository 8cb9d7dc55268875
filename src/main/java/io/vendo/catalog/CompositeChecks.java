package io.vendo.catalog;

import io.vendo.catalog.CompositeGraph.Node;
import io.vendo.catalog.CompositeGraph.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What a composite blueprint's graph must be before it is stored, and the form it makes. Every problem is keyed by its
 * field ({@code components[1].parameters.SubnetIds}), so the API names it and the directory sync names its line.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>Each component has a unique name (a lower-case letter, then lower-case letters, digits and hyphens, at most
 *       32) and exactly one source: {@code template} (a file beside the descriptor, parsed as CloudFormation reads it)
 *       or {@code blueprint} (another STACK blueprint's slug; it must exist and not be retired, and is resolved to its
 *       newest version).
 *   <li>{@code dependsOn} names other components; the graph has no cycle.
 *   <li>Each wired parameter is one of the component template's parameters; its value is exactly one reference or a
 *       literal. {@code ${<component>.outputs.<Output>}} names a component this one depends on (directly or through
 *       others) and an output in that component's template's {@code Outputs}. CloudFormation outputs are strings, so
 *       an output may feed a parameter of any type — a {@code List<…>} parameter takes a comma-delimited output
 *       ({@code !Join [",", …]}) — and its value is checked against the parameter's constraints when the component is
 *       deployed. A literal is checked against the parameter's type and constraints now: a literal that
 *       CloudFormation would refuse is a type mismatch.
 *   <li>{@code ${request.parameters.<Name>}} makes {@code Name} a field of the form, declared like the parameter it
 *       feeds; when it feeds several, they must agree in type and constraints (one value must suit all).
 *   <li>Every parameter that is neither wired nor given a literal is a field of the form, named
 *       {@code <component>.<Parameter>} and grouped by component; a required one must be given at submission.
 * </ul>
 */
final class CompositeChecks {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final int MAX_COMPONENTS = 20;

    private static final Pattern TEMPLATE_FILE = Pattern.compile("[\\w-][\\w.-]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern OUTPUT = Pattern.compile("([^.]+)\\.outputs\\.([A-Za-z0-9]+)");
    private static final Pattern REQUEST_PARAMETER = Pattern.compile("request\\.parameters\\.([A-Za-z0-9]+)");

    /** The stored blueprints a composite may reference. */
    interface Lookup {

        /** A blueprint's newest version, if the blueprint exists. */
        Optional<Referenced> latest(String slug);

        /** A version by id (a stored composite's pinned reference). */
        BlueprintVersionDetails version(UUID versionId);
    }

    /** A referenced blueprint's newest version, and whether it still takes requests. */
    record Referenced(BlueprintVersionDetails version, boolean retired) {}

    /**
     * A composite that passed every check.
     *
     * @param delivery with each {@code blueprint} component resolved to a version
     * @param text the graph as YAML, without the templates' text: what the version shows as its definition
     * @param form the form's parameters, its outputs ({@code <component>.<Output>}) and every component's resources
     */
    record Checked(
            Delivery.Composite delivery, String text, TemplateParser.ParsedTemplate form, CompositeGraph graph) {}

    private final TemplateParser parser = new TemplateParser();
    private final Lookup lookup;

    CompositeChecks(Lookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Checks a composite as an admin wrote it, resolving its {@code blueprint} components to their newest versions.
     *
     * @return empty when {@code errors} received a problem
     */
    Optional<Checked> check(Delivery.Composite composite, List<String> capabilities, Map<String, String> errors) {
        var before = errors.size();
        var components = composite.components();
        if (components.isEmpty()) {
            errors.put("components", "List at least one component");
            return Optional.empty();
        }
        if (components.size() > MAX_COMPONENTS) {
            errors.put("components", "At most %d components".formatted(MAX_COMPONENTS));
            return Optional.empty();
        }
        var names = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < components.size(); i++) {
            var name = components.get(i).name();
            if (name == null || !NAME.matcher(name).matches()) {
                errors.put(
                        field(i, "name"),
                        "Name the component with a lower-case letter, then lower-case letters, digits and hyphens (at"
                                + " most 32)");
            } else if (names.putIfAbsent(name, i) != null) {
                errors.put(field(i, "name"), "Component %s is listed twice".formatted(name));
            }
        }
        composite.templates().keySet().stream()
                .filter(file -> components.stream().noneMatch(component -> file.equals(component.template())))
                .findFirst()
                .ifPresent(file -> errors.put("templates", "No component uses the template " + file));
        var resolved = new ArrayList<CompositeComponent>();
        var models = new LinkedHashMap<String, Model>();
        for (int i = 0; i < components.size(); i++) {
            var component = components.get(i);
            var model = model(i, component, composite.templates(), capabilities, false, errors);
            resolved.add(model == null ? component : model.component());
            if (model != null && component.name() != null) {
                models.put(component.name(), model);
            }
        }
        checkDependencies(components, names, errors);
        if (errors.size() > before) {
            // Wiring is checked against a graph whose components and edges are all known.
            return Optional.empty();
        }
        var order = topologicalOrder(components);
        var requestParameters = new LinkedHashMap<String, List<ParameterDefinition>>();
        for (int i = 0; i < components.size(); i++) {
            checkWiring(
                    i,
                    components.get(i),
                    models,
                    upstream(components.get(i).name(), components),
                    requestParameters,
                    errors);
        }
        var formParameters = new ArrayList<ParameterDefinition>();
        requestParameters.forEach((name, feeds) -> {
            var first = feeds.getFirst();
            feeds.stream()
                    .filter(other -> !sameConstraints(first, other))
                    .findFirst()
                    .ifPresent(other -> errors.put(
                            "components",
                            ("${request.parameters.%s} feeds parameters that differ (%s is %s, %s is %s): one value"
                                            + " must suit all, so give them the same Type and constraints")
                                    .formatted(name, first.name(), describe(first), other.name(), describe(other))));
            formParameters.add(renamed(first, name, first.displayName(), null));
        });
        if (errors.size() > before) {
            return Optional.empty();
        }
        var graph = graph(order, models);
        var outputs = new ArrayList<String>();
        var resources = new ArrayList<TemplateResource>();
        for (var node : graph.components()) {
            var model = models.get(node.name());
            node.wiring().forEach((parameter, wire) -> {
                if (wire instanceof Wire.FormField field) {
                    var definition = model.parameters().stream()
                            .filter(p -> p.name().equals(parameter))
                            .findFirst()
                            .orElseThrow();
                    formParameters.add(renamed(definition, field.formName(), definition.displayName(), node.name()));
                }
            });
            model.outputs().forEach(output -> outputs.add(node.name() + "." + output));
            model.resources()
                    .forEach(resource -> resources.add(
                            new TemplateResource(node.name() + "." + resource.logicalId(), resource.type())));
        }
        var delivery = new Delivery.Composite(resolved, composite.templates());
        return Optional.of(new Checked(
                delivery,
                text(delivery),
                new TemplateParser.ParsedTemplate(formParameters, outputs, resources, List.of()),
                graph));
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
        return graph(topologicalOrder(stored.components()), models);
    }

    private CompositeGraph graph(List<CompositeComponent> order, Map<String, Model> models) {
        var nodes = new ArrayList<Node>();
        for (var component : order) {
            var model = models.get(component.name());
            var wiring = new LinkedHashMap<String, Wire>();
            for (var parameter : model.parameters()) {
                var value = component.parameters().get(parameter.name());
                wiring.put(
                        parameter.name(),
                        value == null ? new Wire.FormField(component.name() + "." + parameter.name()) : wire(value));
            }
            nodes.add(new Node(
                    component.name(),
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

    private static Wire wire(String value) {
        var reference = REFERENCE.matcher(value);
        if (!reference.matches()) {
            return new Wire.Literal(value);
        }
        var output = OUTPUT.matcher(reference.group(1).strip());
        if (output.matches()) {
            return new Wire.Output(output.group(1), output.group(2));
        }
        var given = REQUEST_PARAMETER.matcher(reference.group(1).strip());
        if (given.matches()) {
            return new Wire.RequestParameter(given.group(1));
        }
        throw new IllegalStateException("Stored wiring is no reference: " + value);
    }

    /**
     * What a component deploys; null when it cannot be resolved (the problem is in {@code errors}). */
    private @Nullable Model model(
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
                    field(index, "template"),
                    "Give exactly one of template (a template file beside the descriptor) and blueprint (another"
                            + " blueprint's slug)");
            return null;
        }
        if (template != null) {
            if (!TEMPLATE_FILE.matcher(template).matches()) {
                errors.put(field(index, "template"), "Name a file beside the descriptor, not " + template);
                return null;
            }
            var body = templates.get(template);
            if (body == null) {
                errors.put(
                        field(index, "template"),
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
                errors.put(field(index, "template"), template + ": " + e.detail());
                return null;
            }
        }
        BlueprintVersionDetails version;
        if (pinned && component.blueprintVersionId() != null) {
            version = lookup.version(component.blueprintVersionId());
        } else {
            var referenced = lookup.latest(blueprint);
            if (referenced.isEmpty()) {
                errors.put(field(index, "blueprint"), "There is no blueprint " + blueprint);
                return null;
            }
            if (referenced.get().retired()) {
                errors.put(field(index, "blueprint"), "Blueprint %s is retired".formatted(blueprint));
                return null;
            }
            version = referenced.get().version();
            if (version.kind() != BlueprintKind.STACK) {
                errors.put(
                        field(index, "blueprint"),
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

    private static void checkDependencies(
            List<CompositeComponent> components, Map<String, Integer> names, Map<String, String> errors) {
        for (int i = 0; i < components.size(); i++) {
            var component = components.get(i);
            for (var up : component.dependsOn()) {
                if (up.equals(component.name())) {
                    errors.put(field(i, "dependsOn"), "Component %s cannot depend on itself".formatted(up));
                } else if (!names.containsKey(up)) {
                    errors.put(
                            field(i, "dependsOn"),
                            "Unknown component %s; the components are: %s"
                                    .formatted(up, String.join(", ", names.keySet())));
                }
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        cycle(components)
                .ifPresent(cycle -> errors.put(
                        field(names.get(cycle.getFirst()), "dependsOn"),
                        "The components depend on each other in a cycle: " + String.join(" → ", cycle)));
    }

    private void checkWiring(
            int index,
            CompositeComponent component,
            Map<String, Model> models,
            Set<String> upstream,
            Map<String, List<ParameterDefinition>> requestParameters,
            Map<String, String> errors) {
        var model = models.get(component.name());
        var declared = model.parameters().stream()
                .collect(Collectors.toMap(ParameterDefinition::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        for (var wiring : new java.util.TreeMap<>(component.parameters()).entrySet()) {
            var key = field(index, "parameters." + wiring.getKey());
            var parameter = declared.get(wiring.getKey());
            if (parameter == null) {
                errors.put(
                        key,
                        "%s has no parameter %s; its parameters are: %s"
                                .formatted(model.source(), wiring.getKey(), String.join(", ", declared.keySet())));
                continue;
            }
            var value = wiring.getValue();
            var reference = REFERENCE.matcher(value);
            if (!value.contains("${")) {
                var problem = ParameterValidator.check(parameter, value);
                if (problem != null) {
                    errors.put(
                            key,
                            "Type mismatch: %s is %s, and the value '%s' does not suit it: %s"
                                    .formatted(parameter.name(), describe(parameter), value, problem));
                }
                continue;
            }
            if (!reference.matches()) {
                errors.put(
                        key,
                        "Write exactly one reference — ${<component>.outputs.<Output>} or"
                                + " ${request.parameters.<Name>} — or a literal value without ${, not " + value);
                continue;
            }
            var inner = reference.group(1).strip();
            var output = OUTPUT.matcher(inner);
            var given = REQUEST_PARAMETER.matcher(inner);
            if (output.matches()) {
                var producer = output.group(1);
                var name = output.group(2);
                var source = models.get(producer);
                if (source == null) {
                    errors.put(
                            key,
                            "Unknown component %s in %s; the components are: %s"
                                    .formatted(producer, value, String.join(", ", models.keySet())));
                } else if (!source.outputs().contains(name)) {
                    errors.put(
                            key,
                            "Unknown output %s of %s (%s); its outputs are: %s"
                                    .formatted(
                                            name,
                                            producer,
                                            source.source(),
                                            source.outputs().isEmpty() ? "none" : String.join(", ", source.outputs())));
                } else if (!upstream.contains(producer)) {
                    errors.put(
                            key,
                            "%s uses an output of %s, so it must depend on %s (add it to dependsOn)"
                                    .formatted(component.name(), producer, producer));
                }
            } else if (given.matches()) {
                requestParameters
                        .computeIfAbsent(given.group(1), n -> new ArrayList<>())
                        .add(parameter);
            } else {
                errors.put(
                        key,
                        ("Unknown reference %s: write ${<component>.outputs.<Output>} or"
                                        + " ${request.parameters.<Name>}")
                                .formatted(value));
            }
        }
    }

    /** Every component a component depends on, directly or through others. */
    private static Set<String> upstream(String name, List<CompositeComponent> components) {
        var byName = components.stream().collect(Collectors.toMap(CompositeComponent::name, c -> c, (a, b) -> a));
        var found = new LinkedHashSet<String>();
        var todo = new ArrayDeque<>(byName.get(name).dependsOn());
        while (!todo.isEmpty()) {
            var next = todo.pop();
            if (found.add(next)) {
                todo.addAll(byName.get(next).dependsOn());
            }
        }
        return found;
    }

    /** Kahn's order: each component after those it depends on; otherwise in the order listed. */
    static List<CompositeComponent> topologicalOrder(List<CompositeComponent> components) {
        var placed = new LinkedHashMap<String, CompositeComponent>();
        boolean progress = true;
        while (placed.size() < components.size() && progress) {
            progress = false;
            for (var component : components) {
                if (!placed.containsKey(component.name()) && placed.keySet().containsAll(component.dependsOn())) {
                    placed.put(component.name(), component);
                    progress = true;
                    break;
                }
            }
        }
        return List.copyOf(placed.values());
    }

    /** A cycle among the components, as the path that closes it, if there is one. */
    private static Optional<List<String>> cycle(List<CompositeComponent> components) {
        var byName = components.stream()
                .collect(Collectors.toMap(CompositeComponent::name, c -> c, (a, b) -> a, LinkedHashMap::new));
        var done = new HashSet<String>();
        for (var start : byName.keySet()) {
            var path = new ArrayList<String>();
            var found = walk(start, byName, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> walk(
            String name, Map<String, CompositeComponent> byName, List<String> path, Set<String> done) {
        var at = path.indexOf(name);
        if (at >= 0) {
            var cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.contains(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (var up : byName.get(name).dependsOn()) {
            var found = walk(up, byName, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        done.add(name);
        return Optional.empty();
    }

    private static boolean sameConstraints(ParameterDefinition a, ParameterDefinition b) {
        return a.type().equals(b.type())
                && a.allowedValues().equals(b.allowedValues())
                && Objects.equals(a.allowedPattern(), b.allowedPattern())
                && Objects.equals(a.minLength(), b.minLength())
                && Objects.equals(a.maxLength(), b.maxLength())
                && Objects.equals(a.minValue(), b.minValue())
                && Objects.equals(a.maxValue(), b.maxValue())
                && a.noEcho() == b.noEcho();
    }

    private static String describe(ParameterDefinition parameter) {
        var text = new StringBuilder("a " + parameter.type() + " parameter");
        if (!parameter.allowedValues().isEmpty()) {
            text.append(" allowing ").append(String.join(", ", parameter.allowedValues()));
        }
        if (parameter.allowedPattern() != null) {
            text.append(" matching ").append(parameter.allowedPattern());
        }
        if (parameter.noEcho()) {
            text.append(" (NoEcho)");
        }
        return text.toString();
    }

    private static ParameterDefinition renamed(
            ParameterDefinition definition, String name, String label, @Nullable String group) {
        return new ParameterDefinition(
                name,
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
                label,
                group);
    }

    /** The graph as its descriptor writes it, without the templates' text (they are part of the version too). */
    static String text(Delivery.Composite composite) {
        var components = new ArrayList<Map<String, Object>>();
        for (var component : composite.components()) {
            var map = new LinkedHashMap<String, Object>();
            map.put("name", component.name());
            if (component.template() != null) {
                map.put("template", component.template());
            } else {
                map.put("blueprint", component.blueprint());
                if (component.blueprintVersion() != null) {
                    map.put("version", component.blueprintVersion());
                }
            }
            if (!component.dependsOn().isEmpty()) {
                map.put("dependsOn", component.dependsOn());
            }
            if (!component.parameters().isEmpty()) {
                map.put("parameters", new java.util.TreeMap<>(component.parameters()));
            }
            components.add(map);
        }
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(Map.of("components", components));
    }

    static String field(int index, String field) {
        return "components[%d].%s".formatted(index, field);
    }

    /** A component resolved to what it deploys. */
    private record Model(
            CompositeComponent component,
            String source,
            String templateBody,
            List<String> capabilities,
            List<ParameterDefinition> parameters,
            List<String> outputs,
            List<TemplateResource> resources) {}
}
