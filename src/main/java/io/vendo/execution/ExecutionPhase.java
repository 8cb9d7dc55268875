package io.vendo.execution;

import org.springframework.modulith.NamedInterface;

/**
 * Where a request's execution stands. Every kind walks its own path through these phases; each phase is one short step
 * per scheduler run (one mutating call, or one status call), and a phase that sends a mutating call records the
 * intent first (see {@link ExecutionRun#aboutToCall}).
 */
@NamedInterface(name = "kinds", propagate = false)
public enum ExecutionPhase {
    /** STACK: create the change set (CREATE for a new stack, UPDATE for an existing one). */
    CREATE_CHANGE_SET,
    /** STACK: wait for CloudFormation to compute the change set and its resource changes. */
    AWAIT_CHANGE_SET,
    /**
     * UPDATE of a STACK (or a SERVICE_CATALOG_PRODUCT): the change set (the plan) is computed and shown to approvers;
     * nothing runs until the request is approved, and then it is checked that it can still be executed as shown.
     */
    AWAIT_APPROVAL,
    /** STACK: execute the computed change set. */
    EXECUTE_CHANGE_SET,
    /** STACK: wait for the stack to reach a terminal status. */
    AWAIT_STACK,
    /** ACCOUNT (Account Factory) and SERVICE_CATALOG_PRODUCT: provision the product. */
    PROVISION_PRODUCT,
    /** ACCOUNT (Account Factory) and SERVICE_CATALOG_PRODUCT: wait for the provisioning record. */
    AWAIT_RECORD,
    /** ACCOUNT (Organizations): create the account. */
    CREATE_ACCOUNT,
    /** ACCOUNT (Organizations): wait for the account creation. */
    AWAIT_ACCOUNT,
    /** ACCOUNT (Organizations): move the new account into its organizational unit. */
    MOVE_ACCOUNT,
    /**
     * STACK_SET to organizational units: make the request's values the StackSet's parameters (UpdateStackSet, with the
     * blueprint's auto-deployment) before its instances are created; an account's StackSet passes on at once. UPDATE of
     * a STACK_SET deployed to organizational units: the same call with the new values.
     */
    UPDATE_STACK_SET,
    /** STACK_SET to organizational units: wait for the UpdateStackSet operation before creating the instances. */
    AWAIT_STACK_SET_UPDATE,
    /** STACK_SET: create the stack instances. */
    CREATE_STACK_INSTANCES,
    /** STACK_SET: wait for the StackSet operation. */
    AWAIT_STACK_SET_OPERATION,
    /** STACK, DECOMMISSION: turn termination protection off (protected tiers), so the stack can be deleted. */
    UNPROTECT_STACK,
    /** STACK, DECOMMISSION: delete the stack. */
    DELETE_STACK,
    /** STACK, DECOMMISSION: wait for the stack's deletion, then list what it retained. */
    AWAIT_STACK_DELETION,
    /** SERVICE_CATALOG_PRODUCT, DECOMMISSION: terminate the provisioned product. */
    TERMINATE_PRODUCT,
    /** SERVICE_CATALOG_PRODUCT, DECOMMISSION: wait for the termination record. */
    AWAIT_TERMINATION,
    /** STACK_SET, DECOMMISSION: delete the environment's stack instances. */
    DELETE_STACK_INSTANCES,
    /**
     * COMPOSITE: deploy (PROVISION) or delete (DECOMMISSION) each component's stack once its inputs exist, each in
     * its own execution.
     */
    WALK_COMPONENTS,
    /**
     * COMPOSITE, PROVISION, abandoned after it failed: delete every stack its components left, in reverse dependency
     * order, each in its own execution.
     */
    ABANDON_COMPONENTS,
    /** ACCOUNT, DECOMMISSION (CLOSE_ACCOUNT): close the account through Organizations. */
    CLOSE_ACCOUNT,
    /** ACCOUNT, DECOMMISSION (CLOSE_ACCOUNT): wait until Organizations reports the account closing or suspended. */
    AWAIT_ACCOUNT_CLOSURE,
    /** ACCOUNT, DECOMMISSION (MOVE_TO_SUSPENDED_OU): move the account into the blueprint's suspended OU. */
    MOVE_TO_SUSPENDED_OU,
    /**
     * SERVICE_CATALOG_PRODUCT, UPDATE, before updates were previewed: UpdateProvisionedProduct. No execution enters it
     * any more (updates run the plan approvers saw); kept so that an execution stored in it still reads, and fails
     * with the phase named.
     */
    UPDATE_PRODUCT,
    /** SERVICE_CATALOG_PRODUCT, UPDATE: wait for the update record (of the executed plan). */
    AWAIT_PRODUCT_UPDATE,
    /** SERVICE_CATALOG_PRODUCT, UPDATE: create the provisioned product plan that approvers are shown. */
    CREATE_PRODUCT_PLAN,
    /** SERVICE_CATALOG_PRODUCT, UPDATE: wait for Service Catalog to compute the plan and its resource changes. */
    AWAIT_PRODUCT_PLAN,
    /** SERVICE_CATALOG_PRODUCT, UPDATE: execute the approved plan, and no other. */
    EXECUTE_PRODUCT_PLAN,
    /** STACK_SET, UPDATE: update the environment's stack instances with the new values as overrides. */
    UPDATE_STACK_INSTANCES,
    /** The request reached a terminal state. */
    DONE
}
