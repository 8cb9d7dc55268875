package io.vendo.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One pinned blueprint version: everything needed to render its form and to deliver it.
 *
 * @param tags the blueprint's tags, to apply to everything the version creates
 * @param delivery the kind-specific settings the executor uses, pinned with the version
 */
@NamedInterface("blueprints")
public record BlueprintVersionDetails(
        UUID versionId,
        UUID blueprintId,
        String slug,
        String name,
        String description,
        BlueprintKind kind,
        int number,
        String templateBody,
        List<ParameterDefinition> parameters,
        List<String> outputs,
        List<String> capabilities,
        Map<String, String> tags,
        Delivery delivery) {

    public BlueprintVersionDetails {
        tags = Map.copyOf(tags);
    }

    /** What the admin should know about the version's AllowedPatterns: those that cannot be matched linearly. */
    public List<String> patternWarnings() {
        return AllowedPattern.warnings(parameters);
    }

    /** A STACK version without tags, for callers that need nothing else. */
    public BlueprintVersionDetails(
            UUID versionId,
            UUID blueprintId,
            String slug,
            String name,
            String description,
            BlueprintKind kind,
            int number,
            String templateBody,
            List<ParameterDefinition> parameters,
            List<String> outputs,
            List<String> capabilities) {
        this(
                versionId,
                blueprintId,
                slug,
                name,
                description,
                kind,
                number,
                templateBody,
                parameters,
                outputs,
                capabilities,
                Map.of(),
                new Delivery.Stack());
    }
}
