package io.vendo.request.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request's page as its requester keeps it open, in a real Chromium: a decision made by someone else reaches every
 * part of it within seconds (pushed by server-sent events, since while a request waits for approval the page looks on
 * its own only every 30 s or more), unchanged looks cost a 304, and a request that has ended arms nothing.
 *
 * <p>AWS is the stub, and a change set, once created, is looked at again only after an hour: an approved request stays
 * IN_PROGRESS with nothing changing, which is what the running page's polling is measured against.
 */
@VendoIntegrationTest
class RequestPageLiveBrowserTest {

    private static final String CHANGE_SET_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:changeSet/vendo-live/1c2d3e4f-5a6b-7c8d-9e0f-1a2b3c4d5e6f";
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-live/2b3c4d5e-6f7a-8b9c-0d1e-2f3a4b5c6d7e";

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
        registry.add("vendo.execution.change-set-poll-delay", () -> "1h");
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void stubAws() {
        AwsStub.reset();
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
    }

    @Test
    void anApprovalByAnotherUserReachesEveryPartOfTheRequestersPageWithinFiveSeconds() {
        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "live-site", "Watch it move");
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/requests/" + id);
            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            assertThat(page.getByTestId("approval-policy")).containsText("Waiting for");
            assertThat(page.getByText("No decisions yet.")).isVisible();
            assertThat(cancelButton(page)).isVisible();
            // The reader has selected their name on the page; a refresh must not take the selection away.
            page.evaluate(
                    """
                    () => {
                      const range = document.createRange();
                      range.selectNodeContents(document.querySelector("[data-testid=requester]"));
                      getSelection().removeAllRanges();
                      getSelection().addRange(range);
                    }""");
            var announcer = page.locator("#live-announcer").elementHandle();
            var fragments = new CopyOnWriteArrayList<Response>();
            page.onResponse(response -> {
                if (response.url().endsWith("/live")) {
                    fragments.add(response);
                }
            });

