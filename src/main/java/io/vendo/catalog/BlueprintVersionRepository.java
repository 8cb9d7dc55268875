package io.vendo.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface BlueprintVersionRepository extends Repository<BlueprintVersion, UUID> {

    BlueprintVersion save(BlueprintVersion version);

    Optional<BlueprintVersion> findById(UUID id);

    Optional<BlueprintVersion> findFirstByBlueprintIdOrderByNumberDesc(UUID blueprintId);

    Optional<BlueprintVersion> findByBlueprintIdAndNumber(UUID blueprintId, int number);

    List<BlueprintVersion> findByBlueprintIdOrderByNumberDesc(UUID blueprintId);
}
