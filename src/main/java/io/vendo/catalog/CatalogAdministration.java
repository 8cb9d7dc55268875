package io.vendo.catalog;

import io.vendo.digest.Sha256;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform team's changes to the catalog: blueprints, their versions and targets. Every change is checked field by
 * field and refused whole, naming each problem, so nothing half-valid is stored.
 */
@Service
@Transactional
public class CatalogAdministration {

    private final BlueprintRepository blueprints;
    private final BlueprintVersionRepository versions;
    private final TargetRepository targets;
    private final TemplateParser parser = new TemplateParser();
    private final ObjectProvider<TemplateCheck> templateChecks;
    private final ObjectProvider<ServiceCatalogProducts> serviceCatalog;
    private final ApprovalPolicyNames policyNames;
    private final CatalogProperties properties;
    private final Clock clock;

    CatalogAdministration(
            BlueprintRepository blueprints,
            BlueprintVersionRepository versions,
            TargetRepository targets,
            ObjectProvider<TemplateCheck> templateChecks,
            ObjectProvider<ServiceCatalogProducts> serviceCatalog,
            ApprovalPolicyNames policyNames,
            CatalogProperties properties,
            Clock clock) {
        this.policyNames = policyNames;
        this.blueprints = blueprints;
        this.versions = versions;
        this.targets = targets;
        this.templateChecks = templateChecks;
        this.serviceCatalog = serviceCatalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Adds a blueprint with its first version.
     *
     * @throws InvalidEntryException naming every refused field, the template's problem under {@code template}
     * @throws CatalogConflictException when the slug is taken
     */
    public BlueprintVersionDetails create(NewBlueprint request) {
        var errors = new LinkedHashMap<String, String>();
        errors.putAll(CatalogRules.check(request.slug()));
        errors.putAll(check(request.metadata()));
        var checked = check(request.kind(), request.version(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("blueprint", errors);
        }
        if (blueprints.findBySlug(request.slug()).isPresent()) {
            throw conflict("A blueprint '%s' exists already: add a version to it instead".formatted(request.slug()));
        }
        var aws = askAws(checked, "blueprint");
        var blueprint =
                blueprints.save(new Blueprint(request.slug(), request.kind(), request.metadata(), clock.instant()));
        return versions.save(checked.toVersion(blueprint.id(), 1, aws)).toDetails(blueprint);
    }

    /**
     * Adds the next version of a blueprint, unless its newest version holds the same template, capabilities and
     * delivery: then that one is returned and nothing is added.
     */
    public VersionOutcome addVersion(UUID blueprintId, NewVersion request) {
        var blueprint = blueprints
                .findById(blueprintId)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint", blueprintId.toString()));
        return addVersion(blueprint, request);
    }

    /** Changes a blueprint's metadata; its versions stay as they are. */
    public BlueprintDetails describe(UUID blueprintId, BlueprintMetadata metadata) {
        var errors = check(metadata);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("blueprint", errors);
        }
        var blueprint = blueprints
                .findById(blueprintId)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint", blueprintId.toString()));
        blueprint.describe(metadata);
        return blueprint.toDetails(latestNumber(blueprint));
    }

    /** Takes a blueprint out of the catalog for new requests; requests already made are unaffected. */
    public BlueprintDetails retire(UUID blueprintId) {
        var blueprint = blueprints
                .findById(blueprintId)
                .orElseThrow(() -> new CatalogItemNotFoundException("blueprint", blueprintId.toString()));
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
        errors.putAll(check(request.metadata()));
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

    /**
     * Adds a target.
     *
     * @throws InvalidEntryException naming every refused field
     * @throws CatalogConflictException when the slug is taken
     */
    public TargetDetails createTarget(NewTarget target) {
        refuseInvalid(target);
        if (targets.findBySlug(target.slug()).isPresent()) {
            throw conflict("A target '%s' exists already".formatted(target.slug()));
        }
        return targets.save(new Target(target, clock.instant())).toDetails();
    }

    /** Changes a target's settings; its slug stays. Requests already made keep the target they were made for. */
    public TargetDetails updateTarget(String slug, NewTarget target) {
        var existing = targets.findBySlug(slug).orElseThrow(() -> new CatalogItemNotFoundException("target", slug));
        if (!slug.equals(target.slug())) {
            throw new InvalidEntryException("target", Map.of("slug", "A target's slug never changes"));
        }
        refuseInvalid(target);
        existing.update(target);
        return existing.toDetails();
    }

    /** Adds a target unless one with the same slug exists. */
    public TargetDetails register(NewTarget target) {
        var existing = targets.findBySlug(target.slug());
        if (existing.isPresent()) {
            return existing.get().toDetails();
        }
        refuseInvalid(target);
        return targets.save(new Target(target, clock.instant())).toDetails();
    }

    private VersionOutcome addVersion(Blueprint blueprint, NewVersion request) {
        var errors = new LinkedHashMap<String, String>();
        var checked = check(blueprint.kind(), request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("version", errors);
        }
        var latest = versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id());
        if (latest.isPresent() && latest.get().holds(checked.sha256(), checked.capabilities(), checked.delivery())) {
            return new VersionOutcome(
                    false,
                    latest.get().toDetails(blueprint),
                    latest.get().toSummary().aws());
        }
        var aws = askAws(checked, "version");
        var number = latest.map(version -> version.number() + 1).orElse(1);
        return new VersionOutcome(
                true,
                versions.save(checked.toVersion(blueprint.id(), number, aws)).toDetails(blueprint),
                aws);
    }

    /**
     * The metadata's own rules, and that a named approval policy exists: a misspelt name must never leave a blueprint's
     * requests to a laxer policy that happens to match their scope.
     */
    private Map<String, String> check(BlueprintMetadata metadata) {
        var errors = CatalogRules.check(metadata);
        var named = metadata.approvalPolicy();
        if (named != null && !errors.containsKey("approvalPolicy")) {
            var existing = policyNames.policyNames();
            if (!existing.contains(named)) {
                errors.put(
                        "approvalPolicy",
                        "There is no approval policy '%s'; the policies are: %s"
                                .formatted(named, String.join(", ", existing)));
            }
        }
        return errors;
    }

    private CheckedVersion check(BlueprintKind kind, NewVersion request, Map<String, String> errors) {
        var delivery = request.delivery() != null
                ? request.delivery()
                : kind == BlueprintKind.STACK ? new Delivery.Stack() : null;
        if (delivery == null) {
            errors.put("delivery", "Say how a %s blueprint is delivered".formatted(kind));
        } else {
            errors.putAll(CatalogRules.check(kind, request.capabilities(), delivery));
        }
        TemplateParser.ParsedTemplate parsed = null;
        if (request.templateBody() == null || request.templateBody().isBlank()) {
            errors.put("template", "A template is required");
        } else {
            try {
                parsed = deployedByCloudFormation(kind)
                        ? parser.parse(request.templateBody())
                        : parser.parseForm(request.templateBody());
                errors.putAll(CatalogRules.check(kind, parsed.parameters()));
            } catch (InvalidTemplateException e) {
                errors.put("template", e.detail());
            }
        }
        return new CheckedVersion(
                request.templateBody(),
                request.templateBody() == null ? "" : Sha256.hex(request.templateBody()),
                parsed,
                request.capabilities(),
                delivery,
                clock);
    }

    /**
     * Asks AWS about a version that is about to be stored, when AWS is configured: CloudFormation about a template it
     * deploys (STACK, STACK_SET), Service Catalog about the parameters it provisions a product's artifact with (products,
     * Account Factory accounts). Admin changes are rare and the calls short (the SDK's timeouts apply), so they run in
     * the transaction that stores the version.
     *
     * @throws InvalidEntryException when CloudFormation refuses the template, or Service Catalog knows no such product
     */
    private AwsComparison askAws(CheckedVersion checked, String what) {
        return switch (checked.delivery()) {
            case Delivery.Stack stack -> askCloudFormation(checked, what);
            case Delivery.StackSet stackSet -> askCloudFormation(checked, what);
            case Delivery.ServiceCatalogProduct product ->
                askServiceCatalog(
                        checked, what, product.productId(), product.provisioningArtifactId(), product.pathId());
            case Delivery.AccountFactory factory ->
                askServiceCatalog(checked, what, factory.productId(), factory.provisioningArtifactId(), null);
            case Delivery.OrganizationsAccount organizations ->
                AwsComparison.notApplicable(
                        "Organizations' CreateAccount takes fixed fields: Vendo's form is the whole model, nothing to"
                                + " ask AWS");
        };
    }

    private AwsComparison askCloudFormation(CheckedVersion checked, String what) {
        var check = templateChecks.getIfAvailable();
        if (check == null || !check.available()) {
            return AwsComparison.notChecked();
        }
        var report = check.check(checked.templateBody(), properties.templateCheckRegion());
        if (report.refusal() != null) {
            throw new InvalidEntryException(
                    what, Map.of("template", "CloudFormation refuses the template: " + report.refusal()));
        }
        return AwsComparison.of(report, checked.parsed().parameters(), checked.capabilities());
    }

    private AwsComparison askServiceCatalog(
            CheckedVersion checked, String what, String productId, String artifactId, @Nullable String pathId) {
        var products = serviceCatalog.getIfAvailable();
        if (products == null || !products.available()) {
            return new AwsComparison(
                    AwsComparison.NOT_CHECKED,
                    "AWS is not configured (dry-run): Service Catalog was not asked",
                    List.of());
        }
        try {
            var model = products.parameters(productId, artifactId, pathId, properties.serviceCatalogRegionOrDefault());
            return AwsComparison.ofServiceCatalog(model, checked.parsed().parameters());
        } catch (ServiceCatalogProducts.LookupFailed e) {
            if (e.notFound()) {
                throw new InvalidEntryException(what, Map.of("delivery", e.getMessage()));
            }
            return AwsComparison.unavailable(e.getMessage());
        }
    }

    /** STACK and STACK_SET templates are deployed by CloudFormation; the other kinds' templates only declare a form. */
    private static boolean deployedByCloudFormation(BlueprintKind kind) {
        return kind == BlueprintKind.STACK || kind == BlueprintKind.STACK_SET;
    }

    private void refuseInvalid(NewTarget target) {
        var errors = CatalogRules.check(target);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("target", errors);
        }
    }

    private int latestNumber(Blueprint blueprint) {
        return versions.findFirstByBlueprintIdOrderByNumberDesc(blueprint.id())
                .map(BlueprintVersion::number)
                .orElse(0);
    }

    private static CatalogConflictException conflict(String detail) {
        return new CatalogConflictException("Already in the catalog", detail);
    }

    /** A version that passed every check, ready to store. */
    private record CheckedVersion(
            String templateBody,
            String sha256,
            TemplateParser.ParsedTemplate parsed,
            List<String> capabilities,
            Delivery delivery,
            Clock clock) {

        BlueprintVersion toVersion(UUID blueprintId, int number, AwsComparison aws) {
            return new BlueprintVersion(
                    blueprintId, number, templateBody, sha256, parsed, capabilities, delivery, aws, clock.instant());
        }
    }

    /**
     * @param created false when the newest version already held the same
     * @param aws what CloudFormation said when the version was added
     */
    public record VersionOutcome(boolean created, BlueprintVersionDetails version, @Nullable AwsComparison aws) {}

    enum SyncChange {
        ADDED,
        NEW_VERSION,
        METADATA_CHANGED,
        UNCHANGED
    }

    record SyncOutcome(SyncChange change, BlueprintVersionDetails version) {}
}
