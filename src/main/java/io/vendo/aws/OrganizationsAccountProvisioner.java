package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.catalog.TargetDetails;
import io.vendo.execution.AwsTarget;
import io.vendo.execution.ProvisioningException;
import io.vendo.execution.ProvisioningException.Retry;
import io.vendo.execution.account.AccountProvisioner;
import io.vendo.execution.account.AccountSpec;
import io.vendo.request.OrganizationAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/**
 * {@link AccountProvisioner} on AWS Organizations: CreateAccount (no token; sent through a client that never retries
 * it; tagged with the request id), ListAccounts, ListTagsForResource and ListCreateAccountStatus to look up,
 * DescribeCreateAccountStatus, ListParents, MoveAccount. Also the submission's check that no account of the
 * organization has the e-mail already.
 */
@Component
class OrganizationsAccountProvisioner implements AccountProvisioner, OrganizationAccounts {

    private static final Logger log = LoggerFactory.getLogger(OrganizationsAccountProvisioner.class);

    /** The tag CreateAccount puts on the account: the executor's proof that the account is this request's. */
    static final String REQUEST_TAG = "vendo:request-id";

    private final AwsConnection aws;
    private final AwsProperties properties;
    private final Clock clock;
    private final Map<AwsTarget, Listed> emails = new ConcurrentHashMap<>();

