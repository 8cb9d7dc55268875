package io.vendo.request.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vendo.support.ChromiumPages;
import io.vendo.support.VendoIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fleet as people make it, in a real Chromium: a CSV file uploaded from the blueprint's request page, every bad row
 * named by line with nothing stored, then a good file; the approver decides once, on row 0's page, seeing every row,
 * and the fleet's page follows the rows to their end (dry run here: nothing is created, and the rows say so).
 */
@VendoIntegrationTest
class FleetBrowserTest {

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private List<Integer> stored() {
        return List.of("vending_request", "request_batch", "request_batch_row", "approval").stream()
                .map(table -> jdbc.queryForObject("select count(*) from " + table, Integer.class))
                .toList();
    }

    private static FilePayload csv(String text) {
        return new FilePayload("tenants.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvWithBadRowsIsRefusedByLineAndAGoodOneBecomesAFleetThatOneApprovalDecides() {
        var before = stored();
        String fleetUrl;
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            ChromiumPages.logIn(page, url("/login"), "requester");
            page.navigate(url("/blueprints/static-website/request"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deploy many from a CSV file"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fleet: Static website")))
                    .isVisible();

            page.getByLabel("CSV file")
                    .setInputFiles(
                            csv(
                                    """
                            target,SiteName,Versioning
                            sandbox-eu-west-1,tenant-one,
                            sandbox-eu-west-1,Tenant Two!,Enabled
                            nowhere,tenant-three,Sometimes
                            """));
            page.getByLabel("Justification").fill("One site per tenant");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the fleet"))
                    .click();

            assertThat(page.locator("#error-summary")).containsText("2 of 3 rows are invalid; nothing was stored");
            var problems = page.getByTestId("row-problems").locator("tbody tr");
            assertThat(problems).hasCount(3);
            assertThat(problems.nth(0)).containsText("3");
            assertThat(problems.nth(0)).containsText("SiteName");
            assertThat(problems.nth(0)).containsText("must be 3 to 41 lower-case letters");
            assertThat(problems.nth(1)).containsText("nowhere");
            assertThat(problems.nth(2)).containsText("Versioning");
            assertThat(stored()).isEqualTo(before);

            page.getByLabel("CSV file")
                    .setInputFiles(
                            csv(
                                    """
                            target,SiteName
                            sandbox-eu-west-1,tenant-one
                            sandbox-eu-west-1,tenant-two
                            sandbox-eu-west-1,"tenant-three"
                            """));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the fleet"))
                    .click();

            assertThat(page.getByText("Submitted: 3 rows wait for one approval."))
                    .isVisible();
            assertThat(page.getByTestId("batch-status")).hasText("PENDING_APPROVAL");
            assertThat(page.getByTestId("batch-rows").locator("tbody tr")).hasCount(3);
            fleetUrl = page.url();
        }
        assertThat(stored())
                .isEqualTo(List.of(before.get(0) + 3, before.get(1) + 1, before.get(2) + 3, before.get(3) + 1));

        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            ChromiumPages.logIn(page, url("/login"), "approver");
            page.navigate(fleetUrl);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("row 0's request"))
                    .click();
            assertThat(page.getByTestId("batch-one-approval")).containsText("decides all 3 rows");
            assertThat(page.getByTestId("batch-section").getByTestId("batch-rows"))
                    .containsText("tenant-three");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(page.getByText("You approved this request.")).isVisible();

            page.navigate(fleetUrl);
            assertThat(page.getByTestId("batch-status"))
                    .hasText("COMPLETED", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
            assertThat(page.getByTestId("batch-counts")).hasText("3 DRY_RUN");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
