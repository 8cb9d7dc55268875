package io.vendo.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.ApiClient;
import io.vendo.support.ChromiumPages;
import io.vendo.support.VendoIntegrationTest;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The approver's e-mail journey in the local run, where no mail server exists: the mail waits in the local outbox,
 * its approve link opens the confirmation page after login, and the approved request runs (a dry run here). In a real
 * Chromium under the portal's Content-Security-Policy: any inline style or script in the shown mail would be a console
 * error, which fails the test.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class LocalOutboxBrowserTest {

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Test
    void approverFollowsTheApproveLinkFromTheOutboxLogsInApprovesAndTheRequestRuns() {
        var site = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", site, "Walk the approver's mail");

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            page.navigate(url("/"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in to Vendo")))
                    .isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outbox"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Outbox")))
                    .isVisible();

            var invitation = mail(page, "Approval needed", "approver@vendo.local", site);
            assertThat(invitation).hasCount(1);
            assertThat(invitation.getByText("Walk the approver's mail")).isVisible();
            invitation
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Review and approve"))
                    .click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in to Vendo")))
                    .isVisible();
            ChromiumPages.fillLogIn(page, "approver");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Decide on this request")))
                    .isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.getByText("You approved this request.")).isVisible();

            page.navigate(url("/requests/" + id));
            assertThat(page.getByTestId("request-state"))
                    .hasText("DRY-RUN (nothing created)", new LocatorAssertions.HasTextOptions().setTimeout(20_000));

            // The requester's mail about the outcome arrives in the outbox too, above the invitation.
            page.navigate(url("/local/outbox"));
            // It links the request (its id is only in the link).
            assertThat(mail(page, "DRY_RUN", "requester@vendo.local", "")
                            .filter(new Locator.FilterOptions().setHas(page.locator("a[href$='/requests/" + id + "']")))
                            .first())
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
            var numbers = ((List<?>) page.locator("article[data-mail]")
                            .evaluateAll("articles => articles.map(article => Number(article.dataset.mail))"))
                    .stream().map(number -> ((Number) number).longValue()).toList();
            assertThat(numbers).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    private static Locator mail(Page page, String subject, String to, String mentioning) {
        return page.getByRole(AriaRole.ARTICLE)
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(subject))))
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByTestId("mail-to").getByText(to)))
                .filter(new Locator.FilterOptions().setHasText(mentioning));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
