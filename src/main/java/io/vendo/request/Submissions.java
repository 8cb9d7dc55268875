package io.vendo.request;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.StackSetChoice;
import io.vendo.catalog.StackSetChoiceRefusedException;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every PROVISION submission goes through, alone or as a row of a batch: the values checked exactly as
 * CloudFormation would, the target checked against the blueprint, an account's e-mail checked against the
 * organization and earlier requests, the OUs a StackSet request chose checked against the organization, the team's
 * quota, and the NoEcho values sealed before they are stored.
 */
@Component
class Submissions {

    private final RequestRepository repository;
    private final Catalog catalog;
    private final SecretParameters secrets;
    private final ObjectProvider<OrganizationAccounts> organization;
    private final ObjectProvider<StandingEnvironments> environments;
    private final ObjectProvider<OrganizationalUnits> units;
    private final StackSetChoices choices;
    private final ObjectProvider<PromotionPlans> promotions;

    Submissions(
            RequestRepository repository,
            Catalog catalog,
            SecretParameters secrets,
            ObjectProvider<OrganizationAccounts> organization,
            ObjectProvider<StandingEnvironments> environments,
            ObjectProvider<OrganizationalUnits> units,
            StackSetChoices choices,
            ObjectProvider<PromotionPlans> promotions) {
        this.repository = repository;
        this.catalog = catalog;
        this.secrets = secrets;
        this.organization = organization;
        this.environments = environments;
        this.units = units;
        this.choices = choices;
        this.promotions = promotions;
    }

    /**
     * A submission that passed every check, with its effective parameter values (defaults filled in) and the StackSet's
     * deployment targets it chose ({@link StackSetChoice#NONE}: the blueprint's).
     */
    record Checked(
            BlueprintVersionDetails blueprint,
            TargetDetails target,
            Map<String, String> parameters,
            StackSetChoice stackSet) {}

    /**
     * @throws io.vendo.catalog.InvalidParametersException for values CloudFormation would refuse, and an account
     *     e-mail that an account of the organization or an earlier request uses
     * @throws io.vendo.catalog.TargetNotAllowedException for a target the blueprint may not deploy to
     * @throws io.vendo.refusal.Refusal {@code NOT_FOUND} for an unknown target
     */
    Checked check(BlueprintVersionDetails blueprint, String targetSlug, Map<String, String> values) {
        return check(blueprint, targetSlug, values, StackSetChoice.NONE);
    }

    /**
     * As {@link #check(BlueprintVersionDetails, String, Map)}, with the StackSet's deployment targets the request
     * chose.
     *
     * @throws StackSetChoiceRefusedException for OUs the target does not list or the organization does not have, and
     *     regions that are not the blueprint's
     */
    Checked check(
            BlueprintVersionDetails blueprint, String targetSlug, Map<String, String> values, StackSetChoice chosen) {
        var target = catalog.target(targetSlug);
        var parameters = catalog.validateParameters(blueprint, values);
        var stackSet = catalog.checkPlacement(blueprint, target, parameters, chosen);
        refuseUnitsOutsideTheOrganization(target, stackSet.organizationalUnits());
        if (blueprint.kind() == BlueprintKind.ACCOUNT) {
            var email = parameters.getOrDefault("AccountEmail", "");
            refuseEmailOfAnAccount(target, email);
            refuseTakenAccountEmail(email);
        }
        return new Checked(blueprint, target, parameters, stackSet);
    }

    /** Keeps what the stored request chose of its StackSet's deployment targets, in the submitting transaction. */
    void remember(UUID id, Checked checked, Actor requester) {
        choices.store(id, checked.stackSet(), requester.username());
    }

    Optional<StackSetChoice> stackSetChoiceOf(UUID id) {
        return choices.find(id);
    }

    private void refuseUnitsOutsideTheOrganization(TargetDetails target, List<String> chosen) {
        var organization = units.getIfAvailable();
        if (chosen.isEmpty() || organization == null) {
            return;
        }
        var unknown = organization.unknown(target, chosen);
        if (!unknown.isEmpty()) {
            throw new StackSetChoiceRefusedException(Map.of(
                    "organizationalUnits",
                    "The organization has no organizational unit %s".formatted(String.join(", ", unknown))));
        }
    }

    /** @throws QuotaExceededException when {@code adding} more requests would take the team past the quota */
    void refuseOverQuota(BlueprintVersionDetails blueprint, String team, int adding) {
        var quota = catalog.quotaPerTeam(blueprint.slug());
        if (quota.isPresent() && held(blueprint.slug(), team) + adding > quota.get()) {
            throw QuotaExceededException.reached(blueprint.slug(), team, quota.get());
        }
    }

    /**
     * Every step of a promotion leaves an environment: one that could not finish within the quota is refused now, not
     * after its first steps ran; its steps still to be filed then hold their places ({@link PromotionPlans}).
     *
     * @throws QuotaExceededException when the promotion's steps would take the team past the quota
     */
    void refusePromotionOverQuota(BlueprintVersionDetails blueprint, String team, int steps) {
        var quota = catalog.quotaPerTeam(blueprint.slug());
        if (quota.isEmpty()) {
            return;
        }
        var held = held(blueprint.slug(), team);
        if (held + steps > quota.get()) {
            throw steps == 1
                    ? QuotaExceededException.reached(blueprint.slug(), team, quota.get())
                    : QuotaExceededException.promotion(blueprint.slug(), team, quota.get(), held, steps);
        }
    }

    /**
     * Why the team may not file a promotion's next step, if it may not: the step held its place since the promotion
     * was submitted, so only a quota lowered since refuses it.
     */
    Optional<String> refusalOfPromotedStep(String blueprintSlug, String team) {
        var quota = catalog.quotaPerTeam(blueprintSlug);
        if (quota.isEmpty() || held(blueprintSlug, team) <= quota.get()) {
            return Optional.empty();
        }
        return Optional.of(
                QuotaExceededException.reached(blueprintSlug, team, quota.get()).detail());
    }

    /**
     * What the team holds of the blueprint against its quota: its PROVISION requests on their way, its environments,
     * and its promotions' steps still to be filed. Serialized per blueprint and team until the transaction ends, so
     * that two submissions cannot both take the last place.
     */
    private long held(String blueprintSlug, String team) {
        repository.lockFor("quota:" + blueprintSlug + ":" + team);
        var standing = environments.getIfAvailable();
        var plans = promotions.getIfAvailable();
        return repository.countByChoiceBlueprintSlugAndTeamAndKindAndStateIn(
                        blueprintSlug, team, RequestKind.PROVISION, Requests.ON_THEIR_WAY)
                + (standing == null ? 0 : standing.count(blueprintSlug, team))
                + (plans == null ? 0 : plans.stepsToFile(blueprintSlug, team));
    }

    /** The PROVISION request to store: NoEcho values encrypted under its id, never kept in plain text. */
    NewRequest seal(Checked checked, UUID id, String justification, Actor requester) {
        var stored = secrets.store(
                id,
                checked.parameters(),
                SecretParameters.noEcho(checked.blueprint().parameters()));
        return new NewRequest(
                id,
                checked.blueprint(),
                checked.target(),
                stored.ordinary(),
                stored.sealed(),
                justification.strip(),
                requester);
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
                email, Requests.ACTIVE.stream().map(Enum::name).toList());
        if (taken > 0) {
            throw new InvalidParametersException(Map.of(
                    "AccountEmail",
                    "An earlier request already uses %s for an account: choose another e-mail".formatted(email)));
        }
    }
}
