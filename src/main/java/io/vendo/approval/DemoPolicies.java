package io.vendo.approval;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The local run's policies: production needs a team lead and the platform team; extensions of sandboxes approve
 * themselves; decommissions of production need the platform team.
 */
@Component
@ConditionalOnBooleanProperty("vendo.approval.demo")
// Before the demo catalog is loaded: its team-account blueprint names this policy, and a name must exist.
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoPolicies implements ApplicationRunner {

    private final ApprovalPolicies policies;

    DemoPolicies(ApprovalPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        policies.add(new NewPolicy(
                "production",
                null,
                EnvironmentTier.PROD,
                null,
                false,
                List.of(new Requirement("team-leads", 1), new Requirement("platform-team", 1)),
                "admins"));
        policies.add(new NewPolicy(
                "sandbox-extensions", null, EnvironmentTier.SANDBOX, null, RequestKind.EXTEND, true, List.of(), null));
        policies.add(new NewPolicy(
                "production-decommissions",
                null,
                EnvironmentTier.PROD,
                null,
                RequestKind.DECOMMISSION,
                false,
                List.of(new Requirement("platform-team", 1)),
                "admins"));
    }
}
