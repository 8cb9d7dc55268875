package io.vendo.request;

import org.springframework.modulith.NamedInterface;

/**
 * What a request asks for: a new environment (PROVISION), or a day-2 change to an existing one (UPDATE, EXTEND,
 * DECOMMISSION), which names that environment.
 */
@NamedInterface("views")
public enum RequestKind {
    PROVISION,
    /** New parameter values and/or a newer blueprint version for an environment. */
    UPDATE,
    /** A later expiry for an environment's lease. */
    EXTEND,
    /** Remove what an environment holds in AWS. */
    DECOMMISSION;

    /** Whether the request acts on an environment that exists already. */
    public boolean dayTwo() {
        return this != PROVISION;
    }
}
