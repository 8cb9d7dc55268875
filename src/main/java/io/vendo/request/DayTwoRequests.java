package io.vendo.request;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.catalog.StackSetChoice;
import io.vendo.identity.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files day-2 requests (UPDATE, EXTEND, DECOMMISSION) for the environment module, which decides whether one may be
 * filed (owner, one at a time, lifetime, retired versions) before it asks. A day-2 request goes the way a PROVISION
 * request goes: submitted, approved by the policy that applies to its kind, executed, audited.
 */
@Service
@NamedInterface(name = "day-two", propagate = false)
public class DayTwoRequests {

    private static final Logger log = LoggerFactory.getLogger(DayTwoRequests.class);

    private final RequestRepository repository;
    private final Catalog catalog;
    private final SecretParameters secrets;
    private final StackSetChoices stackSetChoices;
    private final Clock clock;

    DayTwoRequests(
            RequestRepository repository,
            Catalog catalog,
            SecretParameters secrets,
            StackSetChoices stackSetChoices,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.secrets = secrets;
        this.stackSetChoices = stackSetChoices;
        this.clock = clock;
    }

    /**
     * Stores an UPDATE request as {@link RequestState#PENDING_APPROVAL}, in the caller's transaction, after validating
     * its values against the version's form exactly as a PROVISION request's are. A value not given is kept: the
     * environment's current one (NoEcho values too, re-encrypted for the new request; nobody sees them), or the
     * version's default for a parameter the environment did not have. For a stack (a Service Catalog product), AWS
     * computes the change set (the plan) before approvers are invited ({@link NewRequest#previewFirst()}).
     *
     * @param current the request whose values the environment runs with now (its PROVISION or last UPDATE)
     * @param version the version to run: the environment's own, or a newer one
     * @param values the values to change; NoEcho ones left blank or {@value RequestView#MASK} are kept
     * @throws io.vendo.catalog.InvalidParametersException for values CloudFormation would refuse
     * @throws NothingToUpdateException when neither the version nor any value changes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RequestView update(
            UUID environmentId,
            UUID current,
            BlueprintVersionDetails version,
            UUID targetId,
            Map<String, String> values,
            String justification,
            Actor requester) {
        return file(environmentId, current, version, targetId, values, justification, requester, null)
                .orElseThrow(() -> new NothingToUpdateException(environmentId, version.number()));
    }

    /**
     * Like {@link #update}, for a row of a fleet's update: led by the update's first row, whose approval decides it
     * (none for that first row itself). Nothing to change is no refusal here: the row is left out.
     *
     * @return the request; empty when neither the version nor any value changes for this environment
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<RequestView> updateInFleet(
            UUID environmentId,
            UUID current,
            BlueprintVersionDetails version,
            UUID targetId,
            Map<String, String> values,
            String justification,
            Actor requester,
            @Nullable UUID ledBy) {
        return file(environmentId, current, version, targetId, values, justification, requester, ledBy);
    }

    private java.util.Optional<RequestView> file(
            UUID environmentId,
            UUID current,
            BlueprintVersionDetails version,
            UUID targetId,
            Map<String, String> values,
            String justification,
            Actor requester,
            @Nullable UUID ledBy) {
        var previous = repository.findById(current).orElseThrow(() -> new RequestNotFoundException(current));
        var before = secrets.values(previous);
        var secretNames = SecretParameters.noEcho(version.parameters());
        var declared =
                version.parameters().stream().map(ParameterDefinition::name).collect(Collectors.toSet());
        var merged = new LinkedHashMap<String, String>();
        before.forEach((name, value) -> {
            if (declared.contains(name)) {
                merged.put(name, value);
            }
        });
        values.forEach((name, value) -> {
            var kept = secretNames.contains(name) && (value.isBlank() || RequestView.MASK.equals(value));
            if (!kept) {
                merged.put(name, value);
            }
        });
        var target = catalog.target(targetId);
        var validated = catalog.validateParameters(version, merged);
        // A StackSet's OUs are those it was created for, which an UPDATE keeps (and passes on to the next).
        var stackSet = stackSetChoices.find(current).orElse(StackSetChoice.NONE);
        catalog.checkPlacement(version, target, validated, stackSet);
        if (version.versionId().equals(previous.toView().blueprintVersionId()) && validated.equals(before)) {
            return java.util.Optional.empty();
        }
        var id = UUID.randomUUID();
        var stored = secrets.store(id, validated, secretNames);
        var request = VendingRequest.submit(
                new NewRequest(
                        id,
                        RequestKind.UPDATE,
                        environmentId,
                        null,
                        version,
                        target,
                        stored.ordinary(),
                        stored.sealed(),
                        justification.strip(),
                        requester,
                        // Stacks preview a change set, Service Catalog products a provisioned product plan.
                        version.kind() == BlueprintKind.STACK
                                || version.kind() == BlueprintKind.SERVICE_CATALOG_PRODUCT,
                        // StackSets compute neither: approvers see the values that change.
                        version.kind() == BlueprintKind.STACK_SET
                                ? ParameterChanges.preview(version, before, validated, secretNames, clock.instant())
                                : null),
                ledBy,
                clock.instant());
        var saved = repository.save(request).toView();
        stackSetChoices.keep(id, stackSet);
        log.info(
                "Request {} filed: UPDATE of environment {} to {} v{} by {}",
                id,
                environmentId,
                version.slug(),
                version.number(),
                requester.username());
        return java.util.Optional.of(saved);
    }

    /**
     * Stores the request as {@link RequestState#PENDING_APPROVAL}, in the caller's transaction: the environment that
     * becomes busy with it commits with it (and its approval opens in it too, or it is approved at once).
     *
     * @param requestedExpiry the expiry an EXTEND request asks for; none for the other kinds
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RequestView file(
            RequestKind kind,
            UUID environmentId,
            UUID blueprintVersionId,
            UUID targetId,
            @Nullable Instant requestedExpiry,
            String justification,
            Actor requester) {
        if (!kind.dayTwo() || kind == RequestKind.UPDATE) {
            throw new IllegalArgumentException("Not a day-2 kind filed without values: " + kind);
        }
        var id = UUID.randomUUID();
        var request = VendingRequest.submit(
                new NewRequest(
                        id,
                        kind,
                        environmentId,
                        requestedExpiry,
                        catalog.version(blueprintVersionId),
                        catalog.target(targetId),
                        Map.of(),
                        Map.of(),
                        justification.strip(),
                        requester,
                        false,
                        null),
                clock.instant());
        var saved = repository.save(request).toView();
        log.info("Request {} filed: {} of environment {} by {}", id, kind, environmentId, requester.username());
        return saved;
    }
}
