package io.vendo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.ApiClient;
import io.vendo.support.ChromiumPages;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of the portal as its users reach it, in a real Chromium at a desktop's width, a phone's (390 px) and a
 * small phone's (360 px): axe-core finds no accessibility violation, no page scrolls sideways, and a repeat view of a
 * page (its assets in the browser's cache) transfers at most 15 KB. The screenshots the README shows are taken here
 * (into {@code target/screenshots}; with {@code -Dvendo.screenshots=docs/screenshots} into the README's folder).
 */
@VendoIntegrationTest
class PagesTourBrowserTest {

    private static final int REPEAT_VIEW_LIMIT = 15 * 1024;
    /** The screens the README shows. */
    private static final java.util.Set<String> IN_README = java.util.Set.of(
            "catalog",
            "request-form-refused",
            "request-review",
            "request-pending",
            "approvals",
            "requests-phone",
            "request-to-decide-phone");

    private static final Path AXE = Path.of("frontend/node_modules/axe-core/axe.min.js");

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    private String pending;
    private String rejected;
    private String fleet;

    /** A page as someone gets to it: who, and how (most by their address, the review by filling the form). */
    private record Stop(String name, String user, Consumer<Page> reach) {

        /** The error page answers 404, which the browser logs as a console error: that is its point here. */
        boolean answersAnError() {
            return name.equals("error-page");
        }
    }

    @BeforeEach
    void requests() {
        pending =
                ApiClient.as("requester", port).submit("sandbox-eu-west-1", "tour-site", "Landing page for the launch");
        rejected = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "tour-refused", "A second landing page");
        var refusal = ApiClient.as("approver", port)
                .postJson(
                        "/api/v1/requests/" + rejected + "/decisions",
                        "{\"decision\": \"REJECT\", \"comment\": \"One landing page is enough\"}");
        assertThat(refusal.status()).isEqualTo(200);
        var batch = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/request-batches",
                        """
                        {"blueprint": "static-website", "justification": "A site per tenant",
                         "rows": [{"target": "sandbox-eu-west-1", "parameters": {"SiteName": "tour-tenant-one"}},
                                  {"target": "sandbox-eu-west-1", "parameters": {"SiteName": "tour-tenant-two"}}]}""");
        assertThat(batch.status()).isEqualTo(201);
        fleet = batch.body().path("id").asString();
    }

    private List<Stop> tour() {
        return List.of(
                new Stop("login", null, page -> page.navigate(url("/login"))),
                new Stop("catalog", "requester", at("/")),
                new Stop("blueprint", "requester", at("/blueprints/static-website")),
                new Stop("request-form", "requester", at("/blueprints/static-website/request")),
                new Stop("request-form-refused", "requester", page -> {
                    page.navigate(url("/blueprints/static-website/request"));
                    page.locator("#param-SiteName").fill("Not Valid!");
                    reviewButton(page).click();
                    assertThat(page.locator("#error-summary")).isVisible();
                }),
                new Stop("request-review", "requester", page -> {
                    page.navigate(url("/blueprints/static-website/request"));
                    page.locator("#target").selectOption("sandbox-eu-west-1");
                    page.locator("#param-SiteName").fill("tour-review");
                    page.locator("#justification").fill("A page for the tour");
                    reviewButton(page).click();
                    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request")))
                            .isVisible();
                }),
                new Stop("fleet-form", "requester", at("/blueprints/static-website/fleet")),
                new Stop("fleet", "requester", at("/request-batches/" + fleet)),
                new Stop("requests", "requester", at("/requests")),
                new Stop("request-pending", "requester", at("/requests/" + pending)),
                new Stop("request-rejected", "requester", at("/requests/" + rejected)),
                new Stop("approvals", "approver", at("/approvals")),
                new Stop("request-to-decide", "approver", at("/requests/" + pending)),
                new Stop("admin-blueprints", "admin", at("/admin/blueprints")),
                new Stop("admin-blueprint", "admin", at("/admin/blueprints/static-website")),
                new Stop("admin-targets", "admin", at("/admin/targets")),
                new Stop("admin-target", "admin", at("/admin/targets/sandbox-eu-west-1")),
                new Stop("admin-policies", "admin", at("/admin/policies")),
                new Stop("admin-audit", "admin", at("/admin/audit")),
                new Stop("outbox", "admin", at("/local/outbox")),
                new Stop("error-page", "requester", at("/requests/not-a-request")));
    }

    @Test
    void everyPageHasNoAxeViolationAtDesktopAndPhoneWidth() {
        var violations = new LinkedHashMap<String, List<String>>();
        var counts = new LinkedHashMap<String, String>();
        for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            visitAll(size[0], size[1], true, (stop, page) -> {
                var found = axe(page);
                counts.merge(stop.name(), size[0] + "px: " + found.size(), (a, b) -> a + ", " + b);
                if (!found.isEmpty()) {
                    violations.put(stop.name() + " at " + size[0] + " px", found);
                }
                screenshot(page, stop.name() + (size[0] < 640 ? "-phone" : ""));
            });
        }
        counts.forEach((name, count) -> System.out.printf("axe violations %s: %s%n", name, count));
        assertThat(violations).as("axe-core violations").isEmpty();
    }

    @Test
    void noPageScrollsSidewaysOnASmallPhone() {
        var wide = new LinkedHashMap<String, Object>();
        visitAll(360, 740, false, (stop, page) -> {
            var overflow = page.evaluate(
                    """
                    () => {
                      const width = document.documentElement.clientWidth;
                      if (document.documentElement.scrollWidth <= width) return null;
                      const culprits = [...document.querySelectorAll("body *")]
                        .filter(e => e.getBoundingClientRect().right > width)
                        .slice(0, 5)
                        .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + e.className);
                      return document.documentElement.scrollWidth + " > " + width + ": " + culprits.join(" | ");
                    }""");
            if (overflow != null) {
                wide.put(stop.name(), overflow);
            }
        });
        assertThat(wide).as("pages wider than a 360 px screen").isEmpty();
    }

    @Test
    void aRepeatViewOfEveryPageTransfersAtMost15KB() {
        var bytes = new LinkedHashMap<String, Long>();
        visitAll(1280, 900, false, (stop, page) -> {
            // The review and the refused form answer a POST, not views to repeat; the outbox is the local run's mail
            // viewer (no portal page), which shows every mail the run keeps, so its size is the suite's doing.
            if (stop.name().contains("review")
                    || stop.name().contains("refused")
                    || stop.name().equals("outbox")) {
                return;
            }
            page.reload();
            page.waitForLoadState();
            var transferred = ((Number)
                            page.evaluate(
                                    """
                            () => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
                              .filter(entry => !entry.name.endsWith("/stream"))
                              .reduce((sum, entry) => sum + entry.transferSize, 0)"""))
                    .longValue();
            bytes.put(stop.name(), transferred);
        });
        bytes.forEach((name, size) -> System.out.printf("repeat view %s: %d bytes%n", name, size));
        assertThat(bytes).isNotEmpty().allSatisfy((name, size) -> assertThat(size)
                .as("bytes of a repeat view of " + name)
                .isPositive()
                .isLessThanOrEqualTo(REPEAT_VIEW_LIMIT));
    }

    private interface Visit {
        void at(Stop stop, Page page);
    }

    /** Each person's stops in one browser of theirs (logged in once), in the tour's order. */
    private void visitAll(int width, int height, boolean bypassCsp, Visit visit) {
        var byUser = new LinkedHashMap<String, List<Stop>>();
        for (var stop : tour()) {
            byUser.computeIfAbsent(String.valueOf(stop.user()), user -> new ArrayList<>())
                    .add(stop);
        }
        byUser.forEach((user, stops) -> {
            try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions()
                    .setViewportSize(width, height)
                    .setLocale("en-GB")
                    .setTimezoneId("Europe/Berlin")
                    // axe-core goes into the page as a script of the test's own, which the portal's policy refuses.
                    .setBypassCSP(bypassCsp))) {
                var page = chromium.pageIn(context);
                if (!user.equals("null")) {
                    logIn(page, user);
                }
                for (var stop : stops) {
                    var shown = stop.answersAnError() ? context.newPage() : page;
                    stop.reach().accept(shown);
                    shown.waitForLoadState();
                    visit.at(stop, shown);
                }
            }
        });
    }

    /** The rules axe-core breaks on the page, as "rule: the elements" lines. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        var result = (List<String>)
                page.evaluate(
                        """
                async () => {
                  const result = await axe.run(document, { resultTypes: ["violations"] });
                  return result.violations.map(v =>
                    v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
                }""");
        return result;
    }

    /** What a screen shows when the page opens (not the whole page: a README shows a screen). */
    private static void screenshot(Page page, String name) {
        var folders = new ArrayList<>(List.of(Path.of("target/screenshots")));
        var readme = System.getProperty("vendo.screenshots");
        if (readme != null && !readme.isBlank() && IN_README.contains(name)) {
            folders.add(Path.of(readme));
        }
        for (var folder : folders) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(folder.resolve(name + ".png"))
                    .setFullPage(false));
        }
    }

    private static com.microsoft.playwright.Locator reviewButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"));
    }

    private Consumer<Page> at(String path) {
        return page -> page.navigate(url(path));
    }

    private void logIn(Page page, String user) {
        page.navigate(url("/login"));
        ChromiumPages.fillLogIn(page, user);
        page.waitForURL(address -> !address.contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
