package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.account.AccountRetirementSpec;
import io.vendo.execution.account.AccountRetirer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.organizations.model.AccountAlreadyClosedException;
import software.amazon.awssdk.services.organizations.model.DuplicateAccountException;

/**
 * {@link AccountRetirer} on AWS Organizations: CloseAccount and MoveAccount through the client that never retries
 * (neither takes a token); DescribeAccount and ListParents, which the executor asks before repeating either.
 */
@Component
class OrganizationsAccountRetirer implements AccountRetirer {

    private final AwsConnection aws;

    OrganizationsAccountRetirer(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String planClosure(AccountRetirementSpec spec) {
        return new AwsPlan(spec.target())
                .call("Organizations", "CloseAccount")
                .field("AccountId", spec.accountId())
                .call("Organizations", "DescribeAccount")
                .field("AccountId", spec.accountId())
                .note("until its Status is PENDING_CLOSURE or SUSPENDED; AWS deletes it after 90 days")
                .render();
    }

    @Override
    public String planSuspension(AccountRetirementSpec spec) {
        return new AwsPlan(spec.target())
                .call("Organizations", "ListParents")
                .field("ChildId", spec.accountId())
                .note("where the account is")
                .call("Organizations", "MoveAccount")
                .field("AccountId", spec.accountId())
                .field("DestinationParentId", String.valueOf(spec.suspendedOrganizationalUnit()))
                .note("unless it is there already; the account is kept, not closed")
                .render();
    }

    @Override
    public void closeAccount(AccountRetirementSpec spec) {
        AwsCalls.run("CloseAccount", () -> {
            try {
                aws.organizationsWrites(spec.target()).closeAccount(close -> close.accountId(spec.accountId()));
            } catch (AccountAlreadyClosedException closed) {
                // Closed before (by this request's earlier call, or by hand): what was asked is done.
            }
        });
    }

    @Override
    public String accountStatus(AccountRetirementSpec spec) {
        var account = call("DescribeAccount", () -> aws.organizations(spec.target())
                .describeAccount(describe -> describe.accountId(spec.accountId()))
                .account());
        // State is the newer field (it tells CLOSED from SUSPENDED); Status is what older answers carry.
        return account.state() != null ? account.stateAsString() : account.statusAsString();
    }

    @Override
    public String parentOf(AccountRetirementSpec spec) {
        return call("ListParents", () -> aws.organizations(spec.target())
                .listParents(list -> list.childId(spec.accountId()))
                .parents()
                .getFirst()
                .id());
    }

    @Override
    public void moveAccount(AccountRetirementSpec spec, String fromParentId, String toParentId) {
        AwsCalls.run("MoveAccount", () -> {
            try {
                aws.organizationsWrites(spec.target()).moveAccount(move -> move.accountId(spec.accountId())
                        .sourceParentId(fromParentId)
                        .destinationParentId(toParentId));
            } catch (DuplicateAccountException there) {
                // "That account is already present in the specified destination": moved by an earlier call.
            }
        });
    }
}
