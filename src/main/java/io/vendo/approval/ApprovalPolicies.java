package io.vendo.approval;

import io.vendo.catalog.EnvironmentTier;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** The admin-managed approval policies, and which one applies to a request. */
@Service
@Transactional
public class ApprovalPolicies {

    static final String DEFAULT = "default";

    private final ApprovalPolicyRepository repository;
    private final Clock clock;

    ApprovalPolicies(ApprovalPolicyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PolicyView> all() {
        return repository.findAllByOrderByNameAsc().stream()
                .map(ApprovalPolicy::toView)
                .toList();
    }

    /** Adds a policy unless one with the same name exists (then returns that one). */
    public PolicyView add(NewPolicy policy) {
        if (!policy.autoApprove() && policy.requirements().isEmpty()) {
            throw badRequest("A policy that does not approve automatically needs at least one requirement");
        }
        return repository
                .findByName(policy.name())
                .orElseGet(() -> repository.save(new ApprovalPolicy(policy, clock.instant())))
                .toView();
    }

    /** Removes a policy; the default one stays. Pending approvals keep the snapshot they were opened with. */
    public void remove(UUID id) {
        var policy = repository.findById(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
        if (policy.name().equals(DEFAULT)) {
            throw badRequest("The default policy cannot be removed; change it instead");
        }
        repository.delete(policy);
    }

    /** The most specific policy whose scope matches; the default one when no other does. */
    @Transactional(readOnly = true)
    public PolicyView applicableTo(String blueprint, EnvironmentTier environment, String team) {
        return resolve(blueprint, environment, team).toView();
    }

    /**
     * The policy a blueprint names, when it names one that exists; otherwise the most specific one whose scope
     * matches. A named policy applies in every environment the blueprint is deployed to.
     */
    ApprovalPolicy resolve(
            String blueprint, EnvironmentTier environment, String team, @Nullable String namedByBlueprint) {
        if (namedByBlueprint != null) {
            var named = repository.findByName(namedByBlueprint);
            if (named.isPresent()) {
                return named.get();
            }
        }
        return resolve(blueprint, environment, team);
    }

    ApprovalPolicy resolve(String blueprint, EnvironmentTier environment, String team) {
        return repository.findAllByOrderByNameAsc().stream()
                .filter(policy -> policy.matches(blueprint, environment, team))
                .max(Comparator.comparingInt(ApprovalPolicy::specificity))
                .orElseThrow(() -> new IllegalStateException("The default approval policy is missing"));
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
