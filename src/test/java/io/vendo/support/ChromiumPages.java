package io.vendo.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Chromium for a test class: launched once, a fresh context (cookies, session) per person in a test, and no
 * console error allowed on any page, Content-Security-Policy violations included.
 */
public final class ChromiumPages implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final List<String> consoleErrors = new ArrayList<>();
    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browser.close();
        playwright.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            assertThat(consoleErrors).as("console errors in the browser").isEmpty();
        } finally {
            consoleErrors.clear();
        }
    }

    /** A browser of its own for one person; close it when they are done. */
    public BrowserContext newContext() {
        return browser.newContext();
    }

    /** The same, with options (a phone's viewport, JavaScript off, …). */
    public BrowserContext newContext(Browser.NewContextOptions options) {
        return browser.newContext(options);
    }

    /** Fills the login form the page shows as a demo user (whose password is their name) and sends it. */
    public static void fillLogIn(Page page, String user) {
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /** Logs in at the login page's address as a demo user and waits for the catalog, where a login lands. */
    public static void logIn(Page page, String loginUrl, String user) {
        page.navigate(loginUrl);
        fillLogIn(page, user);
        PlaywrightAssertions.assertThat(
                        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Catalog")))
                .isVisible();
    }

    public Page pageIn(BrowserContext context) {
        var page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
        return page;
    }
}
