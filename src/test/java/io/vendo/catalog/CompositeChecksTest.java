package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.catalog.CompositeGraph.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules a composite's graph must pass before it is stored, and the form it makes. */
class CompositeChecksTest {

    static final String NETWORK =
            """
            Parameters:
              CidrBlock:
                Type: String
                Default: 10.0.0.0/16
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: !Ref CidrBlock
            Outputs:
              VpcId:
                Value: !Ref Vpc
              PrivateSubnetIds:
                Value: subnet-1,subnet-2
            """;

    static final String DATABASE =
            """
            Parameters:
              VpcId:
                Type: AWS::EC2::VPC::Id
              SubnetIds:
                Type: List<AWS::EC2::Subnet::Id>
              Storage:
                Type: Number
                MinValue: 20
                Default: 20
              Password:
                Type: String
                NoEcho: true
                MinLength: 12
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
            Outputs:
              Endpoint:
                Value: !GetAtt Db.Endpoint.Address
            """;

    static final String APP =
            """
            Parameters:
              DbEndpoint:
                Type: String
              Stage:
                Type: String
                AllowedValues: [dev, prod]
              Image:
                Type: String
            Resources:
              Service:
                Type: AWS::ECS::Service
            Outputs:
              ServiceArn:
                Value: !Ref Service
            """;

    private final TemplateParser parser = new TemplateParser();
    private final Map<String, CompositeChecks.Referenced> blueprints = new LinkedHashMap<>();
    private final CompositeChecks checks = new CompositeChecks(new CompositeChecks.Lookup() {
        @Override
        public Optional<CompositeChecks.Referenced> latest(String slug) {
            return Optional.ofNullable(blueprints.get(slug));
        }

        @Override
        public BlueprintVersionDetails version(UUID versionId) {
            return blueprints.values().stream()
                    .map(CompositeChecks.Referenced::version)
                    .filter(version -> version.versionId().equals(versionId))
                    .findFirst()
                    .orElseThrow();
        }
    });

    CompositeChecksTest() {
        blueprints.put("app-service", new CompositeChecks.Referenced(stack("app-service", 3, APP), false));
    }

    @Test
    void threeTiersMakeAFormOfWhatAPersonMustGiveInDeploymentOrder() {
        var errors = new LinkedHashMap<String, String>();
        var checked = checks.check(
                        threeTier(Map.of(
                                "VpcId", "${network.outputs.VpcId}",
                                "SubnetIds", "${network.outputs.PrivateSubnetIds}")),
                        List.of(),
                        errors)
                .orElseThrow();
        assertThat(errors).isEmpty();
        var form = checked.form().parameters();
        assertThat(form)
                .extracting(ParameterDefinition::name)
                .containsExactly("Stage", "network.CidrBlock", "database.Storage", "database.Password", "app.Image");
        var stage = form.getFirst();
        assertThat(stage.allowedValues()).containsExactly("dev", "prod");
        assertThat(stage.group()).isNull();
        var password = form.get(3);
        assertThat(password.noEcho()).isTrue();
        assertThat(password.group()).isEqualTo("database");
        assertThat(password.label()).isEqualTo("Password");
        assertThat(password.minLength()).isEqualTo(12);
        assertThat(checked.form().outputs())
                .containsExactly("network.VpcId", "network.PrivateSubnetIds", "database.Endpoint", "app.ServiceArn");
        assertThat(checked.form().resources())
                .extracting(TemplateResource::logicalId)
                .containsExactly("network.Vpc", "database.Db", "app.Service");
        var app = checked.delivery().components().get(2);
        assertThat(app.blueprintVersion()).isEqualTo(3);
        assertThat(app.blueprintVersionId())
                .isEqualTo(blueprints.get("app-service").version().versionId());
        assertThat(checked.delivery().text()).contains("blueprint: app-service", "version: 3", "dependsOn:");

        var graph = checks.graph(checked.delivery(), List.of());
        assertThat(graph.components())
                .extracting(CompositeGraph.Node::name)
                .containsExactly("network", "database", "app");
        var database = graph.component("database").orElseThrow();
        assertThat(database.wiring())
                .containsEntry("VpcId", new Wire.Output("network", "VpcId"))
                .containsEntry("Storage", new Wire.FormField("database.Storage"));
        assertThat(database.parameterValues(
                        Map.of("database.Storage", "50", "database.Password", "secret-secret"),
                        Map.of("network", Map.of("VpcId", "vpc-1", "PrivateSubnetIds", "subnet-1,subnet-2"))))
                .containsExactly(
                        Map.entry("VpcId", "vpc-1"),
                        Map.entry("SubnetIds", "subnet-1,subnet-2"),
                        Map.entry("Storage", "50"),
                        Map.entry("Password", "secret-secret"));
        assertThat(database.secretParameters()).containsExactly(Map.entry("Password", "database.Password"));
        assertThat(graph.dependentsOf("network")).containsExactly("database", "app");
        assertThat(graph.dependentsOf("database")).containsExactly("app");
    }

