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

/**
 * Reads CloudFormation's short-form intrinsic tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, …) in scalar,
 * sequence and mapping form into their long form ({@code {"Fn::Sub": …}}), as CloudFormation itself does.
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
            "Length");

    CloudFormationYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        for (var function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
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
            // !GetAtt Resource.Attribute is the short form of [Resource, Attribute].
            if (longName.equals("Fn::GetAtt") && argument instanceof String dotted) {
                argument = List.of(dotted.split("\\.", 2));
            }
            return Map.of(longName, argument);
        }
    }
}
