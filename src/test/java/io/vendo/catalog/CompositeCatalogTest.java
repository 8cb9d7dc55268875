package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.support.ApiClient;
import io.vendo.support.ChromiumPages;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Composite blueprints as the platform team stores them: from the catalog directory (refusals naming the descriptor's
 * line) and the admin API (problem details naming the field, nothing stored), the form they make, and a referenced
 * blueprint's new version making a new version of the composite.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class CompositeCatalogTest {

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    private static final String NETWORK = CompositeChecksTest.NETWORK;
    private static final String DATABASE = CompositeChecksTest.DATABASE;

    /** Tiers whose database is wired to an output the network does not have, on the descriptor's line 12. */
    private static final String UNKNOWN_OUTPUT =
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
            """;

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
        write("dir-tiers/blueprint.yaml", UNKNOWN_OUTPUT);
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

        var nested = admin.postJson(
                "/api/v1/blueprints",
                networkOnly(
                        "api-nested",
                        """
                        [{"name": "network", "template": "network.yaml"},
                         {"name": "tiers", "blueprint": "three-tier-app", "dependsOn": ["network"]}]
                        """));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.contentType()).startsWith("application/problem+json");
        assertThat(nested.body().path("errors").path("components[1].blueprint").asString())
                .startsWith("Blueprint three-tier-app is a COMPOSITE; composites do not nest");
        assertThat(admin.get("/api/v1/blueprints/api-nested").status()).isEqualTo(404);
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

    @Test
    void anAdminPastesACompositeDescriptorWithItsTemplatesAndReadsEachRefusalByItsLine() {
        var descriptor = UNKNOWN_OUTPUT;
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate("http://localhost:" + port + "/admin/blueprints");
            ChromiumPages.fillLogIn(page, "admin");
            page.waitForURL(address -> address.contains("/admin/blueprints"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a composite blueprint"))
                    .click();
            page.getByLabel("Slug").fill("pasted-tiers");
            page.getByLabel("Descriptor (blueprint.yaml)").fill(descriptor);
            page.getByLabel("File name 1", exact()).fill("network.yaml");
            page.getByLabel("Template 1", exact()).fill(NETWORK);
            page.getByLabel("File name 2", exact()).fill("database.yaml");
            page.getByLabel("Template 2", exact()).fill(DATABASE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add composite blueprint"))
                    .click();

            PlaywrightAssertions.assertThat(page.locator("#form-errors"))
                    .containsText("line 12, components[1].parameters.SubnetIds: Unknown output PrivateSubnetIdz of"
                            + " network (template network.yaml); its outputs are: VpcId, PrivateSubnetIds");
            // What was entered comes back, and nothing was stored.
            PlaywrightAssertions.assertThat(page.getByLabel("Template 2", exact()))
                    .hasValue(DATABASE);
            assertThat(ApiClient.as("admin", port)
                            .get("/api/v1/blueprints/pasted-tiers")
                            .status())
                    .isEqualTo(404);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another template file"))
                    .click();
            PlaywrightAssertions.assertThat(page.getByTestId("template-file")).hasCount(4);
            PlaywrightAssertions.assertThat(page.getByLabel("File name 1", exact()))
                    .hasValue("network.yaml");

            page.getByLabel("Descriptor (blueprint.yaml)")
                    .fill(descriptor.replace("PrivateSubnetIdz", "PrivateSubnetIds"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add composite blueprint"))
                    .click();
            page.waitForURL(address -> address.endsWith("/admin/blueprints/pasted-tiers"));
            PlaywrightAssertions.assertThat(page.locator("main"))
                    .containsText("Composite blueprint Tiers added as version 1");
        }
        var stored = catalog.latestVersion("pasted-tiers");
        assertThat(stored.kind()).isEqualTo(BlueprintKind.COMPOSITE);
        assertThat(catalog.compositeGraph(stored).components())
                .extracting(CompositeGraph.Node::name, CompositeGraph.Node::dependsOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("network", java.util.List.of()),
                        org.assertj.core.groups.Tuple.tuple("database", java.util.List.of("network")));
    }

    @Test
    void thePastePageRefusesADescriptorOfAnotherKindAndATemplateNoComponentNames() {
        var admin = new io.vendo.support.WebSession(port).logIn("admin");
        var form = admin.get("/admin/composites/new");
        assertThat(form.status()).isEqualTo(200);
        var stack = admin.post(
                "/admin/composites/new",
                Map.of("slug", "pasted-stack", "descriptor", "name: One\nkind: STACK\nowner: platform-team\n"));
        assertThat(HtmlUtils.htmlUnescape(stack.body()))
                .contains("line 2, kind", "This is a STACK descriptor: add it under Add a blueprint");
        var unnamed = admin.post(
                "/admin/composites/new",
                Map.of(
                        "slug",
                        "pasted-unnamed",
                        "descriptor",
                        "name: One\nkind: COMPOSITE\nowner: platform-team\ncomponents:\n"
                                + "  - name: network\n    template: network.yaml\n",
                        "templates[0].name",
                        "network.yaml",
                        "templates[0].body",
                        NETWORK,
                        "templates[1].name",
                        "other.yaml",
                        "templates[1].body",
                        NETWORK));
        assertThat(HtmlUtils.htmlUnescape(unnamed.body())).contains("No component names other.yaml as its template");
        assertThat(new io.vendo.support.WebSession(port)
                        .logIn("requester")
                        .get("/admin/composites/new")
                        .status())
                .isEqualTo(403);
        assertThat(catalog.search(CatalogQuery.everything()))
                .extracting(BlueprintDetails::slug)
                .doesNotContain("pasted-stack", "pasted-unnamed");
    }

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
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
