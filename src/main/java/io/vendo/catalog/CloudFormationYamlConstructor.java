package io.vendo.catalog;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads CloudFormation's short-form intrinsic tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, …) in scalar,
 * sequence and mapping form into their long form ({@code {"Fn::Sub": …}}), as CloudFormation itself does. Any other
 * tag is refused.
 */
final class CloudFormationYamlConstructor extends SafeConstructor {

    private static final List<String> FUNCTIONS = List.of(
            "Base64",
            "Cidr",
            "FindInMap",
            "GetAtt",
            "GetAZs",
            "ImportValue",
            "Join",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "And",
            "Equals",
            "If",
            "Not",
            "Or",
            "ToJsonString",
            "Length",
            "ForEach");

    CloudFormationYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        for (var function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
        }
    }

    /** Builds the document from an already composed node tree (which the parser keeps for line numbers). */
    Object construct(Node document) {
        return constructDocument(document);
    }

    /**
     * Plain scalars stay text: CloudFormation reads {@code Default: 1.10} as "1.10" and {@code Default: 012345678901}
     * as that account id, where YAML 1.1's implicit typing would make them 1.1 and an octal number. Only null is
     * resolved, so that an empty value reads as absent.
     */
    static final class TextResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private final class Intrinsic extends AbstractConstruct {

        private final String longName;

        Intrinsic(String longName) {
            this.longName = longName;
        }

        @Override
        public Object construct(Node node) {
            Object argument =
                    switch (node) {
                        case ScalarNode scalar -> constructScalar(scalar);
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalStateException("Unexpected YAML node " + node);
                    };
            // !GetAtt Resource.Attribute is the short form of [Resource, Attribute]; attributes may contain dots.
            if (longName.equals("Fn::GetAtt") && argument instanceof String dotted) {
                argument = List.of(dotted.split("\\.", 2));
            }
            return Map.of(longName, argument);
        }
    }
}
