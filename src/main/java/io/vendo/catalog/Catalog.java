package io.vendo.catalog;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the catalog and checks parameter values against a pinned blueprint version. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final KnownVersions known;
    private final TargetRepository targets;
    private final EntityManager entityManager;
    private final CompositeChecks composites;
    private final ParameterValidator validator = new ParameterValidator();
    private final TemplateParser parser = new TemplateParser();

    Catalog(
            BlueprintRepository blueprints,
            BlueprintVersionRepository versions,
            KnownVersions known,
            TargetRepository targets,
            EntityManager entityManager) {
        this.composites = new CompositeChecks(new StoredBlueprints(blueprints, versions));
        this.blueprints = blueprints;
        this.versions = versions;
        this.known = known;
        this.targets = targets;
        this.entityManager = entityManager;
    }

    /** The slugs of the blueprints, retired ones included, whose requests the named approval policy decides. */
    public List<String> blueprintsNamingPolicy(String policyName) {
        return blueprints.findByApprovalPolicyOrderBySlugAsc(policyName).stream()
                .map(Blueprint::slug)
                .toList();
    }

    /** The blueprints a search finds, by name. */
    public List<BlueprintDetails> search(CatalogQuery query) {
        return blueprints.findAllByOrderByNameAsc().stream()
                .map(blueprint -> blueprint.toDetails(latestVersionOf(blueprint).number()))
                .filter(query::matches)
                .toList();
    }

    /** A blueprint with its metadata, retired or not. */
    public BlueprintDetails blueprint(String slug) {
        var blueprint = requireBlueprint(slug);
        return blueprint.toDetails(latestVersionOf(blueprint).number());
    }

    public BlueprintDetails blueprint(UUID id) {
        var blueprint =
                blueprints.findById(id).orElseThrow(() -> new CatalogItemNotFoundException("blueprint", id.toString()));
        return blueprint.toDetails(latestVersionOf(blueprint).number());
    }

    /** A blueprint's versions, newest first. */
    public List<BlueprintVersionSummary> versions(String slug) {
        return versions
                .findByBlueprintIdOrderByNumberDesc(requireBlueprint(slug).id())
                .stream()
                .map(BlueprintVersion::toSummary)
                .toList();
    }

    /** One version by its number. */
    public BlueprintVersionDetails version(String slug, int number) {
        var blueprint = requireBlueprint(slug);
        return versions.findByBlueprintIdAndNumber(blueprint.id(), number)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint version", slug + " v" + number))
                .toDetails(blueprint);
    }

    /** What changed from one version of a blueprint to another: template lines and parameter model. */
    public VersionDiff diff(String slug, int from, int to) {
        return VersionDiff.between(version(slug, from), version(slug, to));
    }

    /**
     * The newest version of a blueprint: what a new request pins.
     *
     * @throws BlueprintRetiredException when the blueprint takes no new requests
     */
    public BlueprintVersionDetails latestVersion(String blueprintSlug) {
        var blueprint = requireBlueprint(blueprintSlug);
        if (blueprint.retired()) {
            throw new BlueprintRetiredException(blueprintSlug);
        }
        return latestVersionOf(blueprint).toDetails(blueprint);
    }

    /**
     * The name of the approval policy the blueprint names for its requests; null: the policy matching the request's
     * scope.
     */
    public @Nullable String approvalPolicyOf(String blueprintSlug) {
        return requireBlueprint(blueprintSlug).metadata().approvalPolicy();
    }

    /** How many active requests of the blueprint one team may have; none: no limit. */
    public Optional<Integer> quotaPerTeam(String blueprintSlug) {
        return Optional.ofNullable(requireBlueprint(blueprintSlug).metadata().quotaPerTeam());
    }

    /** The targets a new request of this blueprint may choose: those that take it, in the tiers it allows. */
    public List<TargetDetails> targetsFor(BlueprintVersionDetails version) {
        var metadata = requireBlueprint(version.slug()).metadata();
        return targets().stream()
                .filter(target -> target.accepts(version.slug()) && metadata.allows(target.environment()))
                .toList();
    }

    /**
     * Refuses a target the blueprint may not deploy to, for ACCOUNT blueprints an OU the target does not allow, and for
     * STACK_SET blueprints that deploy to organizational units any OU the target does not list.
     *
     * @throws TargetNotAllowedException naming the reason
     */
    public void checkPlacement(BlueprintVersionDetails version, TargetDetails target, Map<String, String> values) {
        checkPlacement(version, target, values, StackSetChoice.NONE);
    }

    /**
     * As {@link #checkPlacement(BlueprintVersionDetails, TargetDetails, Map)}, for a request that chose the StackSet's
     * deployment targets: the OUs it chose must be the target's, the blueprint's own are not asked for.
     *
     * @return the choice, its regions in the blueprint's order
     * @throws StackSetChoiceRefusedException for OUs or regions the request may not choose
     */
    public StackSetChoice checkPlacement(
            BlueprintVersionDetails version, TargetDetails target, Map<String, String> values, StackSetChoice choice) {
        var metadata = requireBlueprint(version.slug()).metadata();
        if (!target.accepts(version.slug())) {
            throw new TargetNotAllowedException(
                    "target", "Target %s does not take blueprint %s".formatted(target.slug(), version.slug()));
        }
        if (!metadata.allows(target.environment())) {
            throw new TargetNotAllowedException(
                    "target",
                    "Blueprint %s may be deployed to %s only, not to %s"
                            .formatted(
                                    version.slug(),
                                    String.join(
                                            ", ",
                                            metadata.allowedEnvironments().stream()
                                                    .map(Enum::name)
                                                    .toList()),
                                    target.environment()));
        }
        var unit = values.get("ManagedOrganizationalUnit");
        if (version.kind() == BlueprintKind.ACCOUNT
                && !target.allowedOrganizationalUnits().isEmpty()
                && !target.allowedOrganizationalUnits().contains(unit)) {
            throw new TargetNotAllowedException(
                    "ManagedOrganizationalUnit",
                    "Target %s allows new accounts in %s only"
                            .formatted(target.slug(), String.join(", ", target.allowedOrganizationalUnits())));
        }
        var checked = StackSetChoiceRules.check(version, target, choice);
        if (checked.organizationalUnits().isEmpty() && version.delivery() instanceof Delivery.StackSet stackSet) {
            StackSetDeliveryRules.refusal(stackSet, target).ifPresent(refusal -> {
                throw new TargetNotAllowedException("target", refusal);
            });
        }
        return checked;
    }

    /**
     * What a request may choose of a STACK_SET blueprint's deployment targets (see {@link StackSetChoiceRules}), before
     * the organization is asked whether its OUs exist.
     *
     * @return the choice, its regions in the blueprint's order
     * @throws StackSetChoiceRefusedException naming every problem by field
     */
    public StackSetChoice checkStackSetChoice(
            BlueprintVersionDetails version, TargetDetails target, StackSetChoice choice) {
        return StackSetChoiceRules.check(version, target, choice);
    }

    public BlueprintVersionDetails version(UUID versionId) {
        var version = known.byId(versionId)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint version", versionId.toString()));
        var blueprint = blueprints.findById(version.blueprintId()).orElseThrow();
        return version.toDetails(blueprint);
    }

    /** The resources a blueprint version's template declares, in template order: what a request will create. */
    public List<TemplateResource> resources(UUID versionId) {
        var version = version(versionId);
        if (version.kind() == BlueprintKind.COMPOSITE) {
            return compositeGraph(version).components().stream()
                    .flatMap(component -> parser.parseForm(component.templateBody()).resources().stream()
                            .map(resource -> new TemplateResource(
                                    component.name() + "." + resource.logicalId(), resource.type())))
                    .toList();
        }
        // Stored versions passed every check already; a product's form-only template declares no resources.
        return parser.parseForm(version.templateBody()).resources();
    }

    /**
     * A COMPOSITE version's components in the order they are deployed, each resolved to the template it deploys (a
     * referenced blueprint at the version pinned with the composite's version) and with its parameters' wiring.
     */
    public CompositeGraph compositeGraph(BlueprintVersionDetails version) {
        if (!(version.delivery() instanceof Delivery.Composite composite)) {
            throw new IllegalArgumentException(version.slug() + " is no COMPOSITE blueprint");
        }
        return composites.graph(composite, version.capabilities());
    }

    /** AWS's regions as the SDK knows them: what a target may name. */
    public java.util.SortedSet<String> regions() {
        return CatalogRules.regions();
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
        if (version.kind() != BlueprintKind.ACCOUNT) {
            return validator.validate(version.parameters(), submitted);
        }
        // Every refused field at once: the template's constraints and Account Factory's own rules together.
        var errors = new LinkedHashMap<String, String>();
        Map<String, String> values = Map.of();
        try {
            values = validator.validate(version.parameters(), submitted);
        } catch (InvalidParametersException e) {
            errors.putAll(e.errors());
        }
        AccountFields.check(version.delivery(), values.isEmpty() ? submitted : values)
                .forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return values;
    }

    /**
     * By its natural id, so that the persistence context answers every read after the first in a transaction: a
     * submission asks about its blueprint four times (its latest version, the placement, the quota, the approval
     * policy it names), and read by a query each was a statement and a hydrated row.
     */
    private Blueprint requireBlueprint(String slug) {
        return entityManager
                .unwrap(Session.class)
                .bySimpleNaturalId(Blueprint.class)
                .loadOptional(slug)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint", slug));
    }

    private BlueprintVersion latestVersionOf(Blueprint blueprint) {
        return known.newestOf(blueprint.id())
                .orElseThrow(
                        () -> new IllegalStateException("Blueprint %s has no version".formatted(blueprint.slug())));
    }
}
