package io.vendo.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface BlueprintVersionRepository extends Repository<BlueprintVersion, UUID> {

    BlueprintVersion save(BlueprintVersion version);

    Optional<BlueprintVersion> findById(UUID id);

    Optional<BlueprintVersion> findFirstByBlueprintIdOrderByNumberDesc(UUID blueprintId);

    /** The id alone: the version itself is read once per replica ({@link KnownVersions}). */
    @Query("select v.id from BlueprintVersion v where v.blueprintId = :blueprintId order by v.number desc limit 1")
    Optional<UUID> findNewestIdOf(UUID blueprintId);

    Optional<BlueprintVersion> findByBlueprintIdAndNumber(UUID blueprintId, int number);

    List<BlueprintVersion> findByBlueprintIdOrderByNumberDesc(UUID blueprintId);
}
