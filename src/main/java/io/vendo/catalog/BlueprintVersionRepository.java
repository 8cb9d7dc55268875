package io.vendo.catalog;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface BlueprintVersionRepository extends Repository<BlueprintVersion, UUID> {

    BlueprintVersion save(BlueprintVersion version);

    Optional<BlueprintVersion> findById(UUID id);

    Optional<BlueprintVersion> findFirstByBlueprintIdOrderByNumberDesc(UUID blueprintId);
}
