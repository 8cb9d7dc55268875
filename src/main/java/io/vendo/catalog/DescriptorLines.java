package io.vendo.catalog;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a field of a descriptor is written, so that a refusal names its line: {@code components[1].parameters.SubnetIds}
 * is found by walking the YAML's nodes. A field that is not written (a missing key) is located at the closest thing
 * written around it.
 */
final class DescriptorLines {

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private final @Nullable Node root;

    private DescriptorLines(@Nullable Node root) {
        this.root = root;
    }

    static DescriptorLines of(String yaml) {
        try {
            return new DescriptorLines(new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml)));
        } catch (YAMLException e) {
            return new DescriptorLines(null);
        }
    }

    /** {@code line 12, components[1].parameters.SubnetIds}, or the field alone when it cannot be located. */
    String locate(String field) {
        var node = root;
        var found = root;
        var steps = STEP.matcher(field);
        while (node != null && steps.find()) {
            node = steps.group(1) != null ? child(node, steps.group(1)) : item(node, Integer.parseInt(steps.group(2)));
            if (node != null) {
                found = node;
            }
        }
        return found == null || found == root
                ? field
                : "line %d, %s".formatted(found.getStartMark().getLine() + 1, field);
    }

    private static @Nullable Node child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar
                        && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static @Nullable Node item(Node node, int index) {
        return node instanceof SequenceNode sequence
                        && index < sequence.getValue().size()
                ? sequence.getValue().get(index)
                : null;
    }
}
