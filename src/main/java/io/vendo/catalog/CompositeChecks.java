package io.vendo.catalog;

import io.vendo.catalog.CompositeGraph.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    static final Pattern OUTPUT = Pattern.compile("([^.]+)\\.outputs\\.([A-Za-z0-9]+)");
    static final Pattern REQUEST_PARAMETER = Pattern.compile("request\\.parameters\\.([A-Za-z0-9]+)");

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
     * @param delivery with each {@code blueprint} component resolved to a version; its {@link Delivery.Composite#text}
     *     is what the version shows as its definition
     * @param form the form's parameters, its outputs ({@code <component>.<Output>}) and every component's resources
     */
    record Checked(Delivery.Composite delivery, TemplateParser.ParsedTemplate form, CompositeGraph graph) {}

    private final ComponentResolver resolver;

    CompositeChecks(Lookup lookup) {
        this.resolver = new ComponentResolver(lookup);
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
        var models = new LinkedHashMap<String, ComponentResolver.Model>();
        for (int i = 0; i < components.size(); i++) {
            var component = components.get(i);
            var model = resolver.model(i, component, composite.templates(), capabilities, false, errors);
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
        var order = ComponentOrder.topological(components);
        var requestParameters = new LinkedHashMap<String, List<ParameterDefinition>>();
        for (int i = 0; i < components.size(); i++) {
            checkWiring(
                    i,
                    components.get(i),
                    models,
                    ComponentOrder.upstream(components.get(i).checkedName(), components),
                    requestParameters,
                    errors);
        }
        var formParameters = new ArrayList<ParameterDefinition>();
        requestParameters.forEach((name, feeds) -> {
            var first = feeds.getFirst();
            feeds.stream()
                    .filter(other -> !first.sameConstraintsAs(other))
                    .findFirst()
                    .ifPresent(other -> errors.put(
                            "components",
                            ("${request.parameters.%s} feeds parameters that differ (%s is %s, %s is %s): one value"
                                            + " must suit all, so give them the same Type and constraints")
                                    .formatted(name, first.name(), first.describe(), other.name(), other.describe())));
            formParameters.add(first.presentedAs(name, first.displayName(), null));
        });
        if (errors.size() > before) {
            return Optional.empty();
        }
        var graph = ComponentResolver.graph(order, models);
        var outputs = new ArrayList<String>();
        var resources = new ArrayList<TemplateResource>();
        for (var node : graph.components()) {
            var model = ComponentResolver.of(models, node.name());
            node.wiring().forEach((parameter, wire) -> {
                if (wire instanceof Wire.FormField field) {
                    var definition = model.parameters().stream()
                            .filter(p -> p.name().equals(parameter))
                            .findFirst()
                            .orElseThrow();
                    formParameters.add(definition.presentedAs(field.formName(), definition.displayName(), node.name()));
                }
            });
            model.outputs().forEach(output -> outputs.add(node.name() + "." + output));
            model.resources()
                    .forEach(resource -> resources.add(
                            new TemplateResource(node.name() + "." + resource.logicalId(), resource.type())));
        }
        return Optional.of(new Checked(
                new Delivery.Composite(resolved, composite.templates()),
                new TemplateParser.ParsedTemplate(formParameters, outputs, resources, List.of()),
                graph));
    }

    /** A stored composite's graph: every reference resolved to its pinned version. */
    CompositeGraph graph(Delivery.Composite stored, List<String> capabilities) {
        return resolver.graph(stored, capabilities);
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
        ComponentOrder.cycle(components)
                .ifPresent(cycle -> errors.put(
                        field(Objects.requireNonNull(names.get(cycle.getFirst())), "dependsOn"),
                        "The components depend on each other in a cycle: " + String.join(" → ", cycle)));
    }

    private void checkWiring(
            int index,
            CompositeComponent component,
            Map<String, ComponentResolver.Model> models,
            Set<String> upstream,
            Map<String, List<ParameterDefinition>> requestParameters,
            Map<String, String> errors) {
        var model = ComponentResolver.of(models, component.checkedName());
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
                                    .formatted(parameter.name(), parameter.describe(), value, problem));
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

    static String field(int index, String field) {
        return "components[%d].%s".formatted(index, field);
    }
}
