package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vendo.catalog.DescriptorBinder.DescriptorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog directory's descriptors bound to records: what a platform team writes in {@code blueprint.yaml} and
 * {@code targets.yaml}, and the words a sync refuses a file with, naming the key.
 */
class DescriptorBindingTest {

    @Test
    void bindsADescriptorAsWrittenWithEnumsInAnyCase() {
        var descriptor = BlueprintDescriptor.read(
                """
                name: Static website
                kind: stack
                description: >
                  An S3 bucket
                owner: 42
                tags: {cost-center: web, vendo:blueprint: static-website}
                allowedEnvironments: [sandbox, PROD]
                capabilities: [CAPABILITY_IAM]
                approvalPolicy: production
                maxLifetime: P30D
                quotaPerTeam: 2
                """);

        var blueprint = descriptor.toNewBlueprint("static-website", "Resources: {}", descriptor.deliveryOf());

        assertThat(blueprint.kind()).isEqualTo(BlueprintKind.STACK);
        assertThat(blueprint.metadata())
                .isEqualTo(new BlueprintMetadata(
                        "Static website",
                        "An S3 bucket",
                        "42",
                        Map.of("cost-center", "web", "vendo:blueprint", "static-website"),
                        List.of(EnvironmentTier.SANDBOX, EnvironmentTier.PROD),
                        "production",
                        Duration.ofDays(30),
                        2));
        assertThat(blueprint.version().capabilities()).containsExactly("CAPABILITY_IAM");
        assertThat(blueprint.version().delivery()).isEqualTo(new Delivery.Stack());
        assertThat(descriptor.templateFile()).isEqualTo("template.yaml");
    }

    @Test
    void aDeliveryWithoutTypeTakesTheKindsOwn() {
        var descriptor = BlueprintDescriptor.read(
                """
                kind: SERVICE_CATALOG_PRODUCT
                delivery: {productId: prod-abc, provisioningArtifactId: pa-abc}
                """);

        assertThat(descriptor.deliveryOf()).isEqualTo(new Delivery.ServiceCatalogProduct("prod-abc", "pa-abc", null));
    }

