package io.vendo.catalog;

import io.vendo.catalog.SyncReport.Entry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Synchronizes the catalog with the catalog directory — new blueprints added, changed templates added as new
 * versions, metadata updated — file by file, so one refused file never holds back the others, then imports the
 * Service Catalog portfolios configured for every sync. Blueprints missing from the directory are left alone: they
 * may have been added in the admin pages.
 */
@Service
class CatalogSync {

    private final BlueprintFolderSync blueprints;
    private final TargetsFileSync targets;
    private final ServiceCatalogImport serviceCatalogImport;
    private final CatalogProperties properties;
    private final Clock clock;
    private final AtomicReference<@Nullable SyncReport> lastReport = new AtomicReference<>();

    CatalogSync(
            BlueprintFolderSync blueprints,
            TargetsFileSync targets,
            ServiceCatalogImport serviceCatalogImport,
            CatalogProperties properties,
            Clock clock) {
        this.blueprints = blueprints;
        this.targets = targets;
        this.serviceCatalogImport = serviceCatalogImport;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What a sync reads: the directory, and the Service Catalog portfolios imported at every sync; empty when neither is
     * configured (then the admin page offers no sync).
     */
    Optional<String> location() {
        var portfolios = properties.serviceCatalogPortfolios().isEmpty()
                ? ""
                : "Service Catalog " + String.join(", ", properties.serviceCatalogPortfolios());
        if (properties.directory() == null) {
            return portfolios.isEmpty() ? Optional.empty() : Optional.of(portfolios);
        }
        return Optional.of(properties.directory() + (portfolios.isEmpty() ? "" : " + " + portfolios));
    }

    Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /**
     * Synchronizes the configured directory, then imports the configured Service Catalog portfolios.
     *
     * @throws CatalogConflictException when neither is configured
     */
    SyncReport synchronize() {
        var location = location()
                .orElseThrow(() -> new CatalogConflictException(
                        "No catalog directory",
                        "Nothing to sync: neither a catalog directory (vendo.catalog.directory) nor Service Catalog"
                                + " portfolios (vendo.catalog.service-catalog-portfolios) are configured"));
        var entries = new ArrayList<Entry>();
        if (properties.directory() != null) {
            entries.addAll(synchronize(properties.directory()).entries());
        }
        entries.addAll(serviceCatalogImport.importConfiguredPortfolios());
        return remember(new SyncReport(location, clock.instant(), entries));
    }

    /** Synchronizes the directory at a location only. */
    SyncReport synchronize(String location) {
        var directory = new CatalogDirectory(location);
        var entries = new ArrayList<Entry>();
        // Composites last: the blueprints they reference are then in the catalog, at their newest version.
        var folders = directory.blueprints();
        for (var folder : folders) {
            if (!isComposite(folder)) {
                entries.add(blueprints.synchronize(folder));
            }
        }
        for (var folder : folders) {
            if (isComposite(folder)) {
                entries.add(blueprints.synchronize(folder));
            }
        }
        directory.targets().ifPresent(text -> entries.addAll(targets.synchronize(text)));
        return remember(new SyncReport(location, clock.instant(), entries));
    }

    private static boolean isComposite(CatalogDirectory.BlueprintFolder folder) {
        try {
            return BlueprintDescriptor.read(folder.descriptorText()).kind() == BlueprintKind.COMPOSITE;
        } catch (DescriptorBinder.DescriptorException e) {
            return false; // refused with its reason when it is synchronized
        }
    }

    private SyncReport remember(SyncReport report) {
        lastReport.set(report);
        return report;
    }
}
