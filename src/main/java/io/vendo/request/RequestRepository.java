package io.vendo.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RequestRepository extends Repository<VendingRequest, UUID>, JpaSpecificationExecutor<VendingRequest> {

    VendingRequest save(VendingRequest request);

    Optional<VendingRequest> findById(UUID id);

    List<VendingRequest> findAllById(Iterable<UUID> ids);

    long countByChoiceBlueprintSlugAndTeamAndKindAndStateIn(
            String blueprintSlug, String team, RequestKind kind, Collection<RequestState> states);

    /** Account e-mails are case-insensitive for AWS. */
    @Query(
            value = "select count(*) from vending_request"
                    + " where lower(parameters ->> 'AccountEmail') = lower(:email) and state in (:states)",
            nativeQuery = true)
    long countByAccountEmail(String email, Collection<String> states);

    /**
     * Serializes submissions that check the same limit (quota, account e-mail) until the transaction ends, so two
     * concurrent ones cannot both pass it.
     */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked", nativeQuery = true)
    int lockFor(String key);
}
