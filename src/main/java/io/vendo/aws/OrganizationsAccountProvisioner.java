package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.AccountProvisioner;
import io.vendo.execution.AccountSpec;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * {@link AccountProvisioner} on AWS Organizations: CreateAccount (no token; sent through a client that never retries
 * it), ListAccounts and ListCreateAccountStatus to look up, DescribeCreateAccountStatus, ListParents, MoveAccount.
 */
@Component
class OrganizationsAccountProvisioner implements AccountProvisioner {

    private final AwsConnection aws;

    OrganizationsAccountProvisioner(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(AccountSpec spec) {
        var create = createRequest(spec, spec.shown(AccountSpec.ACCOUNT_EMAIL), spec.shown(AccountSpec.ACCOUNT_NAME));
        var plan = new AwsPlan(spec.target());
        plan.call("Organizations", "ListAccounts")
                .note("only before a repeated CreateAccount: is there an account with this e-mail?");
        plan.call("Organizations", "CreateAccount")
                .field("Email", create.email())
                .field("AccountName", create.accountName())
                .field("RoleName", create.roleName());
        create.tags().forEach(tag -> plan.field("Tag " + tag.key(), tag.value()));
        plan.call("Organizations", "DescribeCreateAccountStatus").note("until SUCCEEDED or FAILED");
        plan.call("Organizations", "ListParents").note("where the new account is");
        plan.call("Organizations", "MoveAccount")
                .field("DestinationParentId", spec.shown(AccountSpec.ORGANIZATIONAL_UNIT))
                .note("unless it is there already");
        return plan.render();
    }

    @Override
    public Optional<AccountCreation> findAccount(AccountSpec spec) {
        var existing =
                call("ListAccounts", () -> aws.organizations(spec.target()).listAccountsPaginator(list -> {}).stream()
                        .flatMap(page -> page.accounts().stream())
                        .filter(account -> spec.email().equalsIgnoreCase(account.email()))
                        .findFirst());
        if (existing.isPresent()) {
            return Optional.of(
                    new AccountCreation(null, "SUCCEEDED", existing.get().id(), null));
        }
        return call("ListCreateAccountStatus", () -> aws
                .organizations(spec.target())
                .listCreateAccountStatusPaginator(list -> list.states(CreateAccountState.IN_PROGRESS))
                .stream()
                .flatMap(page -> page.createAccountStatuses().stream())
                .filter(status -> spec.accountName().equals(status.accountName()))
                .findFirst()
                .map(OrganizationsAccountProvisioner::creation));
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
                .tags(spec.tags().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> Tag.builder()
                                .key(entry.getKey())
                                .value(entry.getValue())
                                .build())
                        .toList())
                .build();
    }

    private static AccountCreation creation(CreateAccountStatus status) {
        return new AccountCreation(
                status.id(), status.stateAsString(), status.accountId(), status.failureReasonAsString());
    }
}
