package io.vendo.request;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.StackSetChoice;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Submissions submissions;
    private final RequestBatches batches;
    private final PromotionChecks promotions;
    private final FailedComposites failedComposites;
    private final FleetUpdating fleetUpdates;
    private final Clock clock;

    Requests(
            RequestRepository repository,
            Catalog catalog,
            RequestParticipation participation,
            SecretParameters secrets,
            Submissions submissions,
            RequestBatches batches,
            PromotionChecks promotions,
            FailedComposites failedComposites,
            FleetUpdating fleetUpdates,
            Clock clock) {
        this.fleetUpdates = fleetUpdates;
        this.repository = repository;
        this.catalog = catalog;
        this.participation = participation;
        this.secrets = secrets;
        this.submissions = submissions;
        this.batches = batches;
        this.promotions = promotions;
        this.failedComposites = failedComposites;
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
     * @throws io.vendo.catalog.StackSetChoiceRefusedException for OUs or regions a StackSet request may not choose
     */
    public RequestView submit(SubmitRequest submission, Actor requester) {
        requireRequester(requester);
        var blueprint = catalog.latestVersion(submission.blueprint());
        var checked = submissions.check(blueprint, submission.target(), submission.parameters(), submission.stackSet());
        var target = checked.target();
        var promotion = promotions.check(blueprint, target, submission.promotion());
        submissions.refusePromotionOverQuota(blueprint, requester.primaryTeam(), 1 + promotion.size());
        var id = UUID.randomUUID();
        var request = VendingRequest.submit(
                submissions.seal(checked, id, submission.justification(), requester), clock.instant());
        var saved = repository.save(request).toView();
        submissions.remember(id, checked, requester);
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

    /** The OUs and regions a StackSet request chose; none when it left them to its blueprint. */
    @Transactional(readOnly = true)
    public Optional<StackSetChoice> stackSetChoiceOf(UUID requestId) {
        return submissions.stackSetChoiceOf(requestId);
    }

    /**
     * Withdraws a request; a row of a batch whose approval is pending withdraws every pending row of its batch.
     *
     * @throws RequestNotFoundException when the actor may not see the request
     * @throws RequestCancellationRefusedException unless the actor is the requester
     */
    public RequestView cancel(UUID id, Actor actor) {
        var request = visible(id, actor);
        var pending = request.toView().state() == RequestState.PENDING_APPROVAL;
        request.cancel(actor.username(), clock.instant());
        var cancelled = repository.save(request).toView();
        batches.withdrawWith(id, actor, pending);
        return cancelled;
    }

    /**
     * Stores a fleet: every row checked exactly as a single submission, all stored or none; one approval for all.
     *
     * @throws BatchRefusedException naming every invalid row's problems; nothing is stored
     * @throws QuotaExceededException when the rows would take the team past the blueprint's quota
     */
    public BatchView submitBatch(SubmitBatch submission, Actor requester) {
        requireRequester(requester);
        return batches.submit(submission, requester);
    }

    /** @throws BatchNotFoundException also when the viewer may not see the batch's requests */
    @Transactional(readOnly = true)
    public BatchView batch(UUID batchId, Actor viewer) {
        requireReader(viewer);
        return batches.view(visibleBatch(batchId, viewer));
    }

    /**
     * Resumes a paused rollout: the rows not started yet start, and it pauses again after as many new failures.
     *
     * @throws BatchActionRefusedException unless the actor is the batch's requester and its rollout is paused
     */
    public BatchView resumeBatch(UUID batchId, Actor actor) {
        return batches.resume(visibleBatch(batchId, actor), actor);
    }

    /** Rolls a version and/or values out to every environment the fleet created ({@link FleetUpdating}). */
    public BatchView updateFleet(UUID fleetId, UpdateFleet update, Actor actor) {
        requireRequester(actor);
        return fleetUpdates.update(visibleBatch(fleetId, actor), update, actor);
    }

    /** The requests one approval decides with this one: its batch's rows when it leads one (itself first), or itself. */
    @Transactional(readOnly = true)
    public List<RequestView> decidedTogether(UUID requestId) {
        return batches.decidedTogether(requestId);
    }

    /** How a row of a batch is rolled out; none for a request of its own. */
    @Transactional(readOnly = true)
    public Optional<Rollout> rolloutOf(UUID requestId) {
        return batches.rolloutOf(requestId);
    }

    /** The batch the request is a row of, and which row; none for a request of its own. */
    @Transactional(readOnly = true)
    public Optional<BatchRow> batchOf(UUID requestId) {
        return batches.rowOf(requestId);
    }

    private RequestBatch visibleBatch(UUID batchId, Actor viewer) {
        var batch = batches.require(batchId);
        var lead = repository.findById(batch.requestIds().getFirst());
        if (lead.isEmpty() || !mayView(viewer, lead.get())) {
            throw new BatchNotFoundException(batchId);
        }
        return batch;
    }

    /**
     * Continues a failed composite request from its failed component ({@link FailedComposites#retry}).
     *
     * @throws RequestNotFoundException when the actor may not see the request
     * @throws RecoveryRefusedException unless the actor is the requester of a failed composite PROVISION request that
     *     was never abandoned
     */
    public RequestView retry(UUID id, Actor actor) {
        return failedComposites.retry(visible(id, actor).toView(), actor);
    }

    /**
     * Abandons a failed composite request: the stacks it left are deleted and it ends ABANDONED ({@link
     * FailedComposites#abandon}).
     *
     * @throws RequestNotFoundException when the actor may not see the request
     * @throws RecoveryRefusedException unless the actor is the requester of a failed composite PROVISION request
     */
    public RequestView abandon(UUID id, Actor actor) {
        return failedComposites.abandon(visible(id, actor).toView(), actor);
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
                || participation.participates(request.getId(), viewer)
                || batches.leadOf(request.getId())
                        .filter(lead -> !lead.equals(request.getId()))
                        .map(lead -> participation.participates(lead, viewer))
                        .orElse(false);
    }

    private static void requireRequester(Actor requester) {
        if (!requester.has(Role.REQUESTER)) {
            throw new AccessDeniedException("%s may not submit requests".formatted(requester.username()));
        }
    }

    private static void requireReader(Actor viewer) {
        if (!viewer.mayReadRequests()) {
            throw new AccessDeniedException("%s may not read requests".formatted(viewer.username()));
        }
    }
}
