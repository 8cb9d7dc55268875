package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.request.DayTwoRequests;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestView;
import io.vendo.request.StandingEnvironments;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The environment module's door: reading environments, and filing day-2 requests for them after deciding whether they
 * may be filed. Whoever may see an environment: its owner, the owning team's members, admins (integrations with a
 * read scope like requesters). Whoever may act on it: its owner and admins. Refusals store nothing.
 */
@Service
@Transactional
public class Environments implements StandingEnvironments {

    /**
     * The output of a DECOMMISSION request that says what AWS kept (resources retained by their deletion policy, an
     * account moved to a suspended OU instead of closed); none when nothing was kept.
     */
    public static final String KEPT = "Kept";

    /** The kinds whose environments Vendo updates. */
    private static final Set<BlueprintKind> UPDATABLE =
            EnumSet.of(BlueprintKind.STACK, BlueprintKind.SERVICE_CATALOG_PRODUCT, BlueprintKind.STACK_SET);

    /** Whether Vendo updates environments of this kind (accounts and composites are not updated yet). */
    static boolean updatable(BlueprintKind kind) {
        return UPDATABLE.contains(kind);
    }

    private final EnvironmentRepository repository;
    private final DayTwoRequests dayTwo;
    private final Catalog catalog;
    private final AccountRetirementCheck retirement;
    private final Clock clock;

    Environments(
            EnvironmentRepository repository,
            DayTwoRequests dayTwo,
            Catalog catalog,
            AccountRetirementCheck retirement,
            Clock clock) {
        this.repository = repository;
        this.dayTwo = dayTwo;
        this.catalog = catalog;
        this.retirement = retirement;
        this.clock = clock;
    }

    /** @throws EnvironmentNotFoundException also when it exists but the viewer may not see it */
    @Transactional(readOnly = true)
    public EnvironmentView get(UUID id, Actor viewer) {
        return visible(id, viewer).toView();
    }

