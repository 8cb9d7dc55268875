package io.vendo.execution.account;

import io.vendo.execution.ProvisioningException;

/**
 * Retires the accounts of decommissioned ACCOUNT environments through AWS Organizations: closes them, or moves them
 * into a suspended OU. Neither CloseAccount nor MoveAccount takes a token, so what AWS has (DescribeAccount,
 * ListParents) says whether a call that may have been sent took effect. Implemented by the {@code aws} module.
 */
public interface AccountRetirer {

    /** The calls closing the account makes, rendered for people (dry run). */
    String planClosure(AccountRetirementSpec spec);

    /** The calls moving the account into the suspended OU make, rendered for people (dry run). */
    String planSuspension(AccountRetirementSpec spec);

    /**
     * Closes the account. An account AWS reports closed already ({@code AccountAlreadyClosedException}) counts as
     * closed.
     *
     * @throws ProvisioningException with AWS's reason when Organizations refuses, e.g. {@code
     *     ConstraintViolationException} when the organization's quota of closures is used up
     */
    void closeAccount(AccountRetirementSpec spec);

    /**
     * The account's status as DescribeAccount reports it: {@code ACTIVE}, {@code PENDING_CLOSURE}, {@code SUSPENDED}
     * (or {@code CLOSED}).
     */
    String accountStatus(AccountRetirementSpec spec);

    /** The account's current parent (the root or an organizational unit). */
    String parentOf(AccountRetirementSpec spec);

    /** Moves the account; one already in the destination ({@code DuplicateAccountException}) counts as moved. */
    void moveAccount(AccountRetirementSpec spec, String fromParentId, String toParentId);
}
