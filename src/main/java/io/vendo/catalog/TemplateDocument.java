package io.vendo.catalog;

import java.io.StringReader;
import java.util.Map;
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
 * A template read as CloudFormation reads it — YAML with its short-form tags, or JSON, which is YAML too — kept with
 * its node tree, so that a problem found while checking the values can still name its line and column.
 *
 * @param root the template's top-level object
 * @param tree the nodes {@code root} was built from, with their positions
 */
record TemplateDocument(Map<?, ?> root, Node tree) {

    /** Deeper nesting, more aliases, or a body larger than the source allows are refused while reading. */
    private static final int MAX_NESTING = 100;

    private static final int MAX_ALIASES = 50;

    /**
     * @throws InvalidTemplateException when the body is not YAML or JSON, or not an object, with the position of the
     *     problem
     */
    static TemplateDocument load(String body, TemplateSource source) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
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
                throw new InvalidTemplateException("Template must be a YAML or JSON object with a Resources section");
            }
            return new TemplateDocument((Map<?, ?>) constructor.construct(tree), tree);
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

    /**
     * A top-level section as an object; none when the template leaves it out.
     *
     * @throws InvalidTemplateException when the section is there but not an object
     */
    Map<?, ?> section(String name) {
        var section = root.get(name);
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw error("Template section %s must be an object".formatted(name), name);
        }
        return map;
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
