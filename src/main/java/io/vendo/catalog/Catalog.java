package io.vendo.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the catalog and checks parameter values against a pinned blueprint version. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final TargetRepository targets;
    private final ParameterValidator validator = new ParameterValidator();
    private final TemplateParser parser = new TemplateParser();

    Catalog(BlueprintRepository blueprints, BlueprintVersionRepository versions, TargetRepository targets) {
        this.blueprints = blueprints;
        this.versions = versions;
        this.targets = targets;
    }

    public List<BlueprintSummary> blueprints() {
        return blueprints.findAllByOrderByNameAsc().stream()
                .map(blueprint -> new BlueprintSummary(
                        blueprint.id(),
                        blueprint.slug(),
                        blueprint.name(),
                        blueprint.description(),
                        blueprint.kind(),
                        blueprint.owner(),
                        latestVersionOf(blueprint).number()))
                .toList();
    }

    /** The newest version of a blueprint: what a new request pins. */
    public BlueprintVersionDetails latestVersion(String blueprintSlug) {
        var blueprint = blueprints
                .findBySlug(blueprintSlug)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint", blueprintSlug));
        return latestVersionOf(blueprint).toDetails(blueprint);
    }

    public BlueprintVersionDetails version(UUID versionId) {
        var version = versions.findById(versionId)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint version", versionId.toString()));
        var blueprint = blueprints.findById(version.blueprintId()).orElseThrow();
        return version.toDetails(blueprint);
    }

    /** The resources a blueprint version's template declares, in template order: what a request will create. */
    public List<TemplateResource> resources(UUID versionId) {
        return parser.parse(version(versionId).templateBody()).resources();
    }

    public List<TargetDetails> targets() {
        return targets.findAllByOrderByNameAsc().stream().map(Target::toDetails).toList();
    }

    public TargetDetails target(String slug) {
        return targets.findBySlug(slug)
                .map(Target::toDetails)
                .orElseThrow(() -> new CatalogItemNotFoundException("target", slug));
    }

    public TargetDetails target(UUID id) {
        return targets.findById(id)
                .map(Target::toDetails)
                .orElseThrow(() -> new CatalogItemNotFoundException("target", id.toString()));
    }

    /**
     * Applies CloudFormation's parameter rules to the submitted values.
     *
     * @return every parameter's effective value, defaults filled in, in template order
     * @throws InvalidParametersException naming each value CloudFormation would refuse
     */
    public Map<String, String> validateParameters(BlueprintVersionDetails version, Map<String, String> submitted) {
        return validator.validate(version.parameters(), submitted);
    }

    private BlueprintVersion latestVersionOf(Blueprint blueprint) {
        return versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id())
                .orElseThrow(
                        () -> new IllegalStateException("Blueprint %s has no version".formatted(blueprint.slug())));
    }
}
