package io.vendo.approval.web;

import io.vendo.approval.ApprovalPolicies;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.web.ApprovalForecast;
import org.springframework.stereotype.Component;

/** Tells the request form's review who will have to approve: the policy the approval would be opened under now. */
@Component
class PolicyForecast implements ApprovalForecast {

    private final ApprovalPolicies policies;
    private final Catalog catalog;

    PolicyForecast(ApprovalPolicies policies, Catalog catalog) {
        this.policies = policies;
        this.catalog = catalog;
    }

    @Override
    public String whoMustApprove(String blueprintSlug, EnvironmentTier tier, String team) {
        var named = catalog.blueprint(blueprintSlug).metadata().approvalPolicy();
        var policy = policies.applicableTo(blueprintSlug, tier, team, named);
        return policy.autoApprove()
                ? "Nobody: it is approved automatically (policy %s)".formatted(policy.name())
                : "%s (policy %s); never yourself".formatted(policy.rule(), policy.name());
    }
}
