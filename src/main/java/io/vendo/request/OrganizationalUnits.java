package io.vendo.request;

import io.vendo.catalog.TargetDetails;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The AWS organization's organizational units, asked at submission of a StackSet request that chose OUs, so that one
 * the organization does not have is refused before anything is stored. Implemented by the {@code aws} module.
 */
@NamedInterface("ports")
public interface OrganizationalUnits {

    /**
     * Those of the OU (or root) ids the organization does not have, asked as the target's role. In a dry run none:
     * nothing can be asked, and the OUs the target lists stand for the organization. When AWS cannot be asked, none
     * either (logged): the StackSet operation then fails with AWS's own words.
     */
    List<String> unknown(TargetDetails target, List<String> units);
}
