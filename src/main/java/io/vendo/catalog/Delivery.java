package io.vendo.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * How a blueprint version is delivered to AWS: the kind-specific settings the executors need besides the template and
 * the request's parameters. Part of the immutable version, so a request runs with the settings it was approved with.
 * Stored as JSON with a {@code type} discriminator.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Delivery.Stack.class, name = "Stack"),
    @JsonSubTypes.Type(value = Delivery.AccountFactory.class, name = "AccountFactory"),
    @JsonSubTypes.Type(value = Delivery.OrganizationsAccount.class, name = "OrganizationsAccount"),
    @JsonSubTypes.Type(value = Delivery.ServiceCatalogProduct.class, name = "ServiceCatalogProduct"),
    @JsonSubTypes.Type(value = Delivery.StackSet.class, name = "StackSet"),
    @JsonSubTypes.Type(value = Delivery.Composite.class, name = "Composite")
})
@NamedInterface("blueprints")
public sealed interface Delivery {

    /** The blueprint kinds this delivery can serve. */
    BlueprintKind kind();

    /** The version's template is deployed as a CloudFormation stack in the target account and region. */
    record Stack() implements Delivery {

        @Override
        public BlueprintKind kind() {
            return BlueprintKind.STACK;
        }
    }

    /**
     * A new account through Control Tower's Account Factory: the Service Catalog product Control Tower manages,
     * provisioned with the request's Account Factory parameters.
     */
    record AccountFactory(
            String productId,
            String provisioningArtifactId,
            List<String> allowedOrganizationalUnits,
            @Nullable AccountRetirement decommission,
            @Nullable String suspendedOrganizationalUnit)
            implements Delivery {

        public AccountFactory {
            allowedOrganizationalUnits = List.copyOf(allowedOrganizationalUnits);
        }

        /** Accounts that Vendo does not retire. */
        public AccountFactory(
                String productId, String provisioningArtifactId, List<String> allowedOrganizationalUnits) {
            this(productId, provisioningArtifactId, allowedOrganizationalUnits, null, null);
        }

        @Override
        public BlueprintKind kind() {
            return BlueprintKind.ACCOUNT;
        }
    }

    /** A new account through Organizations {@code CreateAccount}, then moved into the chosen OU. */
    record OrganizationsAccount(
            List<String> allowedOrganizationalUnits,
            String executionRoleName,
            @Nullable AccountRetirement decommission,
            @Nullable String suspendedOrganizationalUnit)
            implements Delivery {

        public static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";

        public OrganizationsAccount {
            allowedOrganizationalUnits = List.copyOf(allowedOrganizationalUnits);
            if (executionRoleName == null || executionRoleName.isBlank()) {
                executionRoleName = DEFAULT_ROLE;
            }
        }

        /** Accounts that Vendo does not retire. */
        public OrganizationsAccount(List<String> allowedOrganizationalUnits, String executionRoleName) {
            this(allowedOrganizationalUnits, executionRoleName, null, null);
        }

        @Override
        public BlueprintKind kind() {
            return BlueprintKind.ACCOUNT;
        }
    }

    /** Any Service Catalog product, provisioned at one provisioning artifact (and launch path, when given). */
    record ServiceCatalogProduct(String productId, String provisioningArtifactId, @Nullable String pathId)
            implements Delivery {

        @Override
        public BlueprintKind kind() {
            return BlueprintKind.SERVICE_CATALOG_PRODUCT;
        }
    }