    /** For other modules, which authorise on their own terms. */
    @Transactional(readOnly = true)
    public EnvironmentView require(UUID id) {
        return repository.findById(id).map(Environment::toView).orElseThrow(() -> new EnvironmentNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public EnvironmentSearch.Result search(EnvironmentSearch search, Actor viewer) {
        requireReader(viewer);
        var matching =
                EnvironmentSpecifications.visibleTo(viewer).and(EnvironmentSpecifications.matching(search, viewer));
        var sort = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        var found = repository.findBy(
                matching, query -> query.sortBy(sort).limit(search.limit() + 1).all());
        var page = found.stream().limit(search.limit()).map(Environment::toView).toList();
        return new EnvironmentSearch.Result(page, found.size() > search.limit());
    }

    /**
     * Files an EXTEND request for a later expiry, no later than the blueprint's maximum lifetime from now.
     *
     * @throws EnvironmentNotFoundException when the actor may not see it
     * @throws DayTwoRefusedException when the actor is not its owner (nor an admin), it is busy with another day-2
     *     request, it has no lease, or the expiry is not later or past the maximum lifetime
     */
    public RequestView extend(UUID id, Instant expiresAt, String justification, Actor actor) {
        var environment = forDayTwo(id, RequestKind.EXTEND, actor);
        var current = environment.lease().expiresAt();
        if (current == null) {
            throw DayTwoRefusedException.noLease(id);
        }
        if (!expiresAt.isAfter(current)) {
            throw DayTwoRefusedException.notLater(current, expiresAt);
        }
        var lifetime = catalog.blueprint(environment.origin().blueprintSlug())
                .metadata()
                .maxLifetime();
        if (lifetime != null) {
            var latest = clock.instant().plus(lifetime);
            if (expiresAt.isAfter(latest)) {
                throw DayTwoRefusedException.pastLifetime(latest, expiresAt, lifetime.toString());
            }
        }
        return file(environment, RequestKind.EXTEND, expiresAt, justification, actor);
    }

    /**
     * Files an UPDATE request: new parameter values and/or a newer version of the environment's blueprint, validated
     * against that version's form exactly as a new request's values are. Values not given are kept (NoEcho ones
     * too, unless entered again). For a stack, AWS computes the change set first and approvers see it before they
     * decide.
     *
     * @param version the blueprint version to run; none: the environment's own
     * @throws EnvironmentNotFoundException when the actor may not see it
     * @throws DayTwoRefusedException when the actor is not its owner (nor an admin), it is busy with another day-2
     *     request or not ACTIVE (or DRIFTED), its blueprint is retired, the version is older than its own or does
     *     not exist, or its kind cannot be updated by Vendo yet
     * @throws io.vendo.catalog.InvalidParametersException for values CloudFormation would refuse
     */
    public RequestView update(
            UUID id, @Nullable Integer version, Map<String, String> values, String justification, Actor actor) {
        var environment = forDayTwo(id, RequestKind.UPDATE, actor);
        var origin = environment.origin();
        if (!UPDATABLE.contains(origin.blueprintKind())) {
            throw DayTwoRefusedException.notUpdatable(id, origin.blueprintKind());
        }
        var blueprint = catalog.blueprint(origin.blueprintSlug());
        if (blueprint.retired()) {
            throw DayTwoRefusedException.retired(blueprint.slug());
        }
        var number = version == null ? origin.blueprintVersion() : version;
        if (number < origin.blueprintVersion() || number > blueprint.latestVersion()) {
            throw DayTwoRefusedException.noSuchVersion(
                    blueprint.slug(), number, origin.blueprintVersion(), blueprint.latestVersion());
        }
        var request = dayTwo.update(
                environment.id(),
                environment.deployment().parametersFrom(),
                catalog.version(blueprint.slug(), number),
                origin.targetId(),
                values,
                justification,
                actor);
        environment.filed(request.id(), RequestKind.UPDATE, actor.username(), clock.instant());
        repository.save(environment);
        return request;
    }

    /**
     * The versions an environment the caller read already ({@link #get}) may be updated to: its own and the newer
     * ones, newest first; none when its blueprint is retired.
     */
    public List<Integer> updatableVersions(EnvironmentView environment) {
        var blueprint = catalog.blueprint(environment.blueprintSlug());
        if (blueprint.retired()) {
            return List.of();
        }
        return IntStream.rangeClosed(environment.blueprintVersion(), blueprint.latestVersion())
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /**
     * Files a DECOMMISSION request: everything the environment holds in AWS is removed once it is approved.
     *
     * @throws EnvironmentNotFoundException when the actor may not see it
     * @throws DayTwoRefusedException when the actor is not its owner (nor an admin), it is busy with another day-2
     *     request, it is decommissioned already, or it is an account whose blueprint does not say how it is retired
     */
    public RequestView decommission(UUID id, String justification, Actor actor) {
        var environment = forDayTwo(id, RequestKind.DECOMMISSION, actor);
        var unretirable = retirement.refusal(environment);
        if (unretirable.isPresent()) {
            throw unretirable.get();
        }
        return file(environment, RequestKind.DECOMMISSION, null, justification, actor);
    }

    /**
     * Pauses (or resumes) the lease's expiry: while paused, neither reminders nor decommissioning.
     *
     * @throws AccessDeniedException unless the actor is an admin
     */
    public EnvironmentView pauseExpiry(UUID id, boolean pause, Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("%s may not pause leases".formatted(actor.username()));
        }
        var environment = repository.lockById(id).orElseThrow(() -> new EnvironmentNotFoundException(id));
        environment.pauseExpiry(pause, actor.username(), clock.instant());
        return repository.save(environment).toView();
    }

    /** Environments of the blueprint the team holds: quotas count them. */
    @Override
    @Transactional(readOnly = true)
    public long count(String blueprintSlug, String team) {
        var standing = EnumSet.copyOf(Arrays.stream(EnvironmentStatus.values())
                .filter(EnvironmentStatus::standing)
                .toList());
        return repository.countByBlueprintSlugAndTeamAndStatusIn(blueprintSlug, team, standing);
    }

    /** Locked until the transaction ends, so that of two day-2 requests filed at once the second sees the first. */
    private Environment forDayTwo(UUID id, RequestKind kind, Actor actor) {
        if (!actor.has(Role.REQUESTER)) {
            throw new AccessDeniedException("%s may not file requests".formatted(actor.username()));
        }
        var environment = lockForOwner(id, actor);
        environment.refuseUnlessFree(kind);
        return environment;
    }

    /**
     * Locked until the transaction ends, for its owner or an admin to act on.
     *
     * @throws EnvironmentNotFoundException when the actor may not see it
     * @throws DayTwoRefusedException when the actor may see it but is not its owner (nor an admin)
     */
    Environment lockForOwner(UUID id, Actor actor) {
        var environment = repository
                .lockById(id)
                .filter(found -> found.ownership().visibleTo(actor))
                .orElseThrow(() -> new EnvironmentNotFoundException(id));
        if (!environment.ownership().ownedBy(actor)) {
            throw DayTwoRefusedException.notOwner(id, environment.ownership().owner());
        }
        return environment;
    }

    private RequestView file(
            Environment environment,
            RequestKind kind,
            @Nullable Instant requestedExpiry,
            String justification,
            Actor actor) {
        var request = dayTwo.file(
                kind,
                environment.id(),
                environment.origin().blueprintVersionId(),
                environment.origin().targetId(),
                requestedExpiry,
                justification,
                actor);
        environment.filed(request.id(), kind, actor.username(), clock.instant());
        repository.save(environment);
        return request;
    }

    /** @throws EnvironmentNotFoundException also when it exists but the viewer may not see it */
    Environment visible(UUID id, Actor viewer) {
        requireReader(viewer);
        return repository
                .findById(id)
                .filter(environment -> environment.ownership().visibleTo(viewer))
                .orElseThrow(() -> new EnvironmentNotFoundException(id));
    }

    private static void requireReader(Actor viewer) {
        if (!viewer.mayReadRequests()) {
            throw new AccessDeniedException("%s may not read environments".formatted(viewer.username()));
        }
    }
}
