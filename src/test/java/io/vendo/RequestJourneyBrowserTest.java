package io.vendo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.LiveAws;
import io.vendo.support.VendoIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walking skeleton as people use it, in a real Chromium: a requester fills the generated form, an approver
 * approves from the inbox, and the request page refreshes itself until the stack's outputs appear.
 */
@VendoIntegrationTest
class RequestJourneyBrowserTest {

    private static final String CHANGE_SET_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:changeSet/vendo-browser/7a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-static-website/0b9c2a50-c5f2-11ee-9a4e-06c3f2e1b2a1";
    private static final String WEBSITE = "http://browser-site.s3-website.eu-west-1.amazonaws.com";

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @DynamicPropertySource
    static void aws(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void stubAws() {
        AwsStub.reset();
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.<String[]>of(new String[] {"Add", "SiteBucket", "AWS::S3::Bucket", ""}),
                "",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
        AwsStub.stubDescribeStacks(
                STACK_ID,
                Map.of("WebsiteURL", WEBSITE, "BucketName", "browser-site-b"),
                "CREATE_IN_PROGRESS",
                "CREATE_COMPLETE");
    }

    @Test
    void requesterSubmitsTheFormApproverApprovesAndTheStackOutputsAppear() {
        String requestUrl;
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request Static website"))
                    .click();

            assertThat(page.locator("#param-IndexDocument")).hasValue("index.html");
            assertThat(page.locator("#param-Versioning")).hasValue("Enabled");
            page.getByLabel("Target").selectOption("sandbox-eu-west-1");
            page.locator("#param-SiteName").fill("browser-site");
            page.locator("#param-NoncurrentVersionDays").fill("14");
            page.getByLabel("Justification").fill("Landing page for the browser test");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();

            // The review says where it goes, who decides, what it creates and how long it lives; nothing is stored yet.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your request")))
                    .isVisible();
            assertThat(page.getByTestId("review-tier")).hasText("SANDBOX");
            assertThat(page.getByTestId("review-approvers")).containsText("1 from any approver");
            assertThat(page.getByTestId("review-resources")).containsText("AWS::S3::Bucket");
            assertThat(page.getByTestId("review-lifetime")).containsText("At most 365 days");
            assertThat(page.getByTestId("review-values")).containsText("browser-site");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();

            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Request submitted");
            // The requester sees the decisions so far but no buttons: nobody approves their own request.
            assertThat(page.getByText("No decisions yet.")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")))
                    .hasCount(0);
            requestUrl = page.url();
        }

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "approver");
            page.navigate(url("/approvals"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Static website on Sandbox (eu-west-1)"))
                    .click();
            assertThat(page).hasURL(requestUrl);
            page.getByLabel("Comment").fill("Looks good");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();

            assertThat(page.getByText("You approved this request.")).isVisible();
            assertThat(page.getByTestId("request-state"))
                    .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
            assertThat(page.getByTestId("outputs")).containsText(WEBSITE);
            assertThat(page.getByTestId("outputs")).containsText("browser-site-b");
            assertThat(page.getByTestId("timeline")).containsText("request.succeeded");
            assertThat(page.getByTestId("resource-changes")).containsText("AWS::S3::Bucket");
            // What was created, one click away in the AWS console.
            assertThat(page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Open StackId in the AWS console (new tab)")))
                    .hasAttribute(
                            "href",
                            "https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1"
                                    + "#/stacks/stackinfo?stackId="
                                    + java.net.URLEncoder.encode(STACK_ID, java.nio.charset.StandardCharsets.UTF_8));
        }
        var create = AwsStub.form(AwsStub.received("CreateChangeSet").getFirst());
        assertThat(create).containsValue("browser-site").containsValue("14");
    }

    @Test
    void everyRefusedValueIsShownOnTheFormAtOnceAndOnlyACorrectedFormIsStored() {
        var before = storedRequests();
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.navigate(url("/blueprints/static-website/request"));

            page.getByLabel("Target").selectOption("sandbox-eu-west-1");
            page.locator("#param-SiteName").fill("Not Valid!");
            page.locator("#param-NoncurrentVersionDays").fill("999");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();

            // Messages in words, from the template's ConstraintDescription and the parameter's label.
            assertThat(page.locator("#justification-error")).hasText("Say why this is needed: approvers read it");
            assertThat(page.locator("#param-SiteName-error"))
                    .hasText("SiteName must be 3 to 41 lower-case letters, digits or hyphens, starting with a letter");
            assertThat(page.locator("#param-NoncurrentVersionDays-error"))
                    .hasText("NoncurrentVersionDays must be between 1 and 365");
            assertThat(page.locator("#param-SiteName")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#param-SiteName")).hasValue("Not Valid!");
            // The summary comes first, in focus, listing the fields top to bottom, each a link to its field.
            assertThat(page.locator("#error-summary")).isFocused();
            assertThat(page.locator("#error-summary a")).hasText(new String[] {
                "SiteName must be 3 to 41 lower-case letters, digits or hyphens, starting with a letter",
                "NoncurrentVersionDays must be between 1 and 365",
                "Say why this is needed: approvers read it"
            });
            assertThat(page.locator("#error-summary a").first()).hasAttribute("href", "#param-SiteName");
            page.locator("#error-summary a").nth(1).click();
            assertThat(page.locator("#param-NoncurrentVersionDays")).isFocused();
            assertThat(storedRequests()).isEqualTo(before);

            page.getByLabel("Justification").fill("Try again");
            page.locator("#param-SiteName").fill("valid-site");
            page.locator("#param-NoncurrentVersionDays").fill("365");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();
            assertThat(storedRequests()).isEqualTo(before);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();
            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
        }
        assertThat(storedRequests()).isEqualTo(before + 1);
    }

    /**
     * Two clicks 200 ms apart on "Submit request" while the link holds every submission for 800 ms: the page sends one
     * submission (the button is disabled once the form is on its way) and one request is stored. Without JavaScript
     * the browser would send both; the form's one-time token then makes the second go where the first went
     * ({@link io.vendo.request.web.RequestFormTokenTest} sends both at once).
     */
    @Test
    void aDoubleClickOnASlowLinkStoresOneRequest() {
        var before = storedRequests();
        var posts = new AtomicInteger();
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.navigate(url("/blueprints/static-website/request"));
            page.getByLabel("Target").selectOption("sandbox-eu-west-1");
            page.locator("#param-SiteName").fill("double-click");
            page.getByLabel("Justification").fill("Clicked twice");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your request")))
                    .isVisible();
            page.route("**/blueprints/static-website/request", route -> {
                if (route.request().method().equals("POST")) {
                    posts.incrementAndGet();
                    sleep(800);
                }
                route.resume();
            });

            // The person's two clicks, 200 ms apart, made in the page itself while the first is held on the way.
            page.evaluate(
                    """
                    () => {
                      const submit = [...document.querySelectorAll("button")].find(b => b.textContent === "Submit request");
                      submit.click();
                      setTimeout(() => submit.click(), 200);
                    }""");

            assertThat(page.getByTestId("request-state"))
                    .hasText("PENDING_APPROVAL", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Request submitted");
        }
        assertThat(posts.get()).as("submissions the page sent").isEqualTo(1);
        assertThat(storedRequests()).isEqualTo(before + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int storedRequests() {
        return jdbc.queryForObject("select count(*) from vending_request", Integer.class);
    }

    private void logIn(Page page, String user) {
        ChromiumPages.logIn(page, url("/login"), user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
