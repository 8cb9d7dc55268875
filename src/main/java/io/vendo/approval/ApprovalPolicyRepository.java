package io.vendo.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ApprovalPolicyRepository extends Repository<ApprovalPolicy, UUID> {

    ApprovalPolicy save(ApprovalPolicy policy);

    List<ApprovalPolicy> findAllByOrderByNameAsc();

    Optional<ApprovalPolicy> findByName(String name);

    Optional<ApprovalPolicy> findById(UUID id);

    void delete(ApprovalPolicy policy);
}
