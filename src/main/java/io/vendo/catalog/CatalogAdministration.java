package io.vendo.catalog;

import io.vendo.digest.Sha256;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds blueprints, blueprint versions and targets to the catalog. */
@Service
@Transactional
public class CatalogAdministration {

    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final TargetRepository targets;
    private final TemplateParser parser = new TemplateParser();
    private final Clock clock;

    CatalogAdministration(
            BlueprintRepository blueprints,
            BlueprintVersionRepository versions,
            TargetRepository targets,
            Clock clock) {
        this.blueprints = blueprints;
        this.versions = versions;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * Registers a STACK blueprint, or a new version of it when its template changed; an unchanged template adds
     * nothing.
     *
     * @throws InvalidTemplateException when CloudFormation would refuse the template
     */
    public BlueprintVersionDetails register(NewBlueprint request) {
        var parsed = parser.parse(request.templateBody());
        parsed.parameters().stream()
                .filter(ParameterDefinition::noEcho)
                .findFirst()
                .ifPresent(secret -> {
                    // Lifted once requests store NoEcho values encrypted: until then they would be stored as typed.
                    throw new InvalidTemplateException(
                            "Parameter %s is NoEcho: Vendo does not yet store secret parameter values, so it cannot "
                                            .formatted(secret.name())
                                    + "offer this template");
                });
        var sha256 = Sha256.hex(request.templateBody());
        var blueprint = blueprints
                .findBySlug(request.slug())
                .orElseGet(() -> blueprints.save(new Blueprint(
                        request.slug(),
                        request.name(),
                        request.description(),
                        BlueprintKind.STACK,
                        request.owner(),
                        clock.instant())));
        var latest = versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id());
        if (latest.isPresent() && latest.get().templateSha256().equals(sha256)) {
            return latest.get().toDetails(blueprint);
        }
        var number = latest.map(version -> version.number() + 1).orElse(1);
        var version = versions.save(new BlueprintVersion(
                blueprint.id(),
                number,
                request.templateBody(),
                sha256,
                parsed,
                request.capabilities(),
                clock.instant()));
        return version.toDetails(blueprint);
    }

    /** Adds a target unless one with the same slug exists. */
    public TargetDetails register(NewTarget target) {
        return targets.findBySlug(target.slug())
                .orElseGet(() -> targets.save(new Target(target, clock.instant())))
                .toDetails();
    }
}