    @Test
    void independentComponentsKeepTheirListedOrderAfterWhatTheyDependOn() {
        var composite = new Delivery.Composite(
                List.of(
                        CompositeComponent.of("app", null, "app-service", List.of("b", "a"), Map.of()),
                        CompositeComponent.of("b", "network.yaml", null, List.of(), Map.of()),
                        CompositeComponent.of("a", "network.yaml", null, List.of(), Map.of())),
                Map.of("network.yaml", NETWORK));
        var checked = checks.check(composite, List.of(), new LinkedHashMap<>()).orElseThrow();
        assertThat(checked.graph().components())
                .extracting(CompositeGraph.Node::name)
                .containsExactly("b", "a", "app");
    }

    @Test
    void refusesUnknownComponentsOutputsParametersAndReferencesNamingTheField() {
        var errors = refusals(threeTier(Map.of(
                "VpcId", "${netwerk.outputs.VpcId}",
                "SubnetIds", "${network.outputs.PrivateSubnets}",
                "Size", "10",
                "Storage", "${network.outputs.VpcId}-x")));
        assertThat(errors)
                .containsOnlyKeys(
                        "components[1].parameters.VpcId",
                        "components[1].parameters.SubnetIds",
                        "components[1].parameters.Size",
                        "components[1].parameters.Storage");
        assertThat(errors.get("components[1].parameters.VpcId"))
                .isEqualTo("Unknown component netwerk in ${netwerk.outputs.VpcId}; the components are: network,"
                        + " database, app");
        assertThat(errors.get("components[1].parameters.SubnetIds"))
                .isEqualTo("Unknown output PrivateSubnets of network (template network.yaml); its outputs are: VpcId,"
                        + " PrivateSubnetIds");
        assertThat(errors.get("components[1].parameters.Size"))
                .startsWith("template database.yaml has no parameter Size; its parameters are: VpcId, SubnetIds");
        assertThat(errors.get("components[1].parameters.Storage")).startsWith("Write exactly one reference");
    }

    @Test
    void refusesALiteralThatDoesNotSuitItsParameterAsATypeMismatch() {
        var errors = refusals(threeTier(Map.of("Storage", "lots", "VpcId", "vpc-1", "SubnetIds", "subnet-1")));
        assertThat(errors.get("components[1].parameters.Storage"))
                .startsWith("Type mismatch: Storage is a Number parameter, and the value 'lots' does not suit it");
        assertThat(refusals(threeTier(Map.of("Storage", "10", "VpcId", "vpc-1", "SubnetIds", "subnet-1")))
                        .get("components[1].parameters.Storage"))
                .contains("Type mismatch");
    }

    @Test
    void refusesAnOutputOfAComponentItDoesNotDependOn() {
        var composite = new Delivery.Composite(
                List.of(
                        CompositeComponent.of("network", "network.yaml", null, List.of(), Map.of()),
                        CompositeComponent.of(
                                "app",
                                null,
                                "app-service",
                                List.of(),
                                Map.of("DbEndpoint", "${network.outputs.VpcId}"))),
                Map.of("network.yaml", NETWORK));
        assertThat(refusals(composite))
                .containsExactly(Map.entry(
                        "components[1].parameters.DbEndpoint",
                        "app uses an output of network, so it must depend on network (add it to dependsOn)"));
    }

