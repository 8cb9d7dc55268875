package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.environment.Environments;
import io.vendo.execution.stackset.StackSetSpec;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job of a request's step: the pinned blueprint version, the target, the tags every created resource carries
 * (computed from the submission, so every step computes the same), the parameters and the environment's handles (or
 * the StackSet deployment targets the request chose).
 */
@Component
class Jobs {

    private final Requests requests;
    private final Catalog catalog;
    private final Environments environments;
    private final ExecutionProperties properties;

    Jobs(Requests requests, Catalog catalog, Environments environments, ExecutionProperties properties) {
        this.requests = requests;
        this.catalog = catalog;
        this.environments = environments;
        this.properties = properties;
    }

    /**
     * The job of one step. Only a live run can decrypt NoEcho values, and only when an executor builds a call with
     * them ({@link DeploymentParameters#forAws()}); a dry run's plan is stored and shown, so it only ever sees ****.
     * Read in one transaction: every step of every request reads its job, and the version, the target, the blueprint
     * and the environment were four transactions of their own (the blueprint read twice).
     */
    @Transactional(readOnly = true)
    Job of(RequestView request, boolean live) {
        var blueprint = catalog.version(request.blueprintVersionId());
        var target = catalog.target(request.targetId());
        var tags = new LinkedHashMap<String, String>(blueprint.tags());
        tags.put("vendo:request-id", request.id().toString());
        tags.put("vendo:blueprint", blueprint.slug());
        tags.put("vendo:requester", request.requester());
        if (!request.team().isBlank()) {
            tags.put("vendo:team", request.team());
        }
        var costCentre = request.parameters().get(properties.costCentreParameter());
        if (costCentre != null && !costCentre.isBlank() && !costCentre.equals(RequestView.MASK)) {
            tags.put("vendo:cost-centre", costCentre);
        }
        // From the submission, not from the first run, so every step computes the same tags.
        var lifetime = catalog.blueprint(blueprint.blueprintId()).metadata().maxLifetime();
        if (lifetime != null) {
            tags.put(
                    "vendo:expires-on",
                    LocalDate.ofInstant(request.submittedAt().plus(lifetime), ZoneOffset.UTC)
                            .toString());
        }
        var secrets = blueprint.parameters().stream()
                .filter(ParameterDefinition::noEcho)
                .map(ParameterDefinition::name)
                .collect(Collectors.toUnmodifiableSet());
        var parameters = live
                ? DeploymentParameters.live(
                        request.parameters(), secrets, () -> requests.deploymentParameters(request.id()))
                : DeploymentParameters.dryRun(request.parameters(), secrets);
        return new Job(
                request.id(),
                parameters,
                blueprint,
                target,
                tags,
                properties.terminationProtection().contains(target.environment()),
                request.kind(),
                handles(request, blueprint.kind()));
    }

    /**
     * A day-2 request's environment's handles; for a StackSet PROVISION request that chose its OUs or regions, those,
     * under the names its environment will keep them by.
     */
    private Map<String, String> handles(RequestView request, BlueprintKind kind) {
        if (request.environmentId() != null) {
            return environments.require(request.environmentId()).handles();
        }
        return kind == BlueprintKind.STACK_SET
                ? requests.stackSetChoiceOf(request.id())
                        .map(StackSetSpec::chosen)
                        .orElse(Map.of())
                : Map.of();
    }
}
