package io.vendo.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The platform team's door to the catalog: blueprints, their versions and targets, the catalog directory sync and the
 * import from Service Catalog. Every change is checked field by field and refused whole, naming each problem, so
 * nothing half-valid is stored; a sync or an import goes file by file and product by product, each in its own
 * transaction, so one refused entry holds back no other.
 */
@Service
public class CatalogAdministration {

    private final BlueprintCuration blueprints;
    private final TargetCuration targets;
    private final CatalogSync sync;
    private final ServiceCatalogImport serviceCatalogImport;
    private final CompositePaste composites;

    CatalogAdministration(
            BlueprintCuration blueprints,
            TargetCuration targets,
            CatalogSync sync,
            ServiceCatalogImport serviceCatalogImport,
            CompositePaste composites) {
        this.blueprints = blueprints;
        this.targets = targets;
        this.sync = sync;
        this.serviceCatalogImport = serviceCatalogImport;
        this.composites = composites;
    }

    /**
     * Adds a blueprint with its first version.
     *
     * @throws InvalidEntryException naming every refused field, the template's problem under {@code template}
     * @throws io.vendo.refusal.Refusal a conflict when the slug is taken
     */
    public BlueprintVersionDetails create(NewBlueprint request) {
        return blueprints.create(request);
    }

    /**
     * Adds a composite blueprint from its descriptor as the catalog directory holds it and the template files its
     * components name, checked as a directory sync checks a folder.
     *
     * @throws InvalidEntryException naming every refusal by the descriptor's line ({@code line 12,
     *     components[1].parameters.SubnetIds}), the slug's under {@code slug}
     * @throws io.vendo.refusal.Refusal a conflict when the slug is taken
     */
    public BlueprintVersionDetails createComposite(String slug, String descriptor, Map<String, String> templates) {
        return composites.create(slug, descriptor, templates);
    }

    /**
     * Adds the next version of a blueprint, unless its newest version holds the same template, capabilities and
     * delivery: then that one is returned and nothing is added.
     */
    public VersionOutcome addVersion(UUID blueprintId, NewVersion request) {
        return blueprints.addVersion(blueprintId, request);
    }

    /** Changes a blueprint's metadata; its versions stay as they are. */
    public BlueprintDetails describe(UUID blueprintId, BlueprintMetadata metadata) {
        return blueprints.describe(blueprintId, metadata);
    }

    /** Takes a blueprint out of the catalog for new requests; requests already made are unaffected. */
    public BlueprintDetails retire(UUID blueprintId) {
        return blueprints.retire(blueprintId);
    }

    /**
     * Adds a target.
     *
     * @throws InvalidEntryException naming every refused field
     * @throws io.vendo.refusal.Refusal a conflict when the slug is taken
     */
    public TargetDetails createTarget(NewTarget target) {
        return targets.create(target);
    }

    /** Changes a target's settings; its slug stays. Requests already made keep the target they were made for. */
    public TargetDetails updateTarget(String slug, NewTarget target) {
        return targets.update(slug, target);
    }

    /** Adds a target unless one with the same slug exists. */
    public TargetDetails register(NewTarget target) {
        return targets.register(target);
    }

    /**
     * What a sync reads: the catalog directory, and the Service Catalog portfolios imported at every sync; empty when
     * neither is configured (then there is nothing to sync).
     */
    public Optional<String> syncSource() {
        return sync.location();
    }

    /** The report of the latest sync since the portal started, if any. */
    public Optional<SyncReport> lastSync() {
        return sync.lastReport();
    }

    /**
     * Brings the catalog in line with the catalog directory, file by file, then imports the configured Service Catalog
     * portfolios.
     *
     * @throws io.vendo.refusal.Refusal a conflict when there is nothing to sync (see {@link #syncSource()})
     */
    public SyncReport synchronize() {
        return sync.synchronize();
    }

    /**
     * Imports every product of a Service Catalog portfolio as a blueprint, product by product.
     *
     * @throws InvalidEntryException for a malformed portfolio id, or one Service Catalog does not know
     * @throws io.vendo.refusal.Refusal a conflict in a dry run; unavailable when Service Catalog cannot be asked
     */
    public SyncReport importPortfolio(String portfolioId) {
        return serviceCatalogImport.importPortfolio(portfolioId);
    }

    /**
     * @param created false when the newest version already held the same
     * @param aws what CloudFormation said when the version was added
     */
    public record VersionOutcome(boolean created, BlueprintVersionDetails version, @Nullable AwsComparison aws) {}
}
