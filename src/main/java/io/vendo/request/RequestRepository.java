package io.vendo.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface RequestRepository extends Repository<VendingRequest, UUID>, JpaSpecificationExecutor<VendingRequest> {

    VendingRequest save(VendingRequest request);

    Optional<VendingRequest> findById(UUID id);

    List<VendingRequest> findTop100ByRequesterOrderBySubmittedAtDesc(String requester);

    List<VendingRequest> findTop100ByOrderBySubmittedAtDesc();
}
