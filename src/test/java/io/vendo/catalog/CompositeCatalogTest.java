package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Composite blueprints as the platform team stores them: from the catalog directory (refusals naming the descriptor's
 * line) and the admin API (problem details naming the field, nothing stored), the form they make, and a referenced
 * blueprint's new version making a new version of the composite.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class CompositeCatalogTest {

    private static final String NETWORK = CompositeChecksTest.NETWORK;
    private static final String DATABASE = CompositeChecksTest.DATABASE;

    @LocalServerPort
    int port;

    @Autowired
    CatalogSync directory;

    @Autowired
    Catalog catalog;

    @TempDir
    Path root;

    @Test
    void theDemoThreeTierAppAsksOnlyWhatAPersonMustGive() {
        var composite = catalog.latestVersion("three-tier-app");
        assertThat(composite.kind()).isEqualTo(BlueprintKind.COMPOSITE);
        assertThat(composite.parameters())
                .extracting(ParameterDefinition::name)
                .containsExactly(
                        "Stage",
                        "network.CidrBlock",
                        "database.InstanceClass",
                        "database.AllocatedStorage",
                        "database.MasterPassword",
                        "app.ServiceName",
                        "app.Image",
                        "app.DesiredCount");
        assertThat(composite.parameters().get(4).noEcho()).isTrue();
        var graph = catalog.compositeGraph(composite);
        assertThat(graph.components())
                .extracting(CompositeGraph.Node::name, CompositeGraph.Node::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("network", "template network.yaml"),
                        org.assertj.core.groups.Tuple.tuple("database", "template database.yaml"),
                        org.assertj.core.groups.Tuple.tuple(
                                "app",
                                "blueprint app-service v"
                                        + catalog.latestVersion("app-service").number()));
        assertThat(catalog.resources(composite.versionId()))
                .extracting(TemplateResource::logicalId)
                .contains("network.Vpc", "database.Database", "app.Service");

        var schema =
                ApiClient.as("requester", port).get("/api/v1/blueprints/three-tier-app/versions/" + composite.number());
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body().path("required").toString()).contains("Stage", "database.MasterPassword", "app.Image");
        assertThat(schema.body()
                        .path("properties")
                        .path("database.MasterPassword")
                        .path("writeOnly")
                        .asBoolean())
                .isTrue();

        var form = new io.vendo.support.WebSession(port).logIn("requester").get("/blueprints/three-tier-app/request");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains(
                        "name=\"parameters[Stage]\"",
                        "name=\"parameters[database.MasterPassword]\"",
                        "name=\"parameters[app.Image]\"")
                .doesNotContain("parameters[database.VpcId]", "parameters[app.DbEndpoint]");

        var submitted = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "three-tier-app", "target": "sandbox-eu-west-1", "justification": "Tiers",
                         "parameters": {"Stage": "dev", "database.MasterPassword": "correct-horse-battery",
                                        "app.Image": "public.ecr.aws/nginx/nginx:1.27"}}
                        """);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        var id = submitted.body().path("id").asString();
        assertThat(ApiClient.as("approver", port)
                        .postJson(
                                "/api/v1/requests/" + id + "/decisions",
                                "{\"decision\": \"APPROVE\", \"comment\": \"go\"}")
                        .status())
                .isEqualTo(200);
        var dryRun = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(
                        () -> ApiClient.as("requester", port)
                                .get("/api/v1/requests/" + id)
                                .body(),
                        body -> body.path("state").asString().equals("DRY_RUN"));
        assertThat(dryRun.path("dryRunPlan").asString())
                .contains(
                        "# Component network (template network.yaml)",
                        "# Component database (template database.yaml), after network",
                        "<output PrivateSubnetIds of network>",
                        "<output Endpoint of database>",
                        "MasterPassword")
                .doesNotContain("correct-horse-battery");
    }

    @Test
    void directorySyncRefusesBadWiringNamingTheLineAndStoresNothing() throws IOException {
        write("dir-tiers/network.yaml", NETWORK);
        write("dir-tiers/database.yaml", DATABASE);
        write(
                "dir-tiers/blueprint.yaml",
                """
                name: Tiers
                kind: COMPOSITE
                owner: platform-team
                components:
                  - name: network
                    template: network.yaml
                  - name: database
                    template: database.yaml
                    dependsOn: [network]
                    parameters:
                      VpcId: "${network.outputs.VpcId}"
                      SubnetIds: "${network.outputs.PrivateSubnetIdz}"
                """);
        var refused = entry(directory.synchronize(root.toUri().toString()), "dir-tiers");
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.detail())
                .isEqualTo("line 12, components[1].parameters.SubnetIds: Unknown output PrivateSubnetIdz of network"
                        + " (template network.yaml); its outputs are: VpcId, PrivateSubnetIds");
        assertThat(catalog.search(CatalogQuery.everything()))
                .extracting(BlueprintDetails::slug)
                .doesNotContain("dir-tiers");

        write(
                "dir-tiers/blueprint.yaml",
                """
                name: Tiers
                kind: COMPOSITE
                owner: platform-team
                components:
                  - name: network
                    template: network.yaml
                  - name: database
                    template: database.yaml
                    dependsOn: [network]
                    parameters: {VpcId: "${network.outputs.VpcId}", SubnetIds: "${network.outputs.PrivateSubnetIds}"}
                """);
        var added = entry(directory.synchronize(root.toUri().toString()), "dir-tiers");
        assertThat(added.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(entry(directory.synchronize(root.toUri().toString()), "dir-tiers")
                        .outcome())
                .isEqualTo(Outcome.UNCHANGED);

        write("dir-tiers/database.yaml", DATABASE.replace("MinValue: 20", "MinValue: 10"));
        var changed = entry(directory.synchronize(root.toUri().toString()), "dir-tiers");
        assertThat(changed.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(catalog.latestVersion("dir-tiers").number()).isEqualTo(2);
    }

    @Test
    void adminApiRefusesBadWiringAsProblemDetailsAndStoresNothing() {
        var admin = ApiClient.as("admin", port);
        var cycle = admin.postJson(
                "/api/v1/blueprints",
                composite(
                        "api-cycle",
                        """
                        [{"name": "network", "template": "network.yaml", "dependsOn": ["database"]},
                         {"name": "database", "template": "database.yaml", "dependsOn": ["network"],
                          "parameters": {"VpcId": "${network.outputs.VpcId}", "SubnetIds": "x",
                                         "Storage": "${nowhere.outputs.X}"}}]
                        """));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.contentType()).startsWith("application/problem+json");
        assertThat(cycle.body().path("errors").path("components[0].dependsOn").asString())
                .isEqualTo("The components depend on each other in a cycle: network → database → network");

        var wiring = admin.postJson(
                "/api/v1/blueprints",
                composite(
                        "api-wiring",
                        """
                        [{"name": "network", "template": "network.yaml"},
                         {"name": "database", "template": "database.yaml", "dependsOn": ["network"],
                          "parameters": {"VpcId": "${network.outputs.VpcId}", "SubnetIds": "${network.outputs.Nope}",
                                         "Storage": "many", "Colour": "blue"}}]
                        """));
        assertThat(wiring.status()).isEqualTo(400);
        var errors = wiring.body().path("errors");
        assertThat(errors.path("components[1].parameters.SubnetIds").asString()).startsWith("Unknown output Nope");
        assertThat(errors.path("components[1].parameters.Storage").asString()).startsWith("Type mismatch");
        assertThat(errors.path("components[1].parameters.Colour").asString())
                .startsWith("template database.yaml has no parameter Colour");
        assertThat(admin.get("/api/v1/blueprints/api-cycle").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/blueprints/api-wiring").status()).isEqualTo(404);

        var mixed = admin.postJson(
                "/api/v1/blueprints",
                networkOnly("api-mixed", "[{\"name\": \"network\", \"template\": \"network.yaml\"}]")
                        .replace("\"components\"", "\"template\": \"Resources: {}\", \"components\""));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body().path("errors").path("components").asString()).contains("leave out template");
    }

    @Test
    void aReferencedBlueprintsNewVersionMakesANewVersionOfTheComposite() {
        var admin = ApiClient.as("admin", port);
        var base = admin.postJson(
                "/api/v1/blueprints",
                """
                {"slug": "api-base-db", "kind": "STACK", "name": "Base DB", "owner": "platform-team",
                 "template": %s}
                """
                        .formatted(quoted(DATABASE)));
        assertThat(base.status()).as(base.body().toString()).isEqualTo(201);
        var created = admin.postJson(
                "/api/v1/blueprints",
                networkOnly(
                        "api-tiers",
                        """
                        [{"name": "network", "template": "network.yaml"},
                         {"name": "database", "blueprint": "api-base-db", "dependsOn": ["network"],
                          "parameters": {"VpcId": "${network.outputs.VpcId}",
                                         "SubnetIds": "${network.outputs.PrivateSubnetIds}"}}]
                        """));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("kind").asString()).isEqualTo("COMPOSITE");
        var first = catalog.latestVersion("api-tiers");
        assertThat(first.parameters())
                .extracting(ParameterDefinition::name)
                .containsExactly("network.CidrBlock", "database.Storage", "database.Password");

        var changed = admin.postJson(
                "/api/v1/blueprints/api-base-db/versions",
                "{\"template\": %s}".formatted(quoted(DATABASE.replace("MinLength: 12", "MinLength: 16"))));
        assertThat(changed.status()).isEqualTo(201);
        var second = catalog.latestVersion("api-tiers");
        assertThat(second.number()).isEqualTo(first.number() + 1);
        assertThat(second.parameters().get(2).minLength()).isEqualTo(16);
        var pinned = (Delivery.Composite) second.delivery();
        assertThat(pinned.components().get(1).blueprintVersion()).isEqualTo(2);

        // A version that breaks the wiring leaves the composite where it was.
        admin.postJson(
                "/api/v1/blueprints/api-base-db/versions",
                "{\"template\": %s}"
                        .formatted(quoted(DATABASE.replace("  VpcId:\n    Type: AWS::EC2::VPC::Id\n", ""))));
        assertThat(catalog.latestVersion("api-tiers").number()).isEqualTo(second.number());
    }

    private static String composite(String slug, String components) {
        return """
                {"slug": "%s", "kind": "COMPOSITE", "name": "Tiers", "owner": "platform-team",
                 "components": %s,
                 "templates": {"network.yaml": %s, "database.yaml": %s}}
                """
                .formatted(slug, components, quoted(NETWORK), quoted(DATABASE));
    }

    private static String networkOnly(String slug, String components) {
        return """
                {"slug": "%s", "kind": "COMPOSITE", "name": "Tiers", "owner": "platform-team",
                 "components": %s, "templates": {"network.yaml": %s}}
                """
                .formatted(slug, components, quoted(NETWORK));
    }

    private void write(String file, String text) throws IOException {
        var path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static SyncReport.Entry entry(SyncReport report, String subject) {
        return report.entries().stream()
                .filter(entry -> entry.subject().equals(subject))
                .findFirst()
                .orElseThrow();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
