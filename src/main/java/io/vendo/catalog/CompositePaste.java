package io.vendo.catalog;

import io.vendo.catalog.DescriptorBinder.DescriptorException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A composite blueprint pasted on the admin pages as the catalog directory holds one: its descriptor
 * ({@code blueprint.yaml}) and the template files its components name. It is read and checked exactly as a directory
 * sync reads a folder, and every refusal names the descriptor's line as the sync report does; nothing is stored
 * unless all of it is accepted.
 */
@Component
class CompositePaste {

    private final BlueprintCuration blueprints;

    CompositePaste(BlueprintCuration blueprints) {
        this.blueprints = blueprints;
    }

    /**
     * @param templates the template files by name, as the descriptor's {@code template:} entries name them
     * @throws InvalidEntryException with the slug's refusal under {@code slug}, a template no component names under
     *     {@code templates}, and every other refusal keyed by where the descriptor says it ({@code line 12,
     *     components[1].parameters.SubnetIds}, or {@code descriptor} for what has no line)
     */
    BlueprintVersionDetails create(String slug, String text, Map<String, String> templates) {
        BlueprintDescriptor descriptor;
        try {
            descriptor = BlueprintDescriptor.read(text);
        } catch (DescriptorException e) {
            throw new InvalidEntryException(
                    "composite blueprint", Map.of("descriptor", String.valueOf(e.getMessage())));
        }
        var lines = DescriptorLines.of(text);
        if (descriptor.kind() != BlueprintKind.COMPOSITE) {
            throw new InvalidEntryException(
                    "composite blueprint",
                    Map.of(
                            lines.locate("kind"),
                            "This is a %s descriptor: add it under Add a blueprint, with its template; here only"
                                            .formatted(descriptor.kind())
                                    + " kind: COMPOSITE"));
        }
        var named = descriptor.componentTemplates();
        var unused = templates.keySet().stream()
                .filter(file -> !named.contains(file))
                .toList();
        if (!unused.isEmpty()) {
            throw new InvalidEntryException(
                    "composite blueprint",
                    Map.of("templates", "No component names " + String.join(", ", unused) + " as its template"));
        }
        try {
            return blueprints.create(descriptor.toNewBlueprint(slug, "", descriptor.composite(templates)));
        } catch (InvalidEntryException e) {
            var located = new LinkedHashMap<String, String>();
            e.errors()
                    .forEach((field, message) ->
                            located.put(field.equals("slug") ? field : lines.locate(field), message));
            throw new InvalidEntryException("composite blueprint", located);
        }
    }
}
