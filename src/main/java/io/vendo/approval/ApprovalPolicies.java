package io.vendo.approval;

import io.vendo.catalog.ApprovalPolicyNames;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin-managed approval policies, and which one applies to a request. Blueprints may name a policy; the catalog
 * asks here which names exist ({@link ApprovalPolicyNames}), and a policy that blueprints name cannot be removed.
 */
@Service
@Transactional
@NamedInterface(name = "policies", propagate = false)
public class ApprovalPolicies implements ApprovalPolicyNames {

    static final String DEFAULT = "default";

    private final ApprovalPolicyRepository repository;
    private final Catalog catalog;
    private final Clock clock;

    ApprovalPolicies(ApprovalPolicyRepository repository, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SortedSet<String> policyNames() {
        return repository.findAllByOrderByNameAsc().stream()
                .map(ApprovalPolicy::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Transactional(readOnly = true)
    public List<PolicyView> all() {
        return repository.findAllByOrderByNameAsc().stream()
                .map(ApprovalPolicy::toView)
                .toList();
    }

    /**
     * Adds a policy unless one with the same name exists (then returns that one).
     *
     * @throws PolicyRefusedException for a policy that neither approves automatically nor requires anyone
     */
    public PolicyView add(NewPolicy policy) {
        if (!policy.autoApprove() && policy.requirements().isEmpty()) {
            throw PolicyRefusedException.noRequirement();
        }
        return repository
                .findByName(policy.name())
                .orElseGet(() -> repository.save(new ApprovalPolicy(policy, clock.instant())))
                .toView();
    }

    /**
     * Removes a policy; the default one stays. Pending approvals keep the snapshot they were opened with.
     *
     * @throws PolicyRefusedException for an unknown policy, the default one, and one that blueprints name (their
     *     requests would otherwise have no policy to be decided by; the refusal names them)
     */
    public void remove(UUID id) {
        var policy = repository.findById(id).orElseThrow(() -> PolicyRefusedException.unknown(id));
        if (policy.name().equals(DEFAULT)) {
            throw PolicyRefusedException.defaultPolicy();
        }
        var naming = catalog.blueprintsNamingPolicy(policy.name());
        if (!naming.isEmpty()) {
            throw PolicyRefusedException.inUse(policy.name(), naming);
        }
        repository.delete(policy);
    }

    /** The most specific policy whose scope matches; the default one when no other does. */
    @Transactional(readOnly = true)
    public PolicyView applicableTo(String blueprint, EnvironmentTier environment, String team) {
        return resolve(blueprint, environment, team).toView();
    }

    /**
     * The policy a PROVISION request of this scope would be opened under now (what {@link Approvals} snapshots at
     * submission).
     */
    @Transactional(readOnly = true)
    public PolicyView applicableTo(
            String blueprint, EnvironmentTier environment, String team, @Nullable String namedByBlueprint) {
        return resolve(RequestKind.PROVISION, blueprint, environment, team, namedByBlueprint)
                .toView();
    }

    /**
     * The most specific policy scoped to the request's kind whose scope matches (a sandbox's extensions approve
     * themselves, whatever the blueprint names); otherwise the policy the blueprint names, when it names one that
     * exists; otherwise the most specific one whose scope matches. A named policy applies in every environment the
     * blueprint is deployed to.
     */
    ApprovalPolicy resolve(
            RequestKind kind,
            String blueprint,
            EnvironmentTier environment,
            String team,
            @Nullable String namedByBlueprint) {
        // One read of the (few) policies answers every step below: a submission resolves its policy in its own
        // transaction.
        var policies = repository.findAllByOrderByNameAsc();
        var forKind = policies.stream()
                .filter(policy -> policy.matches(kind, blueprint, environment, team))
                .max(Comparator.comparingInt(ApprovalPolicy::specificity));
        if (forKind.isPresent()) {
            return forKind.get();
        }
        if (namedByBlueprint != null) {
            // A name that no longer resolves (stored before names were checked) never falls back to a laxer policy.
            return policies.stream()
                    .filter(policy -> policy.name().equals(namedByBlueprint))
                    .findFirst()
                    .orElseThrow(() -> PolicyRefusedException.vanished(blueprint, namedByBlueprint));
        }
        return mostSpecific(policies, blueprint, environment, team);
    }

    ApprovalPolicy resolve(String blueprint, EnvironmentTier environment, String team) {
        return mostSpecific(repository.findAllByOrderByNameAsc(), blueprint, environment, team);
    }

    private static ApprovalPolicy mostSpecific(
            List<ApprovalPolicy> policies, String blueprint, EnvironmentTier environment, String team) {
        return policies.stream()
                .filter(policy -> policy.matches(blueprint, environment, team))
                .max(Comparator.comparingInt(ApprovalPolicy::specificity))
                .orElseThrow(() -> new IllegalStateException("The default approval policy is missing"));
    }
}