    @Test
    void anAccountDeliverySaysHowItsAccountsAreRetiredAndIsWrittenBackWithoutWhatItLeavesOut() {
        var descriptor = BlueprintDescriptor.read(
                """
                kind: ACCOUNT
                delivery:
                  productId: prod-abc
                  provisioningArtifactId: pa-abc
                  allowedOrganizationalUnits: [Workloads]
                  decommission: MOVE_TO_SUSPENDED_OU
                  suspendedOrganizationalUnit: ou-ab12-cd34ef56
                """);

        var delivery = descriptor.deliveryOf();
        assertThat(delivery)
                .isEqualTo(new Delivery.AccountFactory(
                        "prod-abc",
                        "pa-abc",
                        List.of("Workloads"),
                        AccountRetirement.MOVE_TO_SUSPENDED_OU,
                        "ou-ab12-cd34ef56"));
        assertThat(DeliveryRules.check(BlueprintKind.ACCOUNT, List.of(), delivery))
                .isEmpty();
        assertThat(Delivery.fromYaml(BlueprintKind.ACCOUNT, delivery.toYaml())).isEqualTo(delivery);
        var silent = new Delivery.AccountFactory("prod-abc", "pa-abc", List.of("Workloads"));
        assertThat(silent.toYaml()).doesNotContain("decommission").doesNotContain("null");
        assertThat(silent.decommission()).isNull();
        assertThat(DeliveryRules.check(
                        BlueprintKind.ACCOUNT,
                        List.of(),
                        new Delivery.OrganizationsAccount(
                                List.of("ou-ab12-cd34ef56"), "", AccountRetirement.MOVE_TO_SUSPENDED_OU, "Suspended")))
                .containsEntry(
                        "delivery.suspendedOrganizationalUnit",
                        "Give the id of the OU accounts are moved into, such as ou-ab12-cd34ef56");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            unknown keys           | "kind: STACK\\nquotaPerTeem: 3\\nzzz: 1"       | Unknown key(s) quotaPerTeem, zzz; known: allowedEnvironments, approvalPolicy, capabilities, components, delivery, description, kind, maxLifetime, name, owner, quotaPerTeam, tags, template
            unknown kind           | "kind: MARS"                                    | kind must be one of STACK, ACCOUNT, SERVICE_CATALOG_PRODUCT, STACK_SET, COMPOSITE, not 'MARS'
            no kind                | "name: x"                                       | kind must be one of STACK, ACCOUNT, SERVICE_CATALOG_PRODUCT, STACK_SET, COMPOSITE; it is missing
            unknown environment    | "kind: STACK\\nallowedEnvironments: [DEV, mars]" | allowedEnvironments[1] must be one of SANDBOX, DEV, STAGING, PROD, not 'mars'
            tags as a list         | "kind: STACK\\ntags: [a]"                       | tags must be a mapping of key: value, not '[a]'
            tag without value      | "kind: STACK\\ntags: {a: }"                      | tags.a must not hold an empty value
            quota a fraction       | "kind: STACK\\nquotaPerTeam: 2.5"               | quotaPerTeam must be a whole number, not '2.5'
            quota as text          | "kind: STACK\\nquotaPerTeam: three"             | quotaPerTeam must be a whole number, not 'three'
            capabilities a value   | "kind: STACK\\ncapabilities: CAPABILITY_IAM"    | capabilities must be a list, not 'CAPABILITY_IAM'
            empty capability       | "kind: STACK\\ncapabilities: [a, ~]"            | capabilities[1] must not hold an empty value
            name a list            | "kind: STACK\\nname: [a, b]"                    | name must be a single value, not '[a, b]'
            delivery a value       | "kind: STACK\\ndelivery: 3"                     | delivery must be a mapping of key: value, not '3'
            not yaml               | "kind: [STACK"                                  | Not valid YAML:
            not a mapping          | "- kind: STACK"                                 | Expected a mapping of blueprint settings
            """)
    void refusesADescriptorNamingTheKey(String problem, String yaml, String message) {
        assertThatThrownBy(() -> BlueprintDescriptor.read(yaml.replace("\\n", "\n")))
                .isInstanceOf(DescriptorException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void refusesAMaxLifetimeThatIsNoDuration() {
        var descriptor = BlueprintDescriptor.read("kind: STACK\nmaxLifetime: 30\n");

        assertThatThrownBy(() -> descriptor.toNewBlueprint("x", "", null))
                .isInstanceOf(DescriptorException.class)
                .hasMessage("maxLifetime '30' is not an ISO-8601 duration such as P30D or PT12H");
    }

    @Test
    void refusesATemplateOutsideTheBlueprintsFolder() {
        var descriptor = BlueprintDescriptor.read("kind: STACK\ntemplate: ../other/template.yaml\n");

        assertThatThrownBy(descriptor::templateFile)
                .isInstanceOf(DescriptorException.class)
                .hasMessage("template must name a file in the blueprint's folder, not ../other/template.yaml");
    }

    @Test
    void bindsATargetAsTheCatalogTakesIt() {
        var target = DescriptorBinder.bind(
                Map.of(
                        "slug", "sandbox",
                        "name", "Sandbox",
                        "accountId", 111122223333L,
                        "region", "eu-west-1",
                        "environment", "sandbox"),
                NewTarget.class);

        assertThat(target)
                .isEqualTo(new NewTarget(
                        "sandbox", "Sandbox", "111122223333", "eu-west-1", EnvironmentTier.SANDBOX, null, null));
    }

    @Test
    void refusesATargetWithAMisspeltKeyOrAnUnknownTier() {
        assertThatThrownBy(() -> DescriptorBinder.bind(Map.of("slug", "a", "acountId", "1"), NewTarget.class))
                .hasMessage("Unknown key(s) acountId; known: accountId, allowedBlueprints, allowedOrganizationalUnits,"
                        + " environment, executionRoleArn, externalId, name, region, slug");
        assertThatThrownBy(() -> DescriptorBinder.bind(Map.of("slug", "a", "environment", "QA"), NewTarget.class))
                .hasMessage("environment must be one of SANDBOX, DEV, STAGING, PROD, not 'QA'");
    }

    @Test
    void aStackSetForOrganizationalUnitsIsReadCheckedAndWrittenBack() {
        var descriptor = BlueprintDescriptor.read(
                """
                kind: STACK_SET
                delivery:
                  stackSetName: org-guardrails
                  regions: [eu-west-1, eu-central-1]
                  permissionModel: SERVICE_MANAGED
                  organizationalUnits: [ou-ab12-cd34ef56, r-ab12]
                  autoDeployment: true
                  retainStacksOnAccountRemoval: true
                  maxConcurrentCount: 3
                  failureToleranceCount: 2
                  regionConcurrencyType: PARALLEL
                """);

        var delivery = (Delivery.StackSet) descriptor.deliveryOf();
        assertThat(delivery.toOrganizationalUnits()).isTrue();
        assertThat(delivery.organizationalUnits()).containsExactly("ou-ab12-cd34ef56", "r-ab12");
        assertThat(delivery.maxConcurrentCount()).isEqualTo(3);
        assertThat(delivery.maxConcurrentPercentage()).isZero();
        assertThat(delivery.autoDeploys()).isTrue();
        assertThat(delivery.retainsStacksOnAccountRemoval()).isTrue();
        assertThat(DeliveryRules.check(BlueprintKind.STACK_SET, List.of(), delivery))
                .isEmpty();
        assertThat(Delivery.fromYaml(BlueprintKind.STACK_SET, delivery.toYaml()))
                .isEqualTo(delivery);
        var accountOnly = new Delivery.StackSet("org-guardrails", List.of("eu-west-1"), 50, 0);
        assertThat(accountOnly.toYaml()).doesNotContain("organizationalUnits").doesNotContain("null");
        assertThat(DeliveryRules.check(BlueprintKind.STACK_SET, List.of(), accountOnly))
                .isEmpty();
    }

    @Test
    void stackSetDeploymentTargetsAndPreferencesOutsideAwssRulesAreRefusedWithTheField() {
        var malformed = Delivery.fromYaml(
                BlueprintKind.STACK_SET,
                """
                stackSetName: org-guardrails
                regions: [eu-west-1]
                permissionModel: SERVICE_MANAGED
                organizationalUnits: [Workloads]
                maxConcurrentCount: 5
                failureToleranceCount: 1
                regionConcurrencyType: SIDEWAYS
                """);
        assertThat(DeliveryRules.check(BlueprintKind.STACK_SET, List.of(), malformed))
                .containsEntry(
                        "delivery.organizationalUnits",
                        "'Workloads' is not an OU id such as ou-ab12-cd34ef56 or a root id such as r-ab12")
                .containsKey("delivery.maxConcurrentCount")
                .containsEntry("delivery.regionConcurrencyType", "SEQUENTIAL or PARALLEL");
        var none = Delivery.fromYaml(
                BlueprintKind.STACK_SET,
                "{stackSetName: org-guardrails, regions: [eu-west-1], maxConcurrentPercentage: 10,"
                        + " permissionModel: SERVICE_MANAGED}");
        assertThat(DeliveryRules.check(BlueprintKind.STACK_SET, List.of(), none))
                .containsKey("delivery.organizationalUnits");
        var selfManaged = Delivery.fromYaml(
                BlueprintKind.STACK_SET,
                "{stackSetName: org-guardrails, regions: [eu-west-1], maxConcurrentPercentage: 10,"
                        + " organizationalUnits: [ou-ab12-cd34ef56], autoDeployment: true}");
        assertThat(DeliveryRules.check(BlueprintKind.STACK_SET, List.of(), selfManaged))
                .containsKey("delivery.organizationalUnits")
                .containsKey("delivery.autoDeployment");
    }
}
