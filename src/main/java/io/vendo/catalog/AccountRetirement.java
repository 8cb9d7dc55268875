package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/**
 * How an ACCOUNT blueprint's accounts are retired when their environment is decommissioned: the platform team decides
 * it per blueprint (its delivery's {@code decommission}); Vendo never picks one itself, so an account blueprint that
 * names none has its decommissioning refused with the reason.
 */
@NamedInterface("blueprints")
public enum AccountRetirement {
    /**
     * Organizations CloseAccount: AWS suspends the account (PENDING_CLOSURE, then SUSPENDED) and deletes it after 90
     * days. Subject to the organization's quota of closures per month.
     */
    CLOSE_ACCOUNT,
    /** Organizations MoveAccount into the blueprint's suspended OU: the account stays, fenced by that OU's policies. */
    MOVE_TO_SUSPENDED_OU
}
