package io.vendo.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * A blueprint's {@code approvalPolicy} must name a policy that exists — over the API, on the admin pages and in the
 * directory sync, see {@code CatalogDirectoryTest} — and a policy that blueprints name cannot be removed: a typo must never leave a production
 * blueprint's requests to the one-approval policy of their scope.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class PolicyNamesTest {

    private static final String METADATA =
            "\"name\": \"Static website\", \"owner\": \"web-team\", \"description\": \"A site\"";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String namedPolicy(String slug) {
        return jdbc.queryForObject("select approval_policy from blueprint where slug = ?", String.class, slug);
    }

    @Test
    void theApiRefusesAPolicyNameThatDoesNotExist() {
        var admin = ApiClient.as("admin", port);

        var changed =
                admin.put("/api/v1/blueprints/static-website", "{" + METADATA + ", \"approvalPolicy\": \"prodution\"}");
        var created = admin.postJson(
                "/api/v1/blueprints",
                "{\"slug\": \"typo-policy\", \"kind\": \"STACK\", " + METADATA
                        + ", \"approvalPolicy\": \"prodution\", \"template\": \"Resources:\\n  T:\\n"
                        + "    Type: AWS::SNS::Topic\\n\"}");

        for (var refused : new ApiClient.Response[] {changed, created}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.body().path("errors").path("approvalPolicy").asString())
                    .startsWith("There is no approval policy 'prodution'; the policies are: ")
                    .contains("default")
                    .contains("production");
        }
        assertThat(namedPolicy("static-website")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from blueprint where slug = 'typo-policy'", Integer.class))
                .isZero();
        var named = admin.put(
                "/api/v1/blueprints/static-website", "{" + METADATA + ", \"approvalPolicy\": \"production\"}");
        assertThat(named.status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/blueprints/static-website", "{" + METADATA + "}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theAdminPageShowsAnUnknownPolicyAsTheFieldsMessage() {
        var admin = new WebSession(port).logIn("admin");
        admin.get("/admin/blueprints/static-website");
        var form = new LinkedHashMap<String, String>();
        form.put("name", "Static website");
        form.put("description", "A site");
        form.put("owner", "web-team");
        form.put("approvalPolicy", "prodution");

        var refused = admin.post("/admin/blueprints/static-website/metadata", form);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains("There is no approval policy 'prodution'");
        assertThat(namedPolicy("static-website")).isNull();
    }

    @Test
    void aPolicyThatBlueprintsNameCannotBeRemoved() {
        assertThat(namedPolicy("team-account")).isEqualTo("production");
        var id = jdbc.queryForObject("select id from approval_policy where name = 'production'", String.class);
        var admin = new WebSession(port).logIn("admin");
        admin.get("/admin/policies");

        var refused = admin.post("/admin/policies/" + id + "/delete", java.util.Map.of());

        assertThat(refused.status()).isEqualTo(302);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/policies").body()))
                .contains("Policy 'production' is named by blueprint(s) team-account");
        assertThat(jdbc.queryForObject("select count(*) from approval_policy where name = 'production'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aRequestForABlueprintWhoseNamedPolicyVanishedIsRefusedNotLeftToALaxerOne() {
        // As a blueprint stored before names were checked might be: naming a policy that is not there.
        jdbc.update("update blueprint set approval_policy = 'vanished' where slug = 'static-website'");
        var requests = jdbc.queryForObject("select count(*) from vending_request", Integer.class);
        try {
            var refused = ApiClient.as("requester", port)
                    .postJson(
                            "/api/v1/requests",
                            """
                            {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                             "parameters": {"SiteName": "vanished-policy"}, "justification": "fail closed"}
                            """);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.body().path("detail").asString()).contains("approval policy 'vanished'");
            assertThat(jdbc.queryForObject("select count(*) from vending_request", Integer.class))
                    .isEqualTo(requests);
        } finally {
            jdbc.update("update blueprint set approval_policy = null where slug = 'static-website'");
        }
    }
}
