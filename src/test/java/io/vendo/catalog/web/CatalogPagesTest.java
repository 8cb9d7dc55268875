package io.vendo.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The catalog's pages as people use them: admins add a blueprint, a version, retire it, sync the directory and curate
 * targets (every refusal shown on the form, nothing stored); requesters search the catalog and read a blueprint's
 * page with its form preview, version diff and example payload.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class CatalogPagesTest {

    private static final String TEMPLATE =
            """
            Parameters:
              TopicName:
                Type: String
                AllowedPattern: "[a-z][a-z0-9-]*"
                Description: Name of the topic
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Ref TopicName
            """;

    @LocalServerPort
    int port;

    private WebSession admin() {
        return new WebSession(port).logIn("admin");
    }

    private static Map<String, String> blueprint(String slug, String template) {
        var form = new LinkedHashMap<String, String>();
        form.put("slug", slug);
        form.put("kind", "STACK");
        form.put("name", "UI topic");
        form.put("description", "An SNS topic for notifications");
        form.put("owner", "messaging-team");
        form.put("tags", "cost-center=messaging\nteam=msg");
        form.put("allowedEnvironments", "SANDBOX");
        form.put("maxLifetime", "P14D");
        form.put("quotaPerTeam", "3");
        form.put("template", template);
        return form;
    }

    @Test
    void adminAddsABlueprintAndAVersionRetiresItAndRequestersSeeTheDiff() {
        var admin = admin();
        assertThat(admin.get("/admin/blueprints").body())
                .contains("Team AWS account")
                .contains(">Sync<");

        var malformed = admin.post("/admin/blueprints", blueprint("ui-topic", "Resources:\n  Topic: [oops\n"));
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(malformed.body()))
                .contains("The blueprint was not added:")
                .contains("Template is not valid YAML or JSON at line 3");
        var badFields = new LinkedHashMap<>(blueprint("UI Topic!", TEMPLATE));
        badFields.put("maxLifetime", "two weeks");
        badFields.put("quotaPerTeam", "many");
        var refused = HtmlUtils.htmlUnescape(
                admin.post("/admin/blueprints", badFields).body());
        assertThat(refused).contains("ISO-8601 duration").contains("whole number");
        assertThat(ApiClient.as("admin", port)
                        .get("/api/v1/blueprints/ui-topic")
                        .status())
                .isEqualTo(404);

        var created = admin.post("/admin/blueprints", blueprint("ui-topic", TEMPLATE));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/admin/blueprints/ui-topic");
        assertThat(admin.get("/admin/blueprints/ui-topic").body()).contains("added as version 1");

        var version = Map.of(
                "template",
                TEMPLATE.replace(
                        "Description: Name of the topic", "Description: Name of the topic\n    MaxLength: 30"));
        assertThat(admin.post("/admin/blueprints/ui-topic/versions", version).status())
                .isEqualTo(302);
        assertThat(admin.get("/admin/blueprints/ui-topic").body()).contains("Version 2 added");
        assertThat(admin.post("/admin/blueprints/ui-topic/versions", version).status())
                .isEqualTo(302);
        assertThat(admin.get("/admin/blueprints/ui-topic").body()).contains("Nothing changed: version 2");

        var requester = new WebSession(port).logIn("requester");
        var page = HtmlUtils.htmlUnescape(requester.get("/blueprints/ui-topic").body());
        assertThat(page)
                .contains("An SNS topic for notifications")
                .contains("messaging-team")
                .contains("cost-center=messaging")
                .contains("What changed from v1 to v2")
                .contains("MaxLength: (none) → 30")
                .contains("+     MaxLength: 30")
                .contains("curl -X POST \"$VENDO_URL/api/v1/requests\"")
                .contains("\"blueprint\" : \"ui-topic\"")
                .contains("\"TopicName\" : \"<String>\"")
                .contains("/api/v1/blueprints/ui-topic/versions/2");
        assertThat(page).contains("data-testid=\"form-preview\"").contains("pattern [a-z][a-z0-9-]*");

        assertThat(admin.post("/admin/blueprints/ui-topic/retire", Map.of()).status())
                .isEqualTo(302);
        assertThat(requester.get("/").body()).doesNotContain("UI topic");
        assertThat(requester.get("/blueprints/ui-topic/request").status()).isEqualTo(409);
        assertThat(requester.get("/blueprints/ui-topic").body()).contains("Retired");
    }

    @Test
    void syncButtonReportsEveryFileAndOnlyAdminsMayUseIt() {
        var report = HtmlUtils.htmlUnescape(
                admin().post("/admin/catalog/sync", Map.of()).body());
        assertThat(report)
                .contains("data-testid=\"sync-report\"")
                .contains("static-website/blueprint.yaml")
                .contains("Unchanged at version 1")
                .contains("targets.yaml · org-management");

        var requester = new WebSession(port).logIn("requester");
        assertThat(requester.get("/admin/blueprints").status()).isEqualTo(403);
        assertThat(requester.post("/admin/catalog/sync", Map.of()).status()).isEqualTo(403);
        assertThat(ApiClient.as("requester", port)
                        .post("/api/v1/catalog/sync", "application/json", "")
                        .status())
                .isEqualTo(403);
        var api = ApiClient.as("admin", port).post("/api/v1/catalog/sync", "application/json", "");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().path("entries").size()).isGreaterThan(4);
    }

    @Test
    void targetsAreRefusedFieldByFieldInTheFormAndTheRequestFormOffersOnlyAllowedTargets() {
        var admin = admin();
        var invalid = new LinkedHashMap<String, String>();
        invalid.put("slug", "ui-target");
        invalid.put("name", "UI target");
        invalid.put("accountId", "1234");
        invalid.put("region", "atlantis-1");
        invalid.put("environment", "DEV");
        invalid.put("executionRoleArn", "not-an-arn");
        var refused =
                HtmlUtils.htmlUnescape(admin.post("/admin/targets", invalid).body());
        assertThat(refused)
                .contains("The target was not saved:")
                .contains("An AWS account id is exactly 12 digits")
                .contains("Choose one of AWS's regions")
                .contains("Give a role ARN such as");
        assertThat(admin.get("/admin/targets").body()).doesNotContain("UI target");

        invalid.put("accountId", "123412341234");
        invalid.put("region", "ap-southeast-2");
        invalid.put("executionRoleArn", "arn:aws:iam::123412341234:role/Vendo");
        invalid.put("externalId", "ui-secret-0815");
        assertThat(admin.post("/admin/targets", invalid).status()).isEqualTo(302);
        var list = admin.get("/admin/targets").body();
        assertThat(list).contains("UI target").contains("ap-southeast-2").doesNotContain("ui-secret-0815");

        var requester = new WebSession(port).logIn("requester");
        var accountForm = requester.get("/blueprints/team-account/request").body();
        assertThat(accountForm).contains("value=\"org-management\"").doesNotContain("value=\"sandbox-eu-west-1\"");
        var websiteForm = requester.get("/blueprints/static-website/request").body();
        assertThat(websiteForm).contains("value=\"sandbox-eu-west-1\"").doesNotContain("value=\"org-management\"");
    }

    @Test
    void catalogIsSearchedAndFilteredByKindOwnerTagAndEnvironment() {
        var requester = new WebSession(port).logIn("requester");
        assertThat(requester.get("/?kind=ACCOUNT").body())
                .contains("Team AWS account")
                .doesNotContain("Static website");
        assertThat(requester.get("/?q=guardduty+baseline").body())
                .contains("Security baseline")
                .doesNotContain("Team AWS account");
        assertThat(requester.get("/?owner=network-team").body())
                .contains("Team VPC")
                .doesNotContain("Static website");
        assertThat(requester.get("/?tag=cost-center%3Dweb").body())
                .contains("Static website")
                .doesNotContain("Team VPC");
        assertThat(requester.get("/?environment=SANDBOX").body())
                .contains("Static website")
                .doesNotContain("Team AWS account");
        assertThat(requester.get("/?q=no-such-blueprint-anywhere").body()).contains("No blueprint matches.");

        var api = ApiClient.as("requester", port).get("/api/v1/blueprints?kind=STACK_SET&environment=PROD");
        assertThat(api.body().findValuesAsString("slug"))
                .contains("security-baseline")
                .doesNotContain("team-account");
    }
}
