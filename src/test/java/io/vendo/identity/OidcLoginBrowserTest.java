package io.vendo.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.ApiClient;
import io.vendo.support.ChromiumPages;
import io.vendo.support.Mailbox;
import io.vendo.support.OidcIssuer;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People log in through the issuer in a real Chromium: their Cognito groups decide what they get (an approver has the
 * inbox, a requester no admin page), the portal remembers them so that approvals reach them by e-mail, and logging
 * out ends the Cognito session too.
 */
@VendoIntegrationTest
@OidcIssuer.WithIssuer
class OidcLoginBrowserTest {

    private static final List<String> PLATFORM_APPROVER = List.of("vendo-approvers", "team-platform-team");
    private static final List<String> WEB_REQUESTER = List.of("vendo-requesters", "team-web-team");

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void approverLogsInThroughTheIssuerSeesTheInboxAndIsInvitedByMailFromThenOn() {
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logInThroughIssuer(page, "/approvals", "pia", "pia@example.com", PLATFORM_APPROVER);

            assertThat(page.url()).startsWith(url("/approvals"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approvals")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                    .containsText("pia");
        }
        assertThat(jdbc.queryForMap("select email, roles::text, teams::text from person where username = 'pia'"))
                .containsEntry("email", "pia@example.com")
                .containsEntry("teams", "[\"platform-team\"]");
        assertThat((String) jdbc.queryForObject("select roles::text from person where username = 'pia'", String.class))
                .contains("APPROVER");

        // Remembered from her login: the next request's approval invitation reaches her.
        var rita = ApiClient.withToken(OidcIssuer.userAccessToken("rita", WEB_REQUESTER), port);
        var id = rita.submit("sandbox-eu-west-1", "pia-invited", "Pia should hear of this");
        Mailbox.awaitAbout("pia@example.com", "Approval needed", "pia-invited");

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logInThroughIssuer(page, "/approvals", "pia", "pia@example.com", PLATFORM_APPROVER);
            assertThat(page.getByRole(
                                    AriaRole.LINK,
                                    new Page.GetByRoleOptions().setName("Static website on Sandbox (eu-west-1)"))
                            .first())
                    .isVisible();
            assertThat(page.locator("a[href='/requests/" + id + "']")).isVisible();
        }
    }

    @Test
    void requesterGetsNoAdminPagesAndNoInbox() {
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logInThroughIssuer(page, "/requests", "ravi", "ravi@example.com", WEB_REQUESTER);

            var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
            assertThat(nav).containsText("ravi");
            assertThat(nav.getByRole(
                            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Policies")))
                    .hasCount(0);
            assertThat(nav.getByRole(
                            AriaRole.LINK,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approvals")))
                    .hasCount(0);
            // The same session, asked for the admin pages and the inbox directly.
            assertThat(page.request().get(url("/admin/policies")).status()).isEqualTo(403);
            assertThat(page.request().get(url("/admin/audit")).status()).isEqualTo(403);
            assertThat(page.request().get(url("/approvals")).status()).isEqualTo(403);
        }
    }

    @Test
    void loggingOutEndsTheCognitoSessionThroughItsLogoutEndpoint() {
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logInThroughIssuer(page, "/requests", "ravi", "ravi@example.com", WEB_REQUESTER);
            var logoutsBefore = OidcIssuer.logouts().size();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                    .click();

            // Through Cognito's logout and back to the portal's login page.
            assertThat(page.getByText("You have logged out.")).isVisible();
            assertThat(page.url()).isEqualTo(url("/login?logout"));
            var logout = OidcIssuer.logouts().get(logoutsBefore);
            assertThat(query(logout))
                    .containsEntry("client_id", OidcIssuer.PORTAL_CLIENT)
                    .containsEntry("logout_uri", url("/login?logout"));
            // Vendo's session is gone as well.
            page.navigate(url("/requests"));
            assertThat(page.url()).isEqualTo(url("/login"));
        }
    }

    @Test
    void logoutRedirectIsCognitosWithAnEncodedReturnAddressAndTheSessionIsInvalidated() {
        var session = new WebSession(port).logInThroughIssuer("ravi", "ravi@example.com", WEB_REQUESTER);
        assertThat(session.get("/requests").status()).isEqualTo(200);

        var logout = session.post("/logout", Map.of());

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location())
                .isEqualTo(OidcIssuer.hostedUi() + "/logout?client_id=vendo-portal&logout_uri="
                        + "http%3A%2F%2Flocalhost%3A" + port + "%2Flogin%3Flogout");
        assertThat(session.get("/requests").status()).isEqualTo(302);
    }

    @Test
    void sessionIdChangesAtLogin() {
        var session = new WebSession(port);
        session.get("/login");
        var before = session.cookie("SESSION");

        session.logInThroughIssuer("ravi", "ravi@example.com", WEB_REQUESTER);

        assertThat(before).isNotNull();
        assertThat(session.cookie("SESSION")).isNotNull().isNotEqualTo(before);
    }

    private void logInThroughIssuer(Page page, String path, String username, String email, List<String> groups) {
        page.navigate(url(path));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in to Vendo")))
                .isVisible();
        OidcIssuer.nextLogin(username, email, groups);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with your company account"))
                .click();
        // Back where they wanted to go (Spring Security marks the replayed request with ?continue).
        page.waitForURL(landed -> landed.equals(url(path)) || landed.equals(url(path) + "?continue"));
    }

    private static Map<String, String> query(URI uri) {
        var values = new java.util.HashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