    @Test
    void refusesCyclesWithTheirPath() {
        var composite = new Delivery.Composite(
                List.of(
                        CompositeComponent.of("a", "network.yaml", null, List.of("c"), Map.of()),
                        CompositeComponent.of("b", "network.yaml", null, List.of("a"), Map.of()),
                        CompositeComponent.of("c", "network.yaml", null, List.of("b"), Map.of())),
                Map.of("network.yaml", NETWORK));
        assertThat(refusals(composite))
                .containsExactly(Map.entry(
                        "components[0].dependsOn", "The components depend on each other in a cycle: a → c → b → a"));
    }

    @Test
    void refusesBadNamesSourcesAndDependencies() {
        blueprints.put("old-thing", new CompositeChecks.Referenced(stack("old-thing", 1, APP), true));
        var composite = new Delivery.Composite(
                List.of(
                        CompositeComponent.of("Network", "network.yaml", null, List.of(), Map.of()),
                        CompositeComponent.of("db", "missing.yaml", null, List.of("db"), Map.of()),
                        CompositeComponent.of("app", "network.yaml", "app-service", List.of("nowhere"), Map.of()),
                        CompositeComponent.of("old", null, "old-thing", List.of(), Map.of()),
                        CompositeComponent.of("ghost", null, "no-such-blueprint", List.of(), Map.of()),
                        CompositeComponent.of("broken", "broken.yaml", null, List.of(), Map.of())),
                Map.of("network.yaml", NETWORK, "broken.yaml", "Resources:\n  Bucket: [unclosed\n"));
        var errors = refusals(composite);
        assertThat(errors)
                .containsOnlyKeys(
                        "components[0].name",
                        "components[1].template",
                        "components[1].dependsOn",
                        "components[2].template",
                        "components[2].dependsOn",
                        "components[3].blueprint",
                        "components[4].blueprint",
                        "components[5].template");
        assertThat(errors.get("components[1].template"))
                .isEqualTo("Template file missing.yaml does not exist; the templates are: broken.yaml, network.yaml");
        assertThat(errors.get("components[1].dependsOn")).isEqualTo("Component db cannot depend on itself");
        assertThat(errors.get("components[2].template")).startsWith("Give exactly one of template");
        assertThat(errors.get("components[3].blueprint")).isEqualTo("Blueprint old-thing is retired");
        assertThat(errors.get("components[4].blueprint")).isEqualTo("There is no blueprint no-such-blueprint");
        assertThat(errors.get("components[5].template"))
                .startsWith("broken.yaml: ")
                .contains("line");
    }

    @Test
    void refusesARequestParameterFeedingParametersThatDisagree() {
        var composite = new Delivery.Composite(
                List.of(
                        CompositeComponent.of(
                                "database",
                                "database.yaml",
                                null,
                                List.of(),
                                Map.of("Storage", "${request.parameters.Size}", "VpcId", "vpc-1", "SubnetIds", "s")),
                        CompositeComponent.of(
                                "app",
                                null,
                                "app-service",
                                List.of("database"),
                                Map.of("Image", "${request.parameters.Size}"))),
                Map.of("database.yaml", DATABASE));
        assertThat(refusals(composite).get("components"))
                .startsWith("${request.parameters.Size} feeds parameters that differ (Storage is a Number parameter,"
                        + " Image is a String parameter)");
    }

    @Test
    void refusesAComponentOfAnotherKind() {
        var account = stack("an-account", 1, APP);
        blueprints.put(
                "an-account",
                new CompositeChecks.Referenced(
                        new BlueprintVersionDetails(
                                account.versionId(),
                                account.blueprintId(),
                                "an-account",
                                "Account",
                                "",
                                BlueprintKind.ACCOUNT,
                                1,
                                APP,
                                account.parameters(),
                                account.outputs(),
                                List.of()),
                        false));
        var composite = new Delivery.Composite(
                List.of(CompositeComponent.of("acct", null, "an-account", List.of(), Map.of())), Map.of());
        assertThat(refusals(composite))
                .containsExactly(Map.entry(
                        "components[0].blueprint",
                        "Blueprint an-account is a ACCOUNT; a component is a stack: reference a STACK blueprint"));
    }

