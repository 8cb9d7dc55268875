package io.vendo.execution.account;

import io.vendo.execution.ProvisioningException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Creates accounts through AWS Organizations and places them. Implemented by the {@code aws} module. */
public interface AccountProvisioner {

    /** The calls this provisioner makes for the spec, rendered for people (dry run). */
    String plan(AccountSpec spec);

    /**
     * What AWS has for the spec's account, if anything, before a CreateAccount that may have been sent is sent again:
     * an account with its e-mail (ListAccounts) that carries this request's {@code vendo:request-id} tag
     * (ListTagsForResource), or the one creation in progress under its name (ListCreateAccountStatus), which
     * {@link #createdFor} checks once it has an account.
     *
     * @throws ProvisioningException ({@link ProvisioningException.Retry#NEVER}) when an account with the e-mail exists
     *     that this request did not create: it is neither adopted nor moved; ({@link
     *     ProvisioningException.Retry#WHEN_AWS_IS_FREE}) while several creations under the name are in progress
     */
    Optional<AccountCreation> findAccount(AccountSpec spec);

    /** Whether the account carries this request's {@code vendo:request-id} tag, which its CreateAccount set. */
    boolean createdFor(AccountSpec spec, String accountId);

    /** Starts creating the account. Not idempotent: only ever called after the intent was recorded. */
    AccountCreation createAccount(AccountSpec spec);

    AccountCreation describeCreation(AccountSpec spec, String creationId);

    /** The account's current parent (the root or an organizational unit). */
    String parentOf(AccountSpec spec, String accountId);

    void moveAccount(AccountSpec spec, String accountId, String fromParentId, String toParentId);

    /** The ARN of the role Organizations created in the new account, in the target region's partition. */
    String executionRoleArn(AccountSpec spec, String accountId);

    /**
     * An account creation as AWS reported it.
     *
     * @param creationId the CreateAccount request's id; null when the lookup found the account itself
     * @param state {@code IN_PROGRESS}, {@code SUCCEEDED} or {@code FAILED}
     * @param failureReason e.g. {@code EMAIL_ALREADY_EXISTS}
     */
    record AccountCreation(
            @Nullable String creationId, String state, @Nullable String accountId, @Nullable String failureReason) {}
}
