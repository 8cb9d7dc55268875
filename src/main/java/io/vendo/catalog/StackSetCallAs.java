package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/**
 * Whom the portal acts as when it calls StackSets with service-managed permissions, in CloudFormation's terms (the
 * {@code CallAs} of every StackSet call).
 */
@NamedInterface("blueprints")
public enum StackSetCallAs {
    /** The organization's management account: the portal's own credentials administer the StackSet. */
    SELF,
    /**
     * A member account registered as a delegated administrator of StackSets: the target's account, through its role.
     * The StackSet still lives in the management account, which is why AWS wants every call to say so.
     */
    DELEGATED_ADMIN
}
