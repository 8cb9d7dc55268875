package io.vendo.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template's {@code AWS::CloudFormation::Interface} metadata applied as the CloudFormation console applies it:
 * parameters of each group in the group's order, groups in their order, then the others in template order; labels
 * replace names.
 */
final class InterfaceLayout {

    private static final String INTERFACE = "AWS::CloudFormation::Interface";

    private InterfaceLayout() {}

    /** The parameters in form order, with their labels and groups. */
    static List<ParameterDefinition> apply(TemplateDocument document, Map<String, ParameterDefinition> definitions) {
        if (!(document.root().get("Metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get(INTERFACE) instanceof Map<?, ?> ui)) {
            return List.copyOf(definitions.values());
        }
        var labels = new LinkedHashMap<String, String>();
        if (ui.get("ParameterLabels") instanceof Map<?, ?> parameterLabels) {
            parameterLabels.forEach((name, label) -> {
                if (label instanceof Map<?, ?> text && text.get("default") instanceof String value) {
                    labels.put(String.valueOf(name), value);
                }
            });
        }
        var ordered = new LinkedHashMap<String, ParameterDefinition>();
        if (ui.get("ParameterGroups") instanceof List<?> groups) {
            for (var entry : groups) {
                if (!(entry instanceof Map<?, ?> group) || !(group.get("Parameters") instanceof List<?> members)) {
                    throw document.error(
                            "Each of the Interface's ParameterGroups needs a list of Parameters",
                            "Metadata",
                            INTERFACE);
                }
                var label = group.get("Label") instanceof Map<?, ?> text && text.get("default") instanceof String value
                        ? value
                        : null;
                for (var member : members) {
                    var definition = definitions.get(String.valueOf(member));
                    // The console skips names that are not parameters, and so does CloudFormation: so do we.
                    if (definition != null && !ordered.containsKey(definition.name())) {
                        ordered.put(definition.name(), labelled(definition, labels, label));
                    }
                }
            }
        }
        definitions.values().stream()
                .filter(definition -> !ordered.containsKey(definition.name()))
                .forEach(definition -> ordered.put(definition.name(), labelled(definition, labels, null)));
        return List.copyOf(ordered.values());
    }

    private static ParameterDefinition labelled(
            ParameterDefinition definition, Map<String, String> labels, @Nullable String group) {
        return definition.presentedAs(definition.name(), labels.get(definition.name()), group);
    }
}
