package io.vendo.aws;

import io.vendo.execution.stack.ResourceChange;
import java.util.ArrayList;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.servicecatalog.model.ResourceChangeDetail;

/**
 * A provisioned product plan's resource changes in the words a change set's are shown in: Service Catalog spells
 * CloudFormation's values in capitals (ADD, TRUE, PROPERTIES, ALWAYS), and approvers read one diff whichever AWS service
 * computed it.
 */
final class ServiceCatalogPlanChanges {

    private ServiceCatalogPlanChanges() {}

    static ResourceChange of(software.amazon.awssdk.services.servicecatalog.model.ResourceChange change) {
        return new ResourceChange(
                capitalized(change.actionAsString()),
                change.logicalResourceId(),
                change.resourceType(),
                change.physicalResourceId(),
                change.replacement() == null ? null : capitalized(change.replacementAsString()),
                change.details().stream()
                        .map(ServiceCatalogPlanChanges::detail)
                        .distinct()
                        .toList());
    }

    /** E.g. {@code Properties.BucketName (requires recreation: Always; caused by SiteName)}; never values. */
    private static String detail(ResourceChangeDetail detail) {
        var target = detail.target();
        var what = target == null
                ? "?"
                : target.name() == null
                        ? capitalized(target.attributeAsString())
                        : capitalized(target.attributeAsString()) + "." + target.name();
        var notes = new ArrayList<String>();
        if (target != null
                && target.requiresRecreation() != null
                && !"NEVER".equals(target.requiresRecreationAsString())) {
            notes.add("requires recreation: " + capitalized(target.requiresRecreationAsString()));
        }
        if (detail.causingEntity() != null && !detail.causingEntity().isBlank()) {
            notes.add("caused by " + detail.causingEntity());
        }
        return notes.isEmpty() ? what : what + " (" + String.join("; ", notes) + ")";
    }

    /** {@code ADD} → {@code Add}, {@code CONDITIONALLY} → {@code Conditionally}. */
    private static String capitalized(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return String.valueOf(value);
        }
        return value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT);
    }
}