            var decidedAt = System.nanoTime();
            var decision = ApiClient.as("approver", port)
                    .postJson(
                            "/api/v1/requests/" + id + "/decisions",
                            "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
            assertThat(decision.status()).isEqualTo(200);

            var fiveSeconds = new LocatorAssertions.HasTextOptions().setTimeout(5_000);
            assertThat(page.getByTestId("request-state")).hasText("IN_PROGRESS", fiveSeconds);
            // Every part shows the new state: nothing is left of the old one.
            assertThat(page.getByTestId("approval-outcome")).hasText("Approved.");
            assertThat(page.getByTestId("decisions")).containsText("approver approved");
            assertThat(page.getByTestId("approval-policy")).not().containsText("Waiting for");
            assertThat(page.getByText("No decisions yet.")).hasCount(0);
            assertThat(cancelButton(page)).hasCount(0);
            assertThat(page.getByTestId("timeline")).containsText("approval.approved by approver");
            assertThat(page.getByTestId("timeline")).containsText("request.started");
            assertThat(page.getByTestId("execution-phase")).isVisible();
            var elapsedMillis = (System.nanoTime() - decidedAt) / 1_000_000;
            assertThat(elapsedMillis).isLessThan(5_000);

            // Pushed, not polled: the page's own timer would not have fired for 30 s.
            assertThat(fragments).isNotEmpty();
            assertThat(page.getByText("Waiting for approval")).hasCount(0);
            assertThat(page.evaluate("() => getSelection().toString()")).isEqualTo("requester");
            // The live region is the same element as before, with new words.
            assertThat(announcer.evaluate("element => element.isConnected")).isEqualTo(true);
            assertThat(page.locator("#live-announcer")).hasText("In progress in AWS");
            System.out.printf("Approval to requester's page, every part: %d ms%n", elapsedMillis);
        }
    }

    @Test
    void aPageThatFindsNothingNewGets304AndAnEndedRequestArmsNothing() {
        var pending = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "still-site", "Still waiting");
        var rejected = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "rejected-site", "Will be refused");
        ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + rejected + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"Not this quarter\"}");
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/");
            var traffic = new CopyOnWriteArrayList<String>();
            var statuses = new CopyOnWriteArrayList<Integer>();
            page.onRequest(request -> traffic.add(request.url()));
            page.onResponse(response -> {
                if (response.url().endsWith("/live")) {
                    statuses.add(response.status());
                }
            });

            // A fake clock: 30 minutes pass in a moment, and every timer due in them fires.
            page.clock().install();
            page.navigate(url("/requests/" + rejected));
            assertThat(page.getByTestId("request-state")).hasText("REJECTED");
            page.waitForLoadState();
            traffic.clear();
            advance(page, 30 * 60);
            assertThat(traffic)
                    .as("requests from an ended request's page in 30 minutes")
                    .isEmpty();

            // The same page for a request that still waits does look again, and learns that nothing changed.
            page.navigate(url("/requests/" + pending));
            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            assertThat(traffic).anyMatch(request -> request.endsWith("/requests/" + pending + "/stream"));
            statuses.clear();
            advance(page, 31);
            assertThat(statuses).containsExactly(304);
        }
    }

    @Test
    void pollsPerMinuteWhenNothingChanges() {
        var pending = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "pending-poll", "Counting looks");
        var running = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "running-poll", "Counting looks");
        ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + running + "/decisions",
                        "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester", "/");
            var looks = new CopyOnWriteArrayList<String>();
            page.onResponse(response -> {
                if (response.url().endsWith("/live")) {
                    looks.add(response.url() + " " + response.status());
                }
            });
            page.clock().install();

            page.navigate(url("/requests/" + pending));
            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            advance(page, 60 * 60);
            var pendingPerHour = looks.size();
            assertThat(looks).allMatch(look -> look.endsWith(" 304"));

            looks.clear();
            page.navigate(url("/requests/" + running));
            assertThat(page.getByTestId("request-state"))
                    .hasText("IN_PROGRESS", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            advance(page, 10 * 60);
            var runningPerTenMinutes = looks.size();
            assertThat(looks).allMatch(look -> look.endsWith(" 304"));

            // Backing off from 30 s to 5 min while pending, from 3 s to 30 s while running.
            assertThat(pendingPerHour).isBetween(10, 20);
            assertThat(runningPerTenMinutes).isBetween(18, 25);
            System.out.printf(
                    "Polls while nothing changes: pending %d per hour (%.2f/min), running %d per 10 min (%.1f/min)%n",
                    pendingPerHour, pendingPerHour / 60.0, runningPerTenMinutes, runningPerTenMinutes / 10.0);
        }
    }

    /**
     * Moves the page's fake clock on a second at a time; a look that falls due is let reach the server and come back
     * before the clock moves on, so the page arms its next look at the fake time it would in reality.
     */
    private static void advance(Page page, int seconds) {
        var outstanding = new AtomicInteger();
        // Looks only: the event stream stays open all along.
        page.onRequest(request -> {
            if (request.url().endsWith("/live")) {
                outstanding.incrementAndGet();
            }
        });
        page.onRequestFinished(request -> {
            if (request.url().endsWith("/live")) {
                outstanding.decrementAndGet();
            }
        });
        page.onRequestFailed(request -> {
            if (request.url().endsWith("/live")) {
                outstanding.decrementAndGet();
            }
        });
        for (int second = 0; second < seconds; second++) {
            page.clock().runFor(1_000);
            for (int wait = 0; wait < 200 && outstanding.get() > 0; wait++) {
                page.waitForTimeout(5);
            }
        }
    }

    private static com.microsoft.playwright.Locator cancelButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this request"));
    }

    private void logIn(Page page, String user, String then) {
        page.navigate(url(then));
        ChromiumPages.fillLogIn(page, user);
        // Spring Security's redirect to the saved page may add "?continue".
        page.waitForURL(address -> address.startsWith(url(then)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
