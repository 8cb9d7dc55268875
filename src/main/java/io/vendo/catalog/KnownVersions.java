package io.vendo.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Blueprint versions by id, each read from the database once per replica (until pushed out by more recently read
 * ones). A stored version never changes ({@link BlueprintVersion} is immutable, nothing updates or deletes one), so
 * what one replica read stays true however many versions others add; only which version is the newest is asked every
 * time. A submission pins the newest version and every execution step reads its request's version: each read loaded
 * the template and parsed the parameter model from JSON again.
 */
@Component
class KnownVersions {

    /** Each holds its template (at most a few hundred KB): a few hundred versions are a few MB. */
    private static final int KEPT = 256;

    private final BlueprintVersionRepository versions;
    private final Map<UUID, BlueprintVersion> read = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, BlueprintVersion> eldest) {
            return size() > KEPT;
        }
    });

    KnownVersions(BlueprintVersionRepository versions) {
        this.versions = versions;
    }

    Optional<BlueprintVersion> byId(UUID id) {
        var known = read.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        var found = versions.findById(id);
        found.ifPresent(version -> read.put(id, version));
        return found;
    }

    /** The blueprint's newest version; empty only for a blueprint being stored with its first version. */
    Optional<BlueprintVersion> newestOf(UUID blueprintId) {
        return versions.findNewestIdOf(blueprintId).flatMap(this::byId);
    }
}
