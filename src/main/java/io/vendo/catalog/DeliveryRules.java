package io.vendo.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a version's capabilities and delivery must be, in AWS's own formats (product, artifact and launch path ids, OU
 * ids, StackSet names, IAM role names), each problem keyed by its field under {@code delivery}.
 */
final class DeliveryRules {

    static final Set<String> CAPABILITIES = Set.of("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND");

    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    private static final Pattern PRODUCT_ID = Pattern.compile("prod-[a-z0-9]{1,100}");
    private static final Pattern ARTIFACT_ID = Pattern.compile("pa-[a-z0-9]{1,100}");
    private static final Pattern PATH_ID = Pattern.compile("lpv\\d?-[a-z0-9]{1,100}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private DeliveryRules() {}

    /** The version's own fields, before its template is parsed. */
    static Map<String, String> check(BlueprintKind kind, List<String> capabilities, Delivery delivery) {
        var errors = new LinkedHashMap<String, String>();
        capabilities.stream()
                .filter(capability -> !CAPABILITIES.contains(capability))
                .findFirst()
                .ifPresent(capability -> errors.put(
                        "capabilities",
                        "Unknown capability %s; CloudFormation knows %s"
                                .formatted(
                                        capability,
                                        String.join(
                                                ", ",
                                                CAPABILITIES.stream().sorted().toList()))));
        if (delivery.kind() != kind) {
            errors.put(
                    "delivery",
                    "A %s blueprint cannot be delivered as %s"
                            .formatted(kind, delivery.getClass().getSimpleName()));
            return errors;
        }
        switch (delivery) {
            case Delivery.Stack stack -> {}
            case Delivery.Composite composite -> {}
            case Delivery.AccountFactory factory -> {
                pattern(
                        errors,
                        "delivery.productId",
                        factory.productId(),
                        PRODUCT_ID,
                        "a product id such as prod-abc123");
                pattern(
                        errors,
                        "delivery.provisioningArtifactId",
                        factory.provisioningArtifactId(),
                        ARTIFACT_ID,
                        "a provisioning artifact id such as pa-abc123");
                if (factory.allowedOrganizationalUnits().isEmpty()
                        || factory.allowedOrganizationalUnits().stream().anyMatch(String::isBlank)) {
                    errors.put(
                            "delivery.allowedOrganizationalUnits",
                            "List the organizational units new accounts may be placed in");
                }
                retirement(errors, factory);
            }
            case Delivery.OrganizationsAccount organizations -> {
                if (organizations.allowedOrganizationalUnits().isEmpty()
                        || !organizations.allowedOrganizationalUnits().stream()
                                .allMatch(ou -> OU_ID.matcher(ou).matches())) {
                    errors.put("delivery.allowedOrganizationalUnits", "List OU ids such as ou-ab12-cd34ef56");
                }
                pattern(
                        errors,
                        "delivery.executionRoleName",
                        organizations.executionRoleName(),
                        ROLE_NAME,
                        "an IAM role name");
                retirement(errors, organizations);
            }
            case Delivery.ServiceCatalogProduct product -> {
                pattern(
                        errors,
                        "delivery.productId",
                        product.productId(),
                        PRODUCT_ID,
                        "a product id such as prod-abc123");
                pattern(
                        errors,
                        "delivery.provisioningArtifactId",
                        product.provisioningArtifactId(),
                        ARTIFACT_ID,
                        "a provisioning artifact id such as pa-abc123");
                if (product.pathId() != null) {
                    pattern(
                            errors,
                            "delivery.pathId",
                            product.pathId(),
                            PATH_ID,
                            "a launch path id such as lpv3-abc123");
                }
            }
            case Delivery.StackSet stackSet -> StackSetDeliveryRules.check(errors, stackSet);
        }
        return errors;
    }

    /**
     * An account blueprint may leave its retirement to people (no {@code decommission}); a suspended OU goes with
     * {@link AccountRetirement#MOVE_TO_SUSPENDED_OU} only, which needs one.
     */
    private static void retirement(Map<String, String> errors, Delivery delivery) {
        var ou = delivery.suspendedOrganizationalUnit();
        if (delivery.decommission() == AccountRetirement.MOVE_TO_SUSPENDED_OU) {
            if (ou == null || !OU_ID.matcher(ou).matches()) {
                errors.put(
                        "delivery.suspendedOrganizationalUnit",
                        "Give the id of the OU accounts are moved into, such as ou-ab12-cd34ef56");
            }
        } else if (ou != null) {
            errors.put(
                    "delivery.suspendedOrganizationalUnit",
                    "A suspended OU goes with decommission: MOVE_TO_SUSPENDED_OU only");
        }
    }

    private static void pattern(
            Map<String, String> errors, String field, @Nullable String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.put(field, "Give " + expected);
        }
    }
}
