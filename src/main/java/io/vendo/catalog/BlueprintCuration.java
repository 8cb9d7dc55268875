package io.vendo.catalog;

import io.vendo.catalog.CatalogAdministration.VersionOutcome;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blueprints as the platform team changes them: added with a first version, versioned, described, retired, or brought
 * in line with the catalog directory. Each change is checked whole ({@link VersionChecks}) and stored in one
 * transaction, or refused naming every problem.
 */
@Service
@Transactional
class BlueprintCuration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BlueprintCuration.class);

    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final VersionChecks checks;
    private final Clock clock;

    BlueprintCuration(
            BlueprintRepository blueprints, BlueprintVersionRepository versions, VersionChecks checks, Clock clock) {
        this.blueprints = blueprints;
        this.versions = versions;
        this.checks = checks;
        this.clock = clock;
    }

    BlueprintVersionDetails create(NewBlueprint request) {
        var errors = new LinkedHashMap<String, String>();
        errors.putAll(CatalogRules.check(request.slug()));
        errors.putAll(checks.check(request.metadata()));
        var checked = checks.check(request.kind(), request.version(), errors)
                .filter(version -> errors.isEmpty())
                .orElseThrow(() -> new InvalidEntryException("blueprint", errors));
        if (blueprints.findBySlug(request.slug()).isPresent()) {
            throw conflict("A blueprint '%s' exists already: add a version to it instead".formatted(request.slug()));
        }
        var aws = checks.askAws(checked, "blueprint");
        var blueprint =
                blueprints.save(new Blueprint(request.slug(), request.kind(), request.metadata(), clock.instant()));
        return versions.save(checked.toVersion(blueprint.id(), 1, aws)).toDetails(blueprint);
    }

    VersionOutcome addVersion(UUID blueprintId, NewVersion request) {
        return addVersion(require(blueprintId), request);
    }

    BlueprintDetails describe(UUID blueprintId, BlueprintMetadata metadata) {
        var errors = checks.check(metadata);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("blueprint", errors);
        }
        var blueprint = require(blueprintId);
        blueprint.describe(metadata);
        return blueprint.toDetails(latestNumber(blueprint));
    }

    BlueprintDetails retire(UUID blueprintId) {
        var blueprint = require(blueprintId);
        blueprint.retire(clock.instant());
        return blueprint.toDetails(latestNumber(blueprint));
    }

    /**
     * Brings a blueprint in line with a descriptor from the catalog directory: adds it, changes its metadata, adds a
     * version, or leaves it as it is.
     */
    SyncOutcome synchronize(NewBlueprint request) {
        var errors = new LinkedHashMap<String, String>();
        errors.putAll(CatalogRules.check(request.slug()));
        errors.putAll(checks.check(request.metadata()));
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("blueprint", errors);
        }
        var existing = blueprints.findBySlug(request.slug());
        if (existing.isEmpty()) {
            return new SyncOutcome(SyncChange.ADDED, create(request));
        }
        var blueprint = existing.get();
        if (blueprint.kind() != request.kind()) {
            throw new InvalidEntryException(
                    "blueprint",
                    Map.of(
                            "kind",
                            "Blueprint '%s' is a %s; a kind never changes: retire it and add a new one"
                                    .formatted(blueprint.slug(), blueprint.kind())));
        }
        var described = blueprint.describe(request.metadata());
        var versioned = addVersion(blueprint, request.version());
        var change = versioned.created()
                ? SyncChange.NEW_VERSION
                : described ? SyncChange.METADATA_CHANGED : SyncChange.UNCHANGED;
        return new SyncOutcome(change, versioned.version());
    }

    private VersionOutcome addVersion(Blueprint blueprint, NewVersion request) {
        var errors = new LinkedHashMap<String, String>();
        var checked = checks.check(blueprint.kind(), request, errors)
                .filter(version -> errors.isEmpty())
                .orElseThrow(() -> new InvalidEntryException("version", errors));
        var latest = versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id());
        if (latest.isPresent() && latest.get().holds(checked.sha256(), checked.capabilities(), checked.delivery())) {
            return new VersionOutcome(
                    false,
                    latest.get().toDetails(blueprint),
                    latest.get().toSummary().aws());
        }
        var aws = checks.askAws(checked, "version");
        var number = latest.map(version -> version.number() + 1).orElse(1);
        var outcome = new VersionOutcome(
                true,
                versions.save(checked.toVersion(blueprint.id(), number, aws)).toDetails(blueprint),
                aws);
        if (blueprint.kind() == BlueprintKind.STACK) {
            refreshCompositesUsing(blueprint.slug());
        }
        return outcome;
    }

    /**
     * A composite's {@code blueprint} component is the referenced blueprint's newest version: a new version of it makes a
     * new version of each composite that references it, so that new requests get it. A composite whose wiring the new
     * version breaks (an output or parameter gone) keeps its version, and the log says why.
     */
    private void refreshCompositesUsing(String slug) {
        for (var composite : blueprints.findByKindOrderBySlugAsc(BlueprintKind.COMPOSITE)) {
            var latest = versions.findFirstByBlueprintIdOrderByNumberDesc(composite.id());
            if (latest.isEmpty()
                    || !(latest.get().delivery() instanceof Delivery.Composite graph)
                    || graph.components().stream().noneMatch(component -> slug.equals(component.blueprint()))) {
                continue;
            }
            try {
                var outcome =
                        addVersion(composite, new NewVersion("", latest.get().capabilities(), graph));
                if (outcome.created()) {
                    log.info(
                            "Composite {} version {} uses the newest version of {}",
                            composite.slug(),
                            outcome.version().number(),
                            slug);
                }
            } catch (InvalidEntryException e) {
                log.warn(
                        "Composite {} keeps version {}: the newest version of {} does not fit its wiring: {}",
                        composite.slug(),
                        latest.get().number(),
                        slug,
                        e.detail());
            }
        }
    }

    private Blueprint require(UUID blueprintId) {
        return blueprints
                .findById(blueprintId)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint", blueprintId.toString()));
    }

    private int latestNumber(Blueprint blueprint) {
        return versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id())
                .map(BlueprintVersion::number)
                .orElse(0);
    }

    private static CatalogConflictException conflict(String detail) {
        return new CatalogConflictException("Already in the catalog", detail);
    }

    enum SyncChange {
        ADDED,
        NEW_VERSION,
        METADATA_CHANGED,
        UNCHANGED
    }

    record SyncOutcome(SyncChange change, BlueprintVersionDetails version) {}
}
