package io.vendo.catalog;

import io.vendo.catalog.BlueprintCuration.SyncOutcome;
import io.vendo.catalog.CatalogDirectory.BlueprintFolder;
import io.vendo.catalog.DescriptorBinder.DescriptorException;
import io.vendo.catalog.SyncReport.Entry;
import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Brings one blueprint folder of the catalog directory into the catalog: its descriptor bound, its template read (or,
 * for a Service Catalog product that names none, its form asked of Service Catalog), then added, versioned, described
 * or left as it is. Whatever is refused is the folder's entry in the report, and changes nothing.
 */
@Component
class BlueprintFolderSync {

    private final BlueprintCuration blueprints;
    private final ServiceCatalogImport serviceCatalogImport;

    BlueprintFolderSync(BlueprintCuration blueprints, ServiceCatalogImport serviceCatalogImport) {
        this.blueprints = blueprints;
        this.serviceCatalogImport = serviceCatalogImport;
    }

    Entry synchronize(BlueprintFolder folder) {
        var file = folder.descriptorFile();
        var slug = folder.slug();
        try {
            var text = folder.descriptorText();
            var descriptor = BlueprintDescriptor.read(text);
            if (descriptor.kind() == BlueprintKind.COMPOSITE) {
                return synchronizeComposite(folder, text, descriptor);
            }
            var delivery = descriptor.deliveryOf();
            var templateFile = descriptor.templateFile();
            var template = folder.file(templateFile);
            String templateBody;
            if (template.isPresent()) {
                templateBody = template.get();
            } else if (!descriptor.namesTemplate()
                    && delivery != null
                    && ProductRef.of(delivery).isPresent()) {
                // A Service Catalog product without a form template: its form is Service Catalog's own model.
                templateBody = serviceCatalogImport.formFor(delivery);
            } else {
                return refused(file, slug, "Template file %s/%s does not exist".formatted(slug, templateFile));
            }
            var outcome = blueprints.synchronize(descriptor.toNewBlueprint(slug, templateBody, delivery));
            return entry(file, slug, templateFile, outcome);
        } catch (InvalidEntryException e) {
            return refused(file, slug, e.detail());
        } catch (DescriptorException e) {
            return refused(file, slug, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            return refused(file, slug, "Changed concurrently (another replica synchronizing?): sync again");
        } catch (Refusal e) {
            return refused(file, slug, e.detail());
        }
    }

    /**
     * A composite: the template files its components name are read from the folder (a missing one is reported by the
     * graph's checks), and every refusal names the descriptor's line.
     */
    private Entry synchronizeComposite(BlueprintFolder folder, String text, BlueprintDescriptor descriptor) {
        var templates = new LinkedHashMap<String, String>();
        for (var file : descriptor.componentTemplates()) {
            if (file.matches("[\\w-][\\w.-]*") && !file.equals(BlueprintDescriptor.FILE)) {
                folder.file(file).ifPresent(body -> templates.put(file, body));
            }
        }
        try {
            var outcome = blueprints.synchronize(
                    descriptor.toNewBlueprint(folder.slug(), "", descriptor.composite(templates)));
            return entry(folder.descriptorFile(), folder.slug(), "its components", outcome);
        } catch (InvalidEntryException e) {
            var lines = DescriptorLines.of(text);
            return refused(
                    folder.descriptorFile(),
                    folder.slug(),
                    new TreeMap<>(e.errors())
                            .entrySet().stream()
                                    .map(error -> lines.locate(error.getKey()) + ": " + error.getValue())
                                    .collect(Collectors.joining("; ")));
        }
    }

    private static Entry entry(String file, String slug, String templateFile, SyncOutcome outcome) {
        var number = outcome.version().number();
        var warnings = outcome.version().patternWarnings().stream()
                .map(warning -> "; warning: " + warning)
                .collect(Collectors.joining());
        return switch (outcome.change()) {
            case ADDED -> new Entry(file, slug, Outcome.ADDED, "Added as version " + number + warnings);
            case NEW_VERSION ->
                new Entry(
                        file,
                        slug,
                        Outcome.CHANGED,
                        "New version %d from %s%s".formatted(number, templateFile, warnings));
            case METADATA_CHANGED ->
                new Entry(file, slug, Outcome.CHANGED, "Metadata changed; template unchanged at version " + number);
            case UNCHANGED -> new Entry(file, slug, Outcome.UNCHANGED, "Unchanged at version " + number);
        };
    }

    private static Entry refused(String file, String subject, String detail) {
        return new Entry(file, subject, Outcome.REFUSED, detail);
    }
}
