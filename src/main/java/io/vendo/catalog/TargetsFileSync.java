package io.vendo.catalog;

import io.vendo.catalog.DescriptorBinder.DescriptorException;
import io.vendo.catalog.SyncReport.Entry;
import io.vendo.catalog.SyncReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Brings the catalog directory's {@code targets.yaml} into the catalog, target by target: each one is bound to a
 * {@link NewTarget} and added, changed or left as it is; a refused target changes nothing and holds back no other.
 */
@Component
class TargetsFileSync {

    private final TargetCuration curation;
    private final TargetRepository targets;

    TargetsFileSync(TargetCuration curation, TargetRepository targets) {
        this.curation = curation;
        this.targets = targets;
    }

    List<Entry> synchronize(String yaml) {
        TargetsFile file;
        try {
            file = DescriptorBinder.bind(yaml, TargetsFile.class, "a mapping with a list under 'targets'");
        } catch (DescriptorException e) {
            return List.of(refused("targets", e.getMessage()));
        }
        if (file.targets() == null) {
            return List.of(refused("targets", "Expected a mapping with a list under 'targets'"));
        }
        var entries = new ArrayList<Entry>();
        for (var item : file.targets()) {
            entries.add(target(item));
        }
        return entries;
    }

    private Entry target(Object item) {
        if (!(item instanceof Map<?, ?> settings)) {
            return refused("?", "Each target must be a mapping");
        }
        var slug = String.valueOf(settings.get("slug"));
        try {
            var target = DescriptorBinder.bind(settings, NewTarget.class);
            var existing = targets.findBySlug(slug).map(Target::toDetails);
            if (existing.isEmpty()) {
                curation.create(target);
                return new Entry(CatalogDirectory.TARGETS, slug, Outcome.ADDED, "Target added");
            }
            var updated = curation.update(slug, target);
            return updated.equals(existing.get())
                    ? new Entry(CatalogDirectory.TARGETS, slug, Outcome.UNCHANGED, "Target unchanged")
                    : new Entry(CatalogDirectory.TARGETS, slug, Outcome.CHANGED, "Target settings changed");
        } catch (InvalidEntryException e) {
            return refused(slug, e.detail());
        } catch (DescriptorException e) {
            return refused(slug, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            return refused(slug, "Changed concurrently (another replica synchronizing?): sync again");
        }
    }

    private static Entry refused(String subject, String detail) {
        return new Entry(CatalogDirectory.TARGETS, subject, Outcome.REFUSED, detail);
    }

    /** {@code targets.yaml}: the targets, each as {@link NewTarget} takes it. */
    record TargetsFile(@Nullable List<Object> targets) {}
}
