package io.vendo.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface BlueprintRepository extends Repository<Blueprint, UUID> {

    Blueprint save(Blueprint blueprint);

    Optional<Blueprint> findBySlug(String slug);

    Optional<Blueprint> findById(UUID id);

    List<Blueprint> findAllByOrderByNameAsc();

    List<Blueprint> findByKindOrderBySlugAsc(BlueprintKind kind);

    List<Blueprint> findByApprovalPolicyOrderBySlugAsc(String approvalPolicy);
}