    OrganizationsAccountProvisioner(AwsConnection aws, AwsProperties properties, Clock clock) {
        this.aws = aws;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * At submission: the e-mails of the organization's accounts, kept for {@code vendo.aws.organization-accounts-ttl}
     * per target (a large organization takes many ListAccounts pages). The executor always asks afresh.
     */
    @Override
    public Optional<String> accountWithEmail(TargetDetails target, String email) {
        if (!aws.live() || email.isBlank()) {
            return Optional.empty();
        }
        var awsTarget = AwsTarget.of(target);
        var now = clock.instant();
        var listed = emails.get(awsTarget);
        if (listed == null || !listed.until().isAfter(now)) {
            try {
                var byEmail = new HashMap<String, String>();
                aws.organizations(awsTarget).listAccountsPaginator(list -> {}).stream()
                        .flatMap(page -> page.accounts().stream())
                        .filter(account -> account.email() != null)
                        .forEach(
                                account -> byEmail.putIfAbsent(account.email().toLowerCase(Locale.ROOT), account.id()));
                listed = new Listed(Map.copyOf(byEmail), now.plus(properties.organizationAccountsTtl()));
                emails.put(awsTarget, listed);
            } catch (SdkException e) {
                // The submission goes on: the executor checks again, and never takes over an account it did not create.
                log.warn(
                        "Could not list the organization's accounts as {} to check an account e-mail: {}",
                        target.slug(),
                        e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.ofNullable(listed.byEmail().get(email.toLowerCase(Locale.ROOT)));
    }

    private record Listed(Map<String, String> byEmail, Instant until) {}

    @Override
    public String plan(AccountSpec spec) {
        var create = createRequest(spec, spec.shown(AccountSpec.ACCOUNT_EMAIL), spec.shown(AccountSpec.ACCOUNT_NAME));
        var plan = new AwsPlan(spec.target());
        plan.call("Organizations", "ListAccounts")
                .note("at submission, and before a repeated CreateAccount: is there an account with this e-mail?");
        plan.call("Organizations", "ListTagsForResource")
                .note("an account found so is this request's only with the tag " + REQUEST_TAG + "="
                        + spec.requestId());
        plan.call("Organizations", "CreateAccount")
                .field("Email", create.email())
                .field("AccountName", create.accountName())
                .field("RoleName", create.roleName());
        create.tags().forEach(tag -> plan.field("Tag " + tag.key(), tag.value()));
        plan.call("Organizations", "DescribeCreateAccountStatus").note("until SUCCEEDED or FAILED");
        plan.call("Organizations", "ListTagsForResource")
                .note("before the move: the account must carry " + REQUEST_TAG + "=" + spec.requestId());
        plan.call("Organizations", "ListParents").note("where the new account is");
        plan.call("Organizations", "MoveAccount")
                .field("DestinationParentId", spec.shown(AccountSpec.ORGANIZATIONAL_UNIT))
                .note("unless it is there already");
        return plan.render();
    }

    @Override
    public Optional<AccountCreation> findAccount(AccountSpec spec) {
        var existing = call("ListAccounts", () -> accountWithEmail(aws.organizations(spec.target()), spec.email()));
        if (existing.isPresent()) {
            var accountId = existing.get().id();
            if (!createdFor(spec, accountId)) {
                throw new ProvisioningException(
                        "An account with the e-mail %s exists in the organization (%s), but not with this request's tag"
                                        .formatted(spec.shown(AccountSpec.ACCOUNT_EMAIL), accountId)
                                + " vendo:request-id=%s: Vendo did not create it for this request, so it neither"
                                        .formatted(spec.requestId())
                                + " adopts nor moves it",
                        "AccountNotCreatedByThisRequest",
                        Retry.NEVER);
            }
            return Optional.of(new AccountCreation(null, "SUCCEEDED", accountId, null));
        }
        var inProgress = call("ListCreateAccountStatus", () -> aws
                .organizations(spec.target())
                .listCreateAccountStatusPaginator(list -> list.states(CreateAccountState.IN_PROGRESS))
                .stream()
                .flatMap(page -> page.createAccountStatuses().stream())
                .filter(status -> spec.accountName().equals(status.accountName()))
                .toList());
        if (inProgress.size() > 1) {
            // Which one is this request's shows once they have accounts, by their tags.
            throw new ProvisioningException(
                    "%d account creations named %s are in progress: waiting until they end to tell which is this"
                                    .formatted(inProgress.size(), spec.shown(AccountSpec.ACCOUNT_NAME))
                            + " request's",
                    "SeveralCreationsInProgress",
                    Retry.WHEN_AWS_IS_FREE);
        }
        // Not yet known to be this request's: the account it creates is checked by its tag before it is moved.
        return inProgress.stream().findFirst().map(OrganizationsAccountProvisioner::creation);
    }

    @Override
    public boolean createdFor(AccountSpec spec, String accountId) {
        var requestId = spec.requestId().toString();
        return call(
                "ListTagsForResource", () -> aws
                        .organizations(spec.target())
                        .listTagsForResourcePaginator(list -> list.resourceId(accountId))
                        .tags()
                        .stream()
                        .anyMatch(tag -> REQUEST_TAG.equals(tag.key()) && requestId.equals(tag.value())));
    }

    /** The organization's accounts with this e-mail (case-insensitive), through every page of ListAccounts. */
    private static Optional<Account> accountWithEmail(OrganizationsClient organizations, String email) {
        return organizations.listAccountsPaginator(list -> {}).stream()
                .flatMap(page -> page.accounts().stream())
                .filter(account -> email.equalsIgnoreCase(account.email()))
                .findFirst();
    }

    @Override
    public AccountCreation createAccount(AccountSpec spec) {
        return call(
                "CreateAccount",
                () -> creation(aws.organizationsWrites(spec.target())
                        .createAccount(createRequest(spec, spec.email(), spec.accountName()))
                        .createAccountStatus()));
    }

    @Override
    public AccountCreation describeCreation(AccountSpec spec, String creationId) {
        return call(
                "DescribeCreateAccountStatus",
                () -> creation(aws.organizations(spec.target())
                        .describeCreateAccountStatus(describe -> describe.createAccountRequestId(creationId))
                        .createAccountStatus()));
    }

    @Override
    public String parentOf(AccountSpec spec, String accountId) {
        return call("ListParents", () -> aws.organizations(spec.target())
                .listParents(list -> list.childId(accountId))
                .parents()
                .getFirst()
                .id());
    }

    @Override
    public void moveAccount(AccountSpec spec, String accountId, String fromParentId, String toParentId) {
        AwsCalls.run("MoveAccount", () -> aws.organizationsWrites(spec.target())
                .moveAccount(move ->
                        move.accountId(accountId).sourceParentId(fromParentId).destinationParentId(toParentId)));
    }

    @Override
    public String executionRoleArn(AccountSpec spec, String accountId) {
        return "arn:%s:iam::%s:role/%s".formatted(partitionOf(spec.target().region()), accountId, spec.roleName());
    }

    /** The partition of the region (aws, aws-cn, aws-us-gov, …), from the SDK's endpoint metadata. */
    static String partitionOf(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }

    /** @param email the e-mail and the name: plain for the call, as shown for the plan */
    private static CreateAccountRequest createRequest(AccountSpec spec, String email, String accountName) {
        return CreateAccountRequest.builder()
                .email(email)
                .accountName(accountName)
                .roleName(spec.roleName())
                .tags(AwsShapes.organizationsTags(spec.tags()))
                .build();
    }

    private static AccountCreation creation(CreateAccountStatus status) {
        return new AccountCreation(
                status.id(), status.stateAsString(), status.accountId(), status.failureReasonAsString());
    }
}
