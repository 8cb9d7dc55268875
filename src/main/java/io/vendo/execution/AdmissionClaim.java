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
 * <p>A composite request holds as many slots in its account, its region and overall as it can have components in
 * flight at once ({@link #compositeSlots}): each component is a stack of its own in the target account, so the limits
 * count stacks, whichever request they belong to. It takes them all when it is admitted and keeps them until it ends,
 * rather than asking for a slot per component as it goes: a composite that held some of its slots while it waited for
 * more could wait forever on another composite doing the same. In a batch it is still one row.
 *
 * @param region the target's region, where its AWS calls go (for a StackSet its home region, whose operations deploy
 *     to further regions); none for a row queued before regions were counted
 *
 * @param resource the StackSet, for {@link AdmissionService#STACK_SET}; else none
 * @param batch the batch the request is a row of; else none
 * @param batchLimit how many of its batch's rows may be in flight at once (with a batch)
 * @param slots how many operations it runs at once: 1, or a composite's {@link #compositeSlots}
 */
record AdmissionClaim(
        AdmissionService service,
        String accountId,
        @Nullable String region,
        @Nullable String resource,
        @Nullable UUID batch,
        int batchLimit,
        int slots) {

    static final String GLOBAL = "global";

    /**
     * The claim of a row of {@code execution_admission} (its columns service, account_id, region, resource, batch_id,
     * batch_limit, slots).
     */
    static AdmissionClaim read(ResultSet row) throws SQLException {
        return new AdmissionClaim(
                AdmissionService.valueOf(row.getString("service")),
                row.getString("account_id"),
                row.getString("region"),
                row.getString("resource"),
                row.getObject("batch_id", UUID.class),
                row.getInt("batch_limit"),
                row.getInt("slots"));
    }

    /**
     * The slots a composite holds: the most components it can have in flight at once (its graph's width), but never
     * more than its account's, its region's or the global limit, which would keep it queued for ever; its walk then
     * starts no more components at once than it holds.
     */
    static int compositeSlots(io.vendo.catalog.CompositeGraph graph, AdmissionProperties limits) {
        var limit = Math.min(limits.cloudFormationPerAccount(), Math.min(limits.perRegion(), limits.global()));
        return Math.max(1, Math.min(graph.width(), limit));
    }

    /** The limit scopes this claim counts against, each with its limit. */
    List<Scope> scopes(AdmissionProperties limits) {
        var scopes = new ArrayList<Scope>();
        scopes.add(new Scope(GLOBAL, limits.global(), slots));
        if (region != null) {
            scopes.add(new Scope("region/" + region, limits.perRegion(), slots));
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
                scopes.add(new Scope("STACK_SET/" + accountId + "/" + resource, limits.perStackSet(), slots));
            }
        }
        if (batch != null) {
            // A batch limits rows in flight, whatever each row runs.
            scopes.add(new Scope("batch/" + batch, batchLimit, 1));
        }
        return scopes;
    }

    private Scope perAccount(AdmissionService quota, int limit) {
        return new Scope(quota + "/" + accountId, limit, slots);
    }

    /** @param weight how many of the scope's slots the claim takes */
    record Scope(String key, int limit, int weight) {

        /** Whether the claim fits beside what is taken already. */
        boolean fits(java.util.Map<String, Integer> taken) {
            return taken.getOrDefault(key, 0) + weight <= limit;
        }
    }
}