    /**
     * Stack instances of a StackSet in these regions, with these operation preferences: in the target account
     * (self-managed permissions), or in every account of these organizational units (service-managed permissions,
     * with auto-deployment to accounts that join them later). {@link StackSetDeliveryRules} says what they may be.
     *
     * @param maxConcurrentCount when given, sent instead of {@code maxConcurrentPercentage}
     * @param failureToleranceCount when given, sent instead of {@code failureTolerancePercentage}
     * @param regionConcurrencyType {@code SEQUENTIAL} (AWS's default) or {@code PARALLEL}
     * @param organizationalUnits OU ids ({@code ou-…}) or the root ({@code r-…}); only with {@code SERVICE_MANAGED}
     * @param autoDeployment whether accounts that join the OUs get instances (SERVICE_MANAGED; default true)
     * @param retainStacksOnAccountRemoval whether an account leaving the OUs keeps its stacks (default false)
     * @param callAs {@code DELEGATED_ADMIN}: the target's account administers the StackSet as a delegated administrator
     *     of the organization (SERVICE_MANAGED only); left out or {@code SELF}: the portal's own account does
     */
    record StackSet(
            String stackSetName,
            List<String> regions,
            // Left out where a count is given: 0, which the count replaces.
            @JsonSetter(nulls = Nulls.AS_EMPTY) int maxConcurrentPercentage,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int failureTolerancePercentage,
            @Nullable Integer maxConcurrentCount,
            @Nullable Integer failureToleranceCount,
            @Nullable String regionConcurrencyType,
            @Nullable StackSetPermissionModel permissionModel,
            List<String> organizationalUnits,
            @Nullable Boolean autoDeployment,
            @Nullable Boolean retainStacksOnAccountRemoval,
            @Nullable StackSetCallAs callAs)
            implements Delivery {

        public StackSet {
            regions = List.copyOf(regions);
            organizationalUnits = organizationalUnits == null ? List.of() : List.copyOf(organizationalUnits);
        }

        /** Instances in the target account (self-managed permissions), the preferences as percentages. */
        public StackSet(
                String stackSetName,
                List<String> regions,
                int maxConcurrentPercentage,
                int failureTolerancePercentage) {
            this(
                    stackSetName,
                    regions,
                    maxConcurrentPercentage,
                    failureTolerancePercentage,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null);
        }

        /** Whether the target's account administers it as a delegated administrator (CallAs DELEGATED_ADMIN). */
        public boolean asDelegatedAdministrator() {
            return callAs == StackSetCallAs.DELEGATED_ADMIN;
        }

        /** Whether it deploys to organizational units (service-managed permissions) rather than the target account. */
        public boolean toOrganizationalUnits() {
            return permissionModel == StackSetPermissionModel.SERVICE_MANAGED;
        }

        /** Auto-deployment is on unless the blueprint turns it off (service-managed only). */
        public boolean autoDeploys() {
            return autoDeployment == null || autoDeployment;
        }

        public boolean retainsStacksOnAccountRemoval() {
            return retainStacksOnAccountRemoval != null && retainStacksOnAccountRemoval;
        }

        @Override
        public BlueprintKind kind() {
            return BlueprintKind.STACK_SET;
        }
    }

    /**
     * A composite blueprint's graph: its components, and the text of the templates its components name, by file name
     * (the files beside {@code blueprint.yaml}). A component that names another blueprint carries, once stored, the
     * version it was resolved to: the referenced blueprint's newest version when this version was stored (a new version
     * of it makes a new version of the composite, see {@link CompositeChecks}).
     */
    record Composite(List<CompositeComponent> components, Map<String, String> templates) implements Delivery {

        public Composite {
            components = List.copyOf(components);
            templates = Map.copyOf(templates);
        }

        @Override
        public BlueprintKind kind() {
            return BlueprintKind.COMPOSITE;
        }

        /** The graph as its descriptor writes it, without the templates' text (they are part of the version too). */
        String text() {
            var written = new ArrayList<Map<String, Object>>();
            for (var component : components) {
                var map = new LinkedHashMap<String, Object>();
                map.put("name", component.name());
                if (component.template() != null) {
                    map.put("template", component.template());
                } else {
                    map.put("blueprint", component.blueprint());
                    if (component.blueprintVersion() != null) {
                        map.put("version", component.blueprintVersion());
                    }
                }
                if (!component.dependsOn().isEmpty()) {
                    map.put("dependsOn", component.dependsOn());
                }
                if (!component.parameters().isEmpty()) {
                    map.put("parameters", new TreeMap<>(component.parameters()));
                }
                written.add(map);
            }
            var options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            return new Yaml(options).dump(Map.of("components", written));
        }
    }

    /**
     * A delivery as admins write it: a YAML mapping of its settings, {@code type} left out where the kind has a single
     * delivery (ACCOUNT's default is AccountFactory).
     *
     * @return none for blank text of a non-STACK kind: the catalog reports the delivery missing when it is stored
     * @throws InvalidEntryException under {@code delivery} when the text is not a delivery
     */
    static @Nullable Delivery fromYaml(BlueprintKind kind, @Nullable String yaml) {
        return DeliveryText.parse(kind, yaml);
    }

    /** The delivery as admins write it, without the type where the kind implies it; empty for a STACK's. */
    default String toYaml() {
        return DeliveryText.format(this);
    }

    /** The organizational units an account may be placed in; empty for kinds that create no account. */
    default List<String> allowedOrganizationalUnits() {
        return List.of();
    }

    /**
     * How an ACCOUNT blueprint's accounts are retired ({@code decommission}); none for other kinds, and for account
     * blueprints that leave it to people (their decommissioning is refused).
     */
    default @Nullable AccountRetirement decommission() {
        return null;
    }

    /** The OU id ({@code ou-…}) accounts are moved into by {@link AccountRetirement#MOVE_TO_SUSPENDED_OU}. */
    default @Nullable String suspendedOrganizationalUnit() {
        return null;
    }
}
