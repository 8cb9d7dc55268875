package io.vendo.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** How a composite's components depend on each other: the order they deploy in, what lies upstream, a cycle. */
final class ComponentOrder {

    private ComponentOrder() {}

    /** Every component a component depends on, directly or through others. */
    static Set<String> upstream(String name, List<CompositeComponent> components) {
        var byName = components.stream().collect(Collectors.toMap(CompositeComponent::name, c -> c, (a, b) -> a));
        var found = new LinkedHashSet<String>();
        var todo = new ArrayDeque<>(dependsOn(name, byName));
        while (!todo.isEmpty()) {
            var next = todo.pop();
            if (found.add(next)) {
                todo.addAll(dependsOn(next, byName));
            }
        }
        return found;
    }

    /** Kahn's order: each component after those it depends on; otherwise in the order listed. */
    static List<CompositeComponent> topological(List<CompositeComponent> components) {
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
    static Optional<List<String>> cycle(List<CompositeComponent> components) {
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

    /** What the named component depends on; a name no component has (the checks report it) depends on nothing. */
    private static List<String> dependsOn(String name, Map<String, CompositeComponent> byName) {
        var component = byName.get(name);
        return component == null ? List.of() : component.dependsOn();
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
        for (var up : dependsOn(name, byName)) {
            var found = walk(up, byName, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        done.add(name);
        return Optional.empty();
    }
}
