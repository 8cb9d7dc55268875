package io.vendo.request;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.refusal.Refusal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request module's entry point: submission, cancellation and reads for people, integrations and other modules.
 * Other modules never move a request on themselves: they report progress ({@link RequestProgress}), and
 * {@link RequestTransitions} applies it.
 *
 * <p>Who sees what is decided here, whatever the URL rules say: a requester sees their own requests and their teams';
 * an approver also those they take part in deciding; an admin everything; an integration like a requester of its
 * configured teams, and only with a read scope. A request the caller may not see is answered as unknown (404), so
 * that ids leak nothing about other teams' requests.
 */
@Service
@Transactional
public class Requests {

    private static final Logger log = LoggerFactory.getLogger(Requests.class);

    /** Requests that hold or will hold something in AWS: they keep account e-mails. */
    static final Set<RequestState> ACTIVE = EnumSet.of(
            RequestState.PENDING_APPROVAL, RequestState.APPROVED, RequestState.IN_PROGRESS, RequestState.SUCCEEDED);

    /** PROVISION requests on their way to an environment: with the environments, they count against quotas. */
    static final Set<RequestState> ON_THEIR_WAY =
            EnumSet.of(RequestState.PENDING_APPROVAL, RequestState.APPROVED, RequestState.IN_PROGRESS);

    private final RequestRepository repository;
    private final Catalog catalog;
    private final RequestParticipation participation;
    private final SecretParameters secrets;
    private final ObjectProvider<OrganizationAccounts> organization;
    private final ObjectProvider<StandingEnvironments> environments;
    private final PromotionChecks promotions;
    private final Clock clock;

    Requests(
            RequestRepository repository,
            Catalog catalog,
            RequestParticipation participation,
            SecretParameters secrets,
            ObjectProvider<OrganizationAccounts> organization,
            ObjectProvider<StandingEnvironments> environments,
            PromotionChecks promotions,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.participation = participation;
        this.secrets = secrets;
        this.organization = organization;
        this.environments = environments;
        this.promotions = promotions;
        this.clock = clock;
    }

    /**
     * Validates and stores a request as {@link RequestState#PENDING_APPROVAL}.
     *
     * @throws io.vendo.catalog.CatalogItemNotFoundException for an unknown blueprint or target
     * @throws io.vendo.catalog.InvalidParametersException for values CloudFormation would refuse, and an account
     *     e-mail an earlier request uses
     * @throws io.vendo.catalog.TargetNotAllowedException for a target the blueprint may not deploy to
     * @throws io.vendo.catalog.BlueprintRetiredException for a retired blueprint
     * @throws QuotaExceededException when the team has reached the blueprint's quota
     * @throws PromotionRefusedException for further targets that are unknown, repeated or do not take the blueprint
     */
    public RequestView submit(SubmitRequest submission, Actor requester) {
        if (!requester.has(Role.REQUESTER)) {
            throw new AccessDeniedException("%s may not submit requests".formatted(requester.username()));
        }
        var blueprint = catalog.latestVersion(submission.blueprint());
        var target = catalog.target(submission.target());
        var parameters = catalog.validateParameters(blueprint, submission.parameters());
        catalog.checkPlacement(blueprint, target, parameters);
        var promotion = promotions.check(blueprint, target, submission.promotion());
        refuseOverQuota(blueprint, requester.primaryTeam());
        if (blueprint.kind() == BlueprintKind.ACCOUNT) {
            var email = parameters.getOrDefault("AccountEmail", "");
            refuseEmailOfAnAccount(target, email);
            refuseTakenAccountEmail(email);
        }
        var id = UUID.randomUUID();
        var stored = secrets.store(id, parameters, SecretParameters.noEcho(blueprint.parameters()));
        var request = VendingRequest.submit(
                new NewRequest(
                        id,
                        blueprint,
                        target,
                        stored.ordinary(),
                        stored.sealed(),
                        submission.justification().strip(),
                        requester),
                clock.instant());
        var saved = repository.save(request).toView();
        promotions.announce(id, target, promotion, requester);
        log.info(
                "Request {} submitted: {} version {} on {} for team {}",
                id,
                blueprint.slug(),
                blueprint.number(),
                target.slug(),
                requester.primaryTeam());
        return saved;
    }

    /**
     * A request the viewer may see (see the class comment).
     *
     * @throws RequestNotFoundException also when the request exists but the viewer may not see it
     * @throws AccessDeniedException for an integration without a read scope
     */
    @Transactional(readOnly = true)
    public RequestView get(UUID id, Actor viewer) {
        requireReader(viewer);
        return visible(id, viewer).toView();
    }

    /**
     * A page of the requests the viewer may see that match the search, newest first (ties by id), so that pages
     * neither skip nor repeat a request while new ones arrive.
     */
    @Transactional(readOnly = true)
    public RequestSearch.Result search(RequestSearch search, Actor viewer) {
        requireReader(viewer);
        var matching = RequestSpecifications.visibleTo(viewer).and(RequestSpecifications.matching(search));
        var sort = Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"));
        var found = repository.findBy(
                matching, query -> query.sortBy(sort).limit(search.limit() + 1).all());
        var hasMore = found.size() > search.limit();
        var page =
                found.stream().limit(search.limit()).map(VendingRequest::toView).toList();
        return new RequestSearch.Result(page, hasMore);
    }

