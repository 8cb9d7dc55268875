package io.vendo.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one request's operation occupies while it runs: a service in an account, the region its calls go to, for a
 * StackSet the StackSet itself, and for a row of a batch a place among its batch's rows in flight.
 *
 * @param region the target's region, where its AWS calls go (for a StackSet its home region, whose operations deploy
 *     to further regions); none for a row queued before regions were counted
 *
 * @param resource the StackSet, for {@link AdmissionService#STACK_SET}; else none
 * @param batch the batch the request is a row of; else none
 * @param batchLimit how many of its batch's rows may be in flight at once (with a batch)
 */
record AdmissionClaim(
        AdmissionService service,
        String accountId,
        @Nullable String region,
        @Nullable String resource,
        @Nullable UUID batch,
        int batchLimit) {

    static final String GLOBAL = "global";

    /**
     * The claim of a row of {@code execution_admission} (its columns service, account_id, region, resource, batch_id,
     * batch_limit).
     */
    static AdmissionClaim read(ResultSet row) throws SQLException {
        return new AdmissionClaim(
                AdmissionService.valueOf(row.getString("service")),
                row.getString("account_id"),
                row.getString("region"),
                row.getString("resource"),
                row.getObject("batch_id", UUID.class),
                row.getInt("batch_limit"));
    }

    /** The limit scopes this claim counts against, each with its limit. */
    List<Scope> scopes(AdmissionProperties limits) {
        var scopes = new ArrayList<Scope>();
        scopes.add(new Scope(GLOBAL, limits.global()));
        if (region != null) {
            scopes.add(new Scope("region/" + region, limits.perRegion()));
        }
        switch (service) {
            case CLOUDFORMATION ->
                scopes.add(perAccount(AdmissionService.CLOUDFORMATION, limits.cloudFormationPerAccount()));
            case CONTROL_TOWER -> scopes.add(perAccount(AdmissionService.CONTROL_TOWER, limits.accountOperations()));
            case SERVICE_CATALOG ->
                scopes.add(perAccount(AdmissionService.SERVICE_CATALOG, limits.serviceCatalogPerAccount()));
            case STACK_SET -> {
                // A StackSet operation is a CloudFormation operation in the administrator account, and the StackSet
                // accepts one at a time.
                scopes.add(perAccount(AdmissionService.CLOUDFORMATION, limits.cloudFormationPerAccount()));
                scopes.add(new Scope("STACK_SET/" + accountId + "/" + resource, limits.perStackSet()));
            }
        }
        if (batch != null) {
            scopes.add(new Scope("batch/" + batch, batchLimit));
        }
        return scopes;
    }

    private Scope perAccount(AdmissionService quota, int limit) {
        return new Scope(quota + "/" + accountId, limit);
    }

    record Scope(String key, int limit) {}
}
