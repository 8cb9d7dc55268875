package io.vendo.request.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.ApiClient;
import io.vendo.support.ChromiumPages;
import io.vendo.support.VendoIntegrationTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lists people work from, in a real Chromium: Requests searched, filtered and paged; the approver's badge, inbox
 * and "decided by me"; "request again"; a question before cancelling; moments in the viewer's own time zone.
 */
@VendoIntegrationTest
class RequestListsBrowserTest {

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Test
    void requestsAreSearchedFilteredAndPagedWithACursor() {
        var word = "w" + UUID.randomUUID().toString().substring(0, 8);
        var requester = ApiClient.as("requester", port);
        for (int i = 0; i < 27; i++) {
            requester.submit("sandbox-eu-west-1", "list-" + i + "-" + word.substring(1), "Paging " + word + " " + i);
        }
        var refused = requester.submit("sandbox-eu-west-1", "list-refused-" + word.substring(1), "Paging " + word);
        ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + refused + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"no\"}");

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/requests");
            page.getByLabel("Search").fill(word);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                    .click();
            var rows = page.getByTestId("request-list").locator("tbody tr");
            assertThat(rows).hasCount(25);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older requests"))
                    .click();
            assertThat(rows).hasCount(3);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older requests")))
                    .hasCount(0);
            // The oldest of the 28 is the first submitted: pages neither skip nor repeat.
            assertThat(page.getByText("Paging " + word + " 0")).hasCount(0);
            assertThat(page.getByLabel("Search")).hasValue(word);

            page.navigate(url("/requests?q=" + word));
            page.getByLabel("State").selectOption("REJECTED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                    .click();
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText("REJECTED");

            page.navigate(url("/requests?q=" + word + "+nothing-like-this"));
            assertThat(page.getByTestId("no-match")).isVisible();

            // What the list cannot read is said, and the list still shows.
            page.navigate(url("/requests?state=BOGUS&cursor=not-a-cursor&q=" + word));
            assertThat(page.locator("#error-summary")).containsText("Choose a state from the list");
            assertThat(page.locator("#error-summary")).containsText("That page link is not one this list made");
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(rows).hasCount(25);
        }
    }

    @Test
    void anApproverSeesHowManyWaitAndWhatTheyDecided() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "badge-site", "Counting for the badge");
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "approver", "/approvals");
            var waiting = page.locator("[data-testid=waiting] > li").count();
            assertThat(waiting).isPositive();
            assertThat(page.getByTestId("waiting-approvals")).hasText(waiting + " waiting");

            page.navigate(url("/requests/" + id));
            page.getByLabel("Comment").fill("Fine for a sandbox");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            page.waitForURL(address -> address.endsWith("/requests/" + id));
            if (waiting == 1) {
                assertThat(page.getByTestId("waiting-approvals")).hasCount(0);
            } else {
                assertThat(page.getByTestId("waiting-approvals")).hasText((waiting - 1) + " waiting");
            }

            page.navigate(url("/approvals"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Decided by me"))
                    .click();
            var first = page.locator("[data-testid=decided] > li").first();
            assertThat(first).containsText("you approved");
            assertThat(first).containsText("Fine for a sandbox");
            assertThat(first.getByRole(AriaRole.LINK)).hasAttribute("href", "/requests/" + id);
        }
    }

    @Test
    void aRequestIsRequestedAgainCancelledOnlyWhenConfirmedAndTimedInTheViewersZone() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "again-site", "Once more please");
        try (var context = chromium.newContext(new Browser.NewContextOptions()
                .setTimezoneId("Pacific/Auckland")
                .setLocale("en-NZ"))) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/requests/" + id);

            // Local time: the UTC moment is kept in the title, the text is the viewer's.
            var submitted = page.locator("[data-testid=timeline] time").first();
            assertThat(submitted).hasAttribute("title", java.util.regex.Pattern.compile("UTC$"));
            assertThat(submitted).not().containsText("UTC");
            // One moment, shown once (a fragment named "time" once brought both of its file's <time> elements).
            assertThat(page.getByTestId("approval-policy").locator("time")).hasCount(1);

            // Cancel asks first; saying no changes nothing.
            var question = new AtomicReference<String>();
            page.onceDialog(dialog -> {
                question.set(dialog.message());
                dialog.dismiss();
            });
            cancel(page).click();
            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            assertThat(question.get()).startsWith("Cancel this request?");
            page.onceDialog(dialog -> dialog.accept());
            cancel(page).click();
            assertThat(page.getByTestId("request-state")).hasText("CANCELLED");

            page.getByTestId("request-again").click();
            assertThat(page.locator("#param-SiteName")).hasValue("again-site");
            assertThat(page.locator("#justification")).hasValue("Once more please");
            assertThat(page.locator("#target")).hasValue("sandbox-eu-west-1");
        }
    }

    @Test
    void retiringABlueprintAsksFirstAndNoChangesNothing() {
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "admin", "/admin/blueprints/static-website");
            var question = new AtomicReference<String>();
            page.onceDialog(dialog -> {
                question.set(dialog.message());
                dialog.dismiss();
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retire blueprint"))
                    .click();
            assertThat(question.get()).startsWith("Retire static-website?");
            assertThat(page)
                    .hasURL(java.util.regex.Pattern.compile(".*/admin/blueprints/static-website(\\?continue)?$"));
            page.reload();
            assertThat(page.getByText("Retired: no new requests")).hasCount(0);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retire blueprint")))
                    .isEnabled();
        }
    }

    private static com.microsoft.playwright.Locator cancel(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this request"));
    }

    private void logIn(Page page, String user, String then) {
        page.navigate(url(then));
        ChromiumPages.fillLogIn(page, user);
        page.waitForURL(address -> address.startsWith(url(then)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