    /**
     * Every parameter value of a request with NoEcho ones decrypted: for the executor's call to AWS only, never to
     * show, log or store.
     */
    @Transactional(readOnly = true)
    public Map<String, String> deploymentParameters(UUID id) {
        return secrets.values(repository.findById(id).orElseThrow(() -> new RequestNotFoundException(id)));
    }

    /** For other modules, which authorise on their own terms. */
    @Transactional(readOnly = true)
    public RequestView require(UUID id) {
        return repository.findById(id).map(VendingRequest::toView).orElseThrow(() -> new RequestNotFoundException(id));
    }

    /**
     * @throws RequestNotFoundException when the actor may not see the request
     * @throws RequestCancellationRefusedException unless the actor is the requester
     */
    public RequestView cancel(UUID id, Actor actor) {
        var request = visible(id, actor);
        request.cancel(actor.username(), clock.instant());
        return repository.save(request).toView();
    }

    /**
     * Continues a failed composite request from its failed component: the components that succeeded keep their stacks,
     * the failed one and those it stopped are tried again (a new attempt, with stacks and tokens of its own).
     *
     * @throws RequestNotFoundException when the actor may not see the request
     * @throws RequestRetryRefusedException unless the actor is the requester of a failed composite PROVISION request
     * @throws RequestStateConflictException unless the request failed
     */
    public RequestView retry(UUID id, Actor actor) {
        var request = visible(id, actor);
        if (!actor.username().equals(request.requester())) {
            throw new RequestRetryRefusedException(
                    id, Refusal.Kind.NOT_ALLOWED, "Only the requester may retry request " + id);
        }
        if (catalog.version(request.toView().blueprintVersionId()).kind() != BlueprintKind.COMPOSITE) {
            throw new RequestRetryRefusedException(
                    id, "Only a composite request continues from its failed component; file a new request instead");
        }
        request.retry(actor.username(), clock.instant());
        return repository.save(request).toView();
    }

    private void refuseOverQuota(BlueprintVersionDetails blueprint, String team) {
        var quota = catalog.quotaPerTeam(blueprint.slug());
        if (quota.isEmpty()) {
            return;
        }
        repository.lockFor("quota:" + blueprint.slug() + ":" + team);
        var standing = environments.getIfAvailable();
        var active = repository.countByChoiceBlueprintSlugAndTeamAndKindAndStateIn(
                        blueprint.slug(), team, RequestKind.PROVISION, ON_THEIR_WAY)
                + (standing == null ? 0 : standing.count(blueprint.slug(), team));
        if (active >= quota.get()) {
            throw new QuotaExceededException(blueprint.slug(), team, quota.get());
        }
    }

    /** An account of the organization has the e-mail: AWS would refuse it, and Vendo must not take that account over. */
    private void refuseEmailOfAnAccount(TargetDetails target, String email) {
        var accounts = organization.getIfAvailable();
        var existing = accounts == null ? Optional.<String>empty() : accounts.accountWithEmail(target, email);
        if (existing.isPresent()) {
            throw new InvalidParametersException(Map.of(
                    "AccountEmail",
                    "%s already belongs to account %s of the organization: choose another e-mail"
                            .formatted(email, existing.get())));
        }
    }

    /** AWS refuses a second account with the same e-mail; a request that created nothing leaves it free. */
    private void refuseTakenAccountEmail(String email) {
        repository.lockFor("account-email:" + email.toLowerCase(Locale.ROOT));
        var taken = repository.countByAccountEmail(
                email, ACTIVE.stream().map(Enum::name).toList());
        if (taken > 0) {
            throw new InvalidParametersException(Map.of(
                    "AccountEmail",
                    "An earlier request already uses %s for an account: choose another e-mail".formatted(email)));
        }
    }

    /**
     * The request, if the actor may see it, for acting on it (deciding) where no read scope is needed.
     *
     * @throws RequestNotFoundException also when the request exists but the actor may not see it
     */
    @Transactional(readOnly = true)
    public RequestView requireVisible(UUID id, Actor actor) {
        return visible(id, actor).toView();
    }

    private VendingRequest visible(UUID id, Actor viewer) {
        return repository
                .findById(id)
                .filter(request -> mayView(viewer, request))
                .orElseThrow(() -> new RequestNotFoundException(id));
    }

    private boolean mayView(Actor viewer, VendingRequest request) {
        return viewer.has(Role.ADMIN)
                || viewer.username().equals(request.requester())
                || viewer.teams().contains(request.team())
                || participation.participates(request.id(), viewer);
    }

    private static void requireReader(Actor viewer) {
        if (!viewer.mayReadRequests()) {
            throw new AccessDeniedException("%s may not read requests".formatted(viewer.username()));
        }
    }
}
