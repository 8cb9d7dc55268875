package io.vendo.execution.account;

import io.vendo.execution.AwsTarget;
import io.vendo.execution.Job;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to retire one environment's account through Organizations, as the target's role (the
 * organization's management account, or its delegated administrator).
 *
 * @param accountId the account the environment's PROVISION request created
 * @param suspendedOrganizationalUnit the OU id the account is moved into; none when it is closed
 */
public record AccountRetirementSpec(
        UUID requestId, String accountId, @Nullable String suspendedOrganizationalUnit, AwsTarget target) {

    /** The account of the environment the DECOMMISSION request acts on, retired as its blueprint version says. */
    static AccountRetirementSpec of(Job job) {
        var accountId = job.handles().get("AccountId");
        if (accountId == null) {
            throw new IllegalStateException("Request %s: its environment has no AccountId".formatted(job.requestId()));
        }
        return new AccountRetirementSpec(
                job.requestId(), accountId, job.blueprint().delivery().suspendedOrganizationalUnit(), job.target());
    }
}
