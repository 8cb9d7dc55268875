package io.vendo.catalog;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The deployment targets a request of a STACK_SET blueprint chose: organizational units (service-managed permissions)
 * and regions. Empty lists leave them to the blueprint's delivery.
 *
 * @param organizationalUnits OU ids ({@code ou-…}) or the organization's root ({@code r-…}); empty: the blueprint's
 * @param regions a subset of the blueprint's regions, in the blueprint's order once checked; empty: all of them
 */
@NamedInterface("blueprints")
public record StackSetChoice(List<String> organizationalUnits, List<String> regions) {

    /** Nothing chosen: the blueprint's own OUs and regions. */
    public static final StackSetChoice NONE = new StackSetChoice(List.of(), List.of());

    public StackSetChoice {
        organizationalUnits = List.copyOf(organizationalUnits);
        regions = List.copyOf(regions);
    }

    public boolean chosen() {
        return !organizationalUnits.isEmpty() || !regions.isEmpty();
    }
}
