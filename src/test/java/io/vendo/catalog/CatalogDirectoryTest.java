package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.catalog.SyncReport.Outcome;
import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The catalog directory as a platform team keeps it in git: blueprints added, changed and refused file by file, and
 * requests keeping the version they pinned when a new one lands.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class CatalogDirectoryTest {

    private static final String TEMPLATE =
            """
            Parameters:
              SiteName:
                Type: String
                AllowedPattern: "[a-z][a-z0-9-]{2,40}"
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Ref SiteName
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
    void demoDirectoryLoadedAtStartUpWithEveryKindAndItsDelivery() {
        var kinds = catalog.search(CatalogQuery.everything()).stream()
                .map(BlueprintDetails::kind)
                .distinct()
                .toList();
        assertThat(kinds)
                .contains(
                        BlueprintKind.STACK,
                        BlueprintKind.ACCOUNT,
                        BlueprintKind.SERVICE_CATALOG_PRODUCT,
                        BlueprintKind.STACK_SET);

        var account = catalog.latestVersion("team-account");
        assertThat(account.delivery())
                .isEqualTo(new Delivery.AccountFactory(
                        "prod-demoaccountfac",
                        "pa-demoaccountv1",
                        List.of("Sandbox", "Workloads"),
                        AccountRetirement.MOVE_TO_SUSPENDED_OU,
                        "ou-demo-suspended1"));
        assertThat(catalog.latestVersion("security-baseline").delivery())
                .isEqualTo(
                        new Delivery.StackSet("vendo-security-baseline", List.of("eu-west-1", "eu-central-1"), 50, 0));
        assertThat(catalog.latestVersion("shared-vpc").delivery())
                .isEqualTo(new Delivery.ServiceCatalogProduct("prod-demoteamvpc01", "pa-demoteamvpcv3", null));
        var website = catalog.latestVersion("static-website");
        assertThat(website.delivery()).isEqualTo(new Delivery.Stack());
        assertThat(website.tags()).containsEntry("cost-center", "web");
        assertThat(catalog.blueprint("team-account").metadata().quotaPerTeam()).isEqualTo(2);
    }

    @Test
    void syncAddsChangesAndRefusesFileByFileWhileRequestsKeepTheirPinnedVersion() throws IOException {
        blueprint("dir-site", descriptor("Directory site", "The first description"), TEMPLATE);
        blueprint("dir-broken", descriptor("Broken", "Malformed template"), "Resources:\n  Bucket: [unclosed\n");
        blueprint("dir-typo", descriptor("Typo", "A misspelt key") + "quotaPerTeem: 3\n", TEMPLATE);
        blueprint(
                "dir-account",
                descriptor("Account without fields", "Account blueprint whose template lacks Account Factory's fields")
                                .replace("kind: STACK", "kind: ACCOUNT")
                        + "delivery:\n  productId: prod-abc\n  provisioningArtifactId: pa-abc\n"
                        + "  allowedOrganizationalUnits: [Sandbox]\n",
                TEMPLATE);
        Files.writeString(
                root.resolve("targets.yaml"),
                """
                targets:
                  - slug: dir-target
                    name: Directory target
                    accountId: "222233334444"
                    region: eu-west-1
                    environment: DEV
                  - slug: dir-bad-target
                    name: Bad target
                    accountId: "12345"
                    region: mars-north-1
                    environment: DEV
                """);

        var first = directory.synchronize(root.toUri().toString());

        assertThat(entry(first, "dir-site"))
                .extracting(SyncReport.Entry::outcome, SyncReport.Entry::detail)
                .containsExactly(Outcome.ADDED, "Added as version 1");
        assertThat(entry(first, "dir-broken").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(entry(first, "dir-broken").detail())
                .contains("template: Template is not valid YAML or JSON at line 3");
        assertThat(entry(first, "dir-typo").detail()).contains("Unknown key(s) quotaPerTeem");
        assertThat(entry(first, "dir-account").detail())
                .contains("missing: AccountName, AccountEmail, ManagedOrganizationalUnit");
        assertThat(entry(first, "dir-target").outcome()).isEqualTo(Outcome.ADDED);
        assertThat(entry(first, "dir-bad-target").detail())
                .contains("accountId: An AWS account id is exactly 12 digits")
                .contains("region: Choose one of AWS's regions");
        assertThat(catalog.search(CatalogQuery.everything()))
                .extracting(BlueprintDetails::slug)
                .contains("dir-site")
                .doesNotContain("dir-broken", "dir-typo", "dir-account");

        var pinned = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "dir-site", "target": "dir-target",
                         "parameters": {"SiteName": "pinned-site"}, "justification": "Pinned to version 1"}
                        """);
        assertThat(pinned.status()).isEqualTo(201);
        assertThat(pinned.body().path("blueprintVersion").asInt()).isEqualTo(1);

        blueprint(
                "dir-site",
                descriptor("Directory site", "The first description"),
                TEMPLATE.replace("{2,40}", "{2,20}"));
        var second = directory.synchronize(root.toUri().toString());

        assertThat(entry(second, "dir-site"))
                .extracting(SyncReport.Entry::outcome, SyncReport.Entry::detail)
                .containsExactly(Outcome.CHANGED, "New version 2 from template.yaml");
        assertThat(entry(second, "dir-target").outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(catalog.latestVersion("dir-site").parameters().getFirst().allowedPattern())
                .isEqualTo("[a-z][a-z0-9-]{2,20}");
        var read = ApiClient.as("requester", port)
                .get("/api/v1/requests/" + pinned.body().path("id").asString());
        assertThat(read.body().path("blueprintVersion").asInt()).isEqualTo(1);
        assertThat(catalog.version("dir-site", 1).parameters().getFirst().allowedPattern())
                .isEqualTo("[a-z][a-z0-9-]{2,40}");

        var third = directory.synchronize(root.toUri().toString());
        assertThat(entry(third, "dir-site"))
                .extracting(SyncReport.Entry::outcome, SyncReport.Entry::detail)
                .containsExactly(Outcome.UNCHANGED, "Unchanged at version 2");

        blueprint(
                "dir-site", descriptor("Directory site", "A better description"), TEMPLATE.replace("{2,40}", "{2,20}"));
        var fourth = directory.synchronize(root.toUri().toString());
        assertThat(entry(fourth, "dir-site").outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(entry(fourth, "dir-site").detail()).startsWith("Metadata changed");
        assertThat(catalog.blueprint("dir-site").metadata().description()).isEqualTo("A better description");
        assertThat(catalog.versions("dir-site")).hasSize(2);
    }

    @Test
    void aBlueprintNamingAnApprovalPolicyThatDoesNotExistIsRefused() throws IOException {
        blueprint(
                "typo-policy-site",
                descriptor("Typo site", "Names a policy that does not exist") + "approvalPolicy: prodution\n",
                TEMPLATE);

        var report = directory.synchronize(root.toUri().toString());

        assertThat(entry(report, "typo-policy-site").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(entry(report, "typo-policy-site").detail())
                .contains("approvalPolicy: There is no approval policy 'prodution'");
        assertThat(catalog.search(CatalogQuery.everything()))
                .extracting(BlueprintDetails::slug)
                .doesNotContain("typo-policy-site");
    }

    private static String descriptor(String name, String description) {
        return """
                name: %s
                kind: STACK
                description: %s
                owner: web-team
                tags: {team: web}
                """
                .formatted(name, description);
    }

    private void blueprint(String slug, String descriptor, String template) throws IOException {
        var folder = Files.createDirectories(root.resolve(slug));
        Files.writeString(folder.resolve("blueprint.yaml"), descriptor);
        Files.writeString(folder.resolve("template.yaml"), template);
    }

    private static SyncReport.Entry entry(SyncReport report, String subject) {
        return report.entries().stream()
                .filter(entry -> entry.subject().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No entry for " + subject + " in " + report));
    }
}