    @Test
    void refusesAComponentThatIsAnotherCompositeNamingWhy() {
        var composite = stack("tiers", 1, APP);
        blueprints.put(
                "tiers",
                new CompositeChecks.Referenced(
                        new BlueprintVersionDetails(
                                composite.versionId(),
                                composite.blueprintId(),
                                "tiers",
                                "Tiers",
                                "",
                                BlueprintKind.COMPOSITE,
                                1,
                                APP,
                                composite.parameters(),
                                composite.outputs(),
                                List.of()),
                        false));
        var nesting = new Delivery.Composite(
                List.of(
                        CompositeComponent.of("network", "network.yaml", null, List.of(), Map.of()),
                        CompositeComponent.of("tiers", null, "tiers", List.of("network"), Map.of())),
                Map.of("network.yaml", NETWORK));
        assertThat(refusals(nesting))
                .containsExactly(Map.entry(
                        "components[1].blueprint",
                        "Blueprint tiers is a COMPOSITE; composites do not nest: list its components in this"
                                + " blueprint instead (a component is one stack)"));
    }

    @Test
    void aGraphsWidthIsTheMostComponentsThatCanBeInFlightAtOnce() {
        assertThat(width(Map.of("a", List.of()))).isEqualTo(1);
        // A chain: one at a time.
        assertThat(width(ordered("a", List.of(), "b", List.of("a"), "c", List.of("b"))))
                .isEqualTo(1);
        // A diamond: the two middle ones together.
        assertThat(width(ordered("a", List.of(), "b", List.of("a"), "c", List.of("a"), "d", List.of("b", "c"))))
                .isEqualTo(2);
        // Three roots, one of which feeds two more: once a is done, b, c, d and e may all be in flight.
        assertThat(width(ordered("a", List.of(), "b", List.of(), "c", List.of(), "d", List.of("a"), "e", List.of("a"))))
                .isEqualTo(4);
        // Through others: c depends on a through b, so a and c never run together.
        assertThat(width(ordered("a", List.of(), "b", List.of("a"), "c", List.of("b"), "x", List.of())))
                .isEqualTo(2);
    }

    private static Map<String, List<String>> ordered(Object... namesAndDependencies) {
        var graph = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < namesAndDependencies.length; i += 2) {
            @SuppressWarnings("unchecked")
            var dependsOn = (List<String>) namesAndDependencies[i + 1];
            graph.put((String) namesAndDependencies[i], dependsOn);
        }
        return graph;
    }

    private static int width(Map<String, List<String>> dependsOn) {
        var nodes = dependsOn.entrySet().stream()
                .map(entry -> new CompositeGraph.Node(
                        entry.getKey(),
                        "template " + entry.getKey() + ".yaml",
                        null,
                        NETWORK,
                        List.of(),
                        List.of(),
                        List.of(),
                        entry.getValue(),
                        Map.of()))
                .toList();
        return new CompositeGraph(nodes).width();
    }

    private Map<String, String> refusals(Delivery.Composite composite) {
        var errors = new LinkedHashMap<String, String>();
        assertThat(checks.check(composite, List.of(), errors)).isEmpty();
        return errors;
    }

    private static Delivery.Composite threeTier(Map<String, String> databaseWiring) {
        return new Delivery.Composite(
                List.of(
                        CompositeComponent.of("network", "network.yaml", null, List.of(), Map.of()),
                        CompositeComponent.of("database", "database.yaml", null, List.of("network"), databaseWiring),
                        CompositeComponent.of(
                                "app",
                                null,
                                "app-service",
                                List.of("database"),
                                Map.of(
                                        "DbEndpoint", "${database.outputs.Endpoint}",
                                        "Stage", "${request.parameters.Stage}"))),
                Map.of("network.yaml", NETWORK, "database.yaml", DATABASE));
    }

    private BlueprintVersionDetails stack(String slug, int number, String template) {
        var parsed = parser.parse(template);
        return new BlueprintVersionDetails(
                UUID.randomUUID(),
                UUID.randomUUID(),
                slug,
                slug,
                "",
                BlueprintKind.STACK,
                number,
                template,
                parsed.parameters(),
                parsed.outputs(),
                List.of());
    }
}
