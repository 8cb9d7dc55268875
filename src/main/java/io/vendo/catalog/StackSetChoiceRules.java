package io.vendo.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request may choose of a STACK_SET blueprint's deployment targets: organizational units only where the
 * StackSet deploys to OUs (service-managed permissions), well-formed, each once, at most 50, and each listed by the
 * target (a target that lists none takes none); regions only among the blueprint's, each once, deployed in the
 * blueprint's order. Whether the OUs exist in the organization, AWS tells ({@code request::ports}).
 */
final class StackSetChoiceRules {

    static final String UNITS = "organizationalUnits";
    static final String REGIONS = "regions";

    private StackSetChoiceRules() {}

    /**
     * @return the choice with its regions in the blueprint's order
     * @throws StackSetChoiceRefusedException naming every problem by field
     */
    static StackSetChoice check(BlueprintVersionDetails version, TargetDetails target, StackSetChoice choice) {
        if (!choice.chosen()) {
            return choice;
        }
        var errors = new LinkedHashMap<String, String>();
        if (!(version.delivery() instanceof Delivery.StackSet stackSet)) {
            if (!choice.organizationalUnits().isEmpty()) {
                errors.put(UNITS, "Only StackSet blueprints deploy to organizational units");
            }
            if (!choice.regions().isEmpty()) {
                errors.put(REGIONS, "Only StackSet blueprints take regions: this one deploys to its target's");
            }
            throw new StackSetChoiceRefusedException(errors);
        }
        units(errors, stackSet, target, choice.organizationalUnits());
        var regions = regions(errors, version.slug(), stackSet, choice.regions());
        if (!errors.isEmpty()) {
            throw new StackSetChoiceRefusedException(errors);
        }
        return new StackSetChoice(choice.organizationalUnits(), regions);
    }

    private static void units(
            Map<String, String> errors, Delivery.StackSet stackSet, TargetDetails target, List<String> units) {
        if (units.isEmpty()) {
            return;
        }
        if (!stackSet.toOrganizationalUnits()) {
            errors.put(
                    UNITS,
                    "StackSet %s deploys to the target account (self-managed permissions): it takes no organizational"
                                    .formatted(stackSet.stackSetName())
                            + " units");
            return;
        }
        var malformed = units.stream()
                .filter(unit -> !StackSetDeliveryRules.isOrganizationalUnitId(unit))
                .findFirst();
        if (malformed.isPresent()) {
            errors.put(
                    UNITS,
                    "'%s' is not an OU id such as ou-ab12-cd34ef56 or a root id such as r-ab12"
                            .formatted(malformed.get()));
        } else if (units.stream().distinct().count() != units.size()) {
            errors.put(UNITS, "Choose each organizational unit once");
        } else if (units.size() > StackSetDeliveryRules.MAX_ORGANIZATIONAL_UNITS) {
            errors.put(
                    UNITS,
                    "At most %d organizational units in one StackSet operation"
                            .formatted(StackSetDeliveryRules.MAX_ORGANIZATIONAL_UNITS));
        } else {
            StackSetDeliveryRules.refusal(stackSet.stackSetName(), units, target)
                    .ifPresent(refusal -> errors.put(UNITS, refusal));
        }
    }

    private static List<String> regions(
            Map<String, String> errors, String blueprint, Delivery.StackSet stackSet, List<String> chosen) {
        if (chosen.isEmpty()) {
            return chosen;
        }
        var foreign = chosen.stream()
                .filter(region -> !stackSet.regions().contains(region))
                .toList();
        if (!foreign.isEmpty()) {
            errors.put(
                    REGIONS,
                    "Blueprint %s deploys to %s only, not to %s"
                            .formatted(blueprint, String.join(", ", stackSet.regions()), String.join(", ", foreign)));
            return chosen;
        }
        if (chosen.stream().distinct().count() != chosen.size()) {
            errors.put(REGIONS, "Choose each region once");
            return chosen;
        }
        // The blueprint's order is the deployment order its preferences were written for.
        var ordered = new ArrayList<String>();
        stackSet.regions().stream().filter(chosen::contains).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
