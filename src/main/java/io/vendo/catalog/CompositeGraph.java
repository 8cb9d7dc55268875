package io.vendo.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A stored composite version's components, resolved to what each deploys, in topological order (a component after
 * every component it depends on; components that do not depend on each other in the order the descriptor lists them).
 * It says, for each component's template parameter, where its value comes from.
 *
 * @param components in topological order
 */
@NamedInterface("blueprints")
public record CompositeGraph(List<Node> components) {

    public CompositeGraph {
        components = List.copyOf(components);
    }

    public Optional<Node> component(String name) {
        return components.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** The components that depend on this one, directly or through others, in topological order. */
    public List<String> dependentsOf(String name) {
        var dependents = new ArrayList<String>();
        for (var node : components) {
            if (node.dependsOn().stream().anyMatch(up -> up.equals(name) || dependents.contains(up))) {
                dependents.add(node.name());
            }
        }
        return dependents;
    }

    /**
     * The most components that can be in flight at once: the largest set of components none of which depends on
     * another, directly or through others. By Dilworth's theorem that is the number of components less the largest
     * matching of "comes before" pairs (augmenting paths; a graph has a few dozen components at most).
     */
    public int width() {
        var count = components.size();
        var index = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < count; i++) {
            index.put(components.get(i).name(), i);
        }
        // before[i][j]: j depends on i, directly or through others. Topological order: i's own row is complete.
        var before = new boolean[count][count];
        for (int j = 0; j < count; j++) {
            for (var dependency : components.get(j).dependsOn()) {
                int i = java.util.Objects.requireNonNull(index.get(dependency), dependency);
                before[i][j] = true;
                for (int k = 0; k < count; k++) {
                    if (before[k][i]) {
                        before[k][j] = true;
                    }
                }
            }
        }
        var matchedTo = new int[count];
        java.util.Arrays.fill(matchedTo, -1);
        int matching = 0;
        for (int i = 0; i < count; i++) {
            if (augment(i, before, matchedTo, new boolean[count])) {
                matching++;
            }
        }
        return count - matching;
    }

    private static boolean augment(int from, boolean[][] before, int[] matchedTo, boolean[] seen) {
        for (int to = 0; to < before.length; to++) {
            if (before[from][to] && !seen[to]) {
                seen[to] = true;
                if (matchedTo[to] < 0 || augment(matchedTo[to], before, matchedTo, seen)) {
                    matchedTo[to] = from;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One component, resolved.
     *
     * @param source what it deploys, for people: {@code template network.yaml} or {@code blueprint app-service v3}
     * @param blueprintVersionId the referenced blueprint's version, for a {@code blueprint} component
     * @param parameters its template's parameters, in template order
     * @param wiring where each template parameter's value comes from, in template order
     */
    public record Node(
            String name,
            String source,
            @Nullable UUID blueprintVersionId,
            String templateBody,
            List<String> capabilities,
            List<ParameterDefinition> parameters,
            List<String> outputs,
            List<String> dependsOn,
            Map<String, Wire> wiring) {

        public Node {
            capabilities = List.copyOf(capabilities);
            parameters = List.copyOf(parameters);
            outputs = List.copyOf(outputs);
            dependsOn = List.copyOf(dependsOn);
            wiring = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wiring));
        }

        /**
         * The values of this component's template parameters: from the request's values (its form fields and its own
         * parameters), the outputs of the components it depends on, and literals. A form field left empty for an
         * optional parameter is left out, so that the template's default applies.
         *
         * @param request the request's values by form name
         * @param outputs each finished component's outputs, by component name
         * @throws MissingOutputException when an output this component needs was not produced (an output under a
         *     Condition)
         */
        public Map<String, String> parameterValues(
                Map<String, String> request, Map<String, Map<String, String>> outputs) {
            var values = new LinkedHashMap<String, String>();
            wiring.forEach((parameter, wire) -> {
                switch (wire) {
                    case Wire.Output output -> {
                        var value = outputs.getOrDefault(output.component(), Map.of())
                                .get(output.output());
                        if (value == null) {
                            throw new MissingOutputException(
                                    "%s needs output %s of %s for its parameter %s, but %s has no such output"
                                            .formatted(
                                                    name,
                                                    output.output(),
                                                    output.component(),
                                                    parameter,
                                                    output.component()));
                        }
                        values.put(parameter, value);
                    }
                    case Wire.RequestParameter given -> {
                        var value = request.get(given.name());
                        if (value != null) {
                            values.put(parameter, value);
                        }
                    }
                    case Wire.FormField field -> {
                        var value = request.get(field.formName());
                        if (value != null) {
                            values.put(parameter, value);
                        }
                    }
                    case Wire.Literal literal -> values.put(parameter, literal.value());
                }
            });
            return values;
        }

        /** The NoEcho parameters of the template, by the names the request keeps their values under. */
        public Map<String, String> secretParameters() {
            var secrets = new LinkedHashMap<String, String>();
            for (var parameter : parameters) {
                if (!parameter.noEcho()) {
                    continue;
                }
                switch (wiring.get(parameter.name())) {
                    case Wire.FormField field -> secrets.put(parameter.name(), field.formName());
                    case Wire.RequestParameter given -> secrets.put(parameter.name(), given.name());
                    case null, default -> {}
                }
            }
            return secrets;
        }
    }

    /** Where one template parameter's value comes from. */
    public sealed interface Wire {

        /** {@code ${<component>.outputs.<output>}} */
        record Output(String component, String output) implements Wire {}

        /** {@code ${request.parameters.<name>}}: a field of the composite's form. */
        record RequestParameter(String name) implements Wire {}

        /** Not wired: the form's field {@code <component>.<parameter>}. */
        record FormField(String formName) implements Wire {}

        /** A value the descriptor gives. */
        record Literal(String value) implements Wire {}
    }

    /** A component's input that an earlier component did not produce. */
    public static final class MissingOutputException extends RuntimeException {
        MissingOutputException(String message) {
            super(message);
        }
    }
}
