package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewTarget;
import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** What admins do in the portal: curate approval policies and read, filter, export and verify the audit log. */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class AdminPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    CatalogAdministration catalog;

    @Test
    void anAddedPolicyAppliesToTheNextRequestInItsScope() {
        catalog.register(new NewTarget(
                "staging-eu-west-1",
                "Staging (eu-west-1)",
                "777788889999",
                "eu-west-1",
                EnvironmentTier.STAGING,
                null,
                null));
        var admin = new WebSession(port).logIn("admin");
        var page = admin.get("/admin/policies");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("default").contains("1 from team-leads and 1 from platform-team");

        var refused = admin.post(
                "/admin/policies", Map.of("name", "broken", "requirements", "team-leads:none", "environment", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Write requirements as group:count");
        assertThat(admin.get("/admin/policies").body()).doesNotContain(">broken<");

        var added = admin.post(
                "/admin/policies",
                Map.of(
                        "name",
                        "staging-web-auto",
                        "environment",
                        "STAGING",
                        "team",
                        "web-team",
                        "autoApprove",
                        "true"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(admin.get("/admin/policies").body())
                .contains("staging-web-auto")
                .contains("approved automatically");

        var id = ApiClient.as("requester", port).submit("staging-eu-west-1", "auto-site", "Staging check");
        var request = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> ApiClient.as("requester", port)
                                .get("/api/v1/requests/" + id)
                                .body(),
                        body -> body.path("state").asString().equals("DRY_RUN"));
        assertThat(request.path("state").asString()).isEqualTo("DRY_RUN");
        var events = ApiClient.as("requester", port)
                .get("/api/v1/requests/" + id + "/events")
                .body();
        assertThat(events.toString()).contains("policy:staging-web-auto");

        assertThat(new WebSession(port)
                        .logIn("requester")
                        .get("/admin/policies")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theAuditLogIsFilteredExportedAndVerified() {
        var valid = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "audit-page-site", "Audit page");
        var admin = new WebSession(port).logIn("admin");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> admin.get("/admin/audit?subject=" + valid).body(),
                        body -> body.contains("request.submitted"));

        var filtered = admin.get("/admin/audit?action=approval.&subject=" + valid);
        assertThat(filtered.body()).contains("approval.opened").doesNotContain("request.submitted");

        var csv = admin.get("/admin/audit.csv?subject=" + valid);
        assertThat(csv.status()).isEqualTo(200);
        var lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id,occurred_at,actor,action,subject,details,hash");
        assertThat(lines).anyMatch(line -> line.contains("\"requester\",\"request.submitted\",\"" + valid + "\""));

        assertThat(admin.get("/admin/audit?verify=true").body()).contains("Chain intact");
        assertThat(new WebSession(port).logIn("approver").get("/admin/audit").status())
                .isEqualTo(403);
    }
}
