package io.vendo.catalog;

import io.vendo.catalog.SyncReport.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Synchronizes the catalog when the portal starts ({@code vendo.catalog.sync-on-start}), so that a fresh portal serves
 * what the directory holds; refused files are logged, one warning each, and keep nothing from starting.
 */
@Component
class CatalogSyncOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSyncOnStart.class);

    private final CatalogSync sync;
    private final CatalogProperties properties;

    CatalogSyncOnStart(CatalogSync sync, CatalogProperties properties) {
        this.sync = sync;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sync.location().isEmpty() || !properties.syncOnStart()) {
            return;
        }
        var report = sync.synchronize();
        log.info(
                "Catalog directory {} synchronized: {} added, {} changed, {} unchanged, {} refused",
                report.location(),
                report.count(Outcome.ADDED),
                report.count(Outcome.CHANGED),
                report.count(Outcome.UNCHANGED),
                report.count(Outcome.REFUSED));
        report.entries().stream()
                .filter(entry -> entry.outcome() == Outcome.REFUSED)
                .forEach(entry -> log.warn("Catalog file {} refused: {}", entry.file(), entry.detail()));
    }
}
