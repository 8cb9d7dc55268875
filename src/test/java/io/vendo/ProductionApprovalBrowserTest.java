package io.vendo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.ApiClient;
import io.vendo.support.ChromiumPages;
import io.vendo.support.Mailbox;
import io.vendo.support.VendoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A production request needs a team lead and the platform team. Each approver clicks the link in their e-mail, logs
 * in, lands on the confirmation page and approves; the request moves on only after both.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class ProductionApprovalBrowserTest {

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Mailbox.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void twoApproversFromTwoGroupsDecideThroughTheirLinks() {
        var id = ApiClient.as("requester", port).submit("prod-eu-west-1", "prod-site", "Launch day");
        var leadLink = Mailbox.approvalLink(Mailbox.awaitAbout("lead@vendo.local", "Approval needed", "prod-site"));
        var platformLink =
                Mailbox.approvalLink(Mailbox.awaitAbout("approver@vendo.local", "Approval needed", "prod-site"));

        approveThroughLink(leadLink, "lead", "Team lead says yes");
        // The requester hears of the first approval although the request still waits.
        Mailbox.awaitAbout("requester@vendo.local", "PENDING_APPROVAL", "approval.approved by lead");
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "lead", url("/requests/" + id));
            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            assertThat(page.getByTestId("approval-policy")).containsText("Waiting for: platform-team");
        }

        approveThroughLink(platformLink, "approver", "Platform says yes");
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", url("/requests/" + id));
            assertThat(page.getByTestId("request-state"))
                    .hasText("DRY-RUN (nothing created)", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
            assertThat(page.getByTestId("timeline")).containsText("approval.approved by lead");
            assertThat(page.getByTestId("timeline")).containsText("approval.approved by approver");
        }
    }

    /** Click the link, meet the login page, log in, land on the confirmation page, approve. */
    private void approveThroughLink(String link, String user, String comment) {
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate(link + "?decision=APPROVE");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in to Vendo")))
                    .isVisible();
            ChromiumPages.fillLogIn(page, user);

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Decide on this request")))
                    .isVisible();
            assertThat(page.getByText("Launch day")).isVisible();
            assertThat(page.getByTestId("preview")).containsText("AWS::S3::Bucket");
            page.getByLabel("Comment").fill(comment);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.getByText("You approved this request.")).isVisible();
        }
    }

    private void logIn(Page page, String user, String then) {
        page.navigate(then);
        ChromiumPages.fillLogIn(page, user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
