package io.vendo.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RequestBatchRepository extends Repository<RequestBatch, UUID> {

    RequestBatch save(RequestBatch batch);

    Optional<RequestBatch> findById(UUID id);

    /** A fleet's updates, newest first. */
    List<RequestBatch> findByUpdateOfOrderBySubmittedAtDesc(UUID fleetId);

    /** The batch a request is a row of. */
    @Query(
            value = "select b.* from request_batch b join request_batch_row r on r.batch_id = b.id"
                    + " where r.request_id = :requestId",
            nativeQuery = true)
    Optional<RequestBatch> findByRequest(UUID requestId);

    /** The rows after the first of the batch the request leads; none when it leads no batch. */
    @Query(
            value = "select f.request_id from request_batch_row l join request_batch_row f on f.batch_id = l.batch_id"
                    + " where l.request_id = :leadId and l.row_index = 0 and f.row_index > 0 order by f.row_index",
            nativeQuery = true)
    List<UUID> findFollowersOf(UUID leadId);

    /** The first row of the request's batch, whose approval decides it. */
    @Query(
            value = "select l.request_id from request_batch_row r join request_batch_row l on l.batch_id = r.batch_id"
                    + " where r.request_id = :requestId and l.row_index = 0",
            nativeQuery = true)
    Optional<UUID> findLeadOf(UUID requestId);

    /** A request's row in its batch. */
    interface RowOf {
        UUID getBatchId();

        int getRowIndex();

        UUID getLeadId();
    }

    @Query(
            value = "select r.batch_id as batchId, r.row_index as rowIndex, l.request_id as leadId"
                    + " from request_batch_row r join request_batch_row l on l.batch_id = r.batch_id and l.row_index = 0"
                    + " where r.request_id = :requestId",
            nativeQuery = true)
    Optional<RowOf> findRowOf(UUID requestId);

    @Query(
            value = "select count(*) from request_batch_row r join vending_request v on v.id = r.request_id"
                    + " where r.batch_id = :batchId and v.state = 'FAILED'",
            nativeQuery = true)
    int countFailedRows(UUID batchId);
}
