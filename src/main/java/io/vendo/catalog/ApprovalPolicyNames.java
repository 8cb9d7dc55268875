package io.vendo.catalog;

import java.util.SortedSet;
import org.springframework.modulith.NamedInterface;

/**
 * The approval policies a blueprint may name. A port: the approval module owns the policies and depends on the
 * catalog, so the catalog asks through this interface, which the approval module implements, rather than reaching
 * into it.
 */
@NamedInterface("ports")
public interface ApprovalPolicyNames {

    /** The names of the policies that exist now. */
    SortedSet<String> policyNames();
}
