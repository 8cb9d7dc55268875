package io.vendo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintMetadata;
import io.vendo.catalog.CatalogAdministration;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.catalog.NewBlueprint;
import io.vendo.catalog.NewTarget;
import io.vendo.catalog.NewVersion;
import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.ChromiumPages;
import io.vendo.support.LiveAws;
import io.vendo.support.Mailbox;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A form with every CloudFormation parameter type, in a real Chromium: the right control per type, defaults, help,
 * Interface groups and labels, a refused value with CloudFormation's message; and a NoEcho value that is never shown
 * again, reaches AWS (CreateChangeSet) in plain text, and is nowhere in the database, the pages, the API or the mails.
 */
@VendoIntegrationTest
class EveryParameterTypeBrowserTest {

    private static final String SECRET = "Tr0ub4dor&3-correct-horse";
    private static final String CHANGE_SET_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:changeSet/vendo-every-type/0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f";
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/vendo-every-type/5b0f8f60-c5f2-11ee-9a4e-06c3f2e1b2a1";

    /** A valid value for every parameter without a default, as typed into the form. */
    private static final Map<String, String> VALID = valid();

    @RegisterExtension
    static final ChromiumPages chromium = new ChromiumPages();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LiveAws.register(registry);
        Mailbox.register(registry);
    }

    /** The blueprint is added once per Spring context (the class's only one). */
    private static final AtomicBoolean catalogHolds = new AtomicBoolean();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogAdministration catalog;

    @BeforeEach
    void setUp() throws IOException {
        if (catalogHolds.compareAndSet(false, true)) {
            catalog.register(new NewTarget(
                    "dev-every-type",
                    "Dev (every type)",
                    AwsStub.ACCOUNT,
                    "eu-west-1",
                    EnvironmentTier.DEV,
                    null,
                    null));
            catalog.create(new NewBlueprint(
                    "every-type",
                    BlueprintKind.STACK,
                    new BlueprintMetadata(
                            "Every parameter type",
                            "One parameter of every CloudFormation parameter type",
                            "platform-team",
                            Map.of(),
                            List.of(),
                            null,
                            null,
                            null),
                    new NewVersion(
                            new ClassPathResource("templates/every-parameter-type.yaml")
                                    .getContentAsString(StandardCharsets.UTF_8),
                            List.of(),
                            null)));
        }
        AwsStub.reset();
        AwsStub.stubCreateChangeSet(CHANGE_SET_ID, STACK_ID);
        AwsStub.stubDescribeChangeSet(
                CHANGE_SET_ID,
                STACK_ID,
                List.<String[]>of(new String[] {"Add", "Topic", "AWS::SNS::Topic", ""}),
                "",
                "CREATE_COMPLETE");
        AwsStub.stubExecuteChangeSet();
        AwsStub.stubDescribeStacks(
                STACK_ID, Map.of("TopicArn", "arn:aws:sns:eu-west-1:111122223333:every-type"), "CREATE_COMPLETE");
    }

    @Test
    void everyTypeGetsItsControlAndARefusedValueItsMessageWhileTheSecretIsNeverEchoed() {
        String requestUrl;
        try (var context = chromium.newContext()) {
            var page = chromium.pageIn(context);
            logIn(page, "requester");
            page.navigate(url("/blueprints/every-type/request"));

            // Interface groups in their order, then the others; labels instead of names.
            assertThat(page.locator("legend"))
                    .containsText(new String[] {"Where", "Application", "Network", "Other parameters", "Why"});
            assertThat(page.locator("#param-AppName-label")).containsText("Application name");
            assertThat(page.locator("#param-DbPassword-label")).containsText("Database password");
            assertThat(page.getByTestId("section-Application").locator("#param-AppName"))
                    .isVisible();
            assertThat(page.getByTestId("section-Network").locator("#param-VpcId"))
                    .isVisible();
            // The control follows the type.
            assertThat(page.locator("select#param-Environment")).hasValue("dev");
            assertThat(page.locator("input#param-InstanceCount")).hasAttribute("type", "number");
            assertThat(page.locator("input#param-InstanceCount")).hasAttribute("min", "1");
            assertThat(page.locator("input#param-InstanceCount")).hasAttribute("max", "10");
            assertThat(page.locator("input#param-InstanceCount")).hasValue("2");
            assertThat(page.locator("textarea#param-Ports")).hasValue("80\n443");
            assertThat(page.locator("#param-Features input[type=checkbox]")).hasCount(3);
            assertThat(page.locator("#param-Features-0")).isChecked();
            assertThat(page.locator("#param-Features-2")).not().isChecked();
            assertThat(page.locator("input#param-DbPassword")).hasAttribute("type", "password");
            assertThat(page.locator("textarea#param-SubnetIds")).isVisible();
            assertThat(page.locator("input#param-AppName")).hasAttribute("maxlength", "20");
            assertThat(page.locator("#param-AppName-help"))
                    .containsText("3 to 20 lower-case letters, digits or hyphens, starting with a letter");
            assertThat(page.locator("#param-AppName-help")).containsText("Used in every resource name");
            assertThat(page.locator("#param-VpcId-help")).containsText("a VPC id: vpc- and 8 or 17 hexadecimal digits");
            assertThat(page.locator("#param-LatestAmi"))
                    .hasValue("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");

            page.getByLabel("Target").selectOption("dev-every-type");
            page.getByLabel("Justification").fill("Every type, once");
            VALID.forEach((name, value) -> page.locator("#param-" + name).fill(value));
            page.locator("#param-Features-2").check();
            page.locator("#param-DbPassword").fill(SECRET);
            page.locator("#param-VpcId").fill("vpc-123");
            page.locator("#param-InstanceCount").fill("11");
            page.locator("#param-Ports").fill("80\n70000");
            submit(page);

            // In words, under the label the form shows (the API keeps CloudFormation's own messages).
            assertThat(page.locator("#param-VpcId-error"))
                    .hasText("VPC must be a VPC id: vpc- and 8 or 17 hexadecimal digits");
            assertThat(page.locator("#param-InstanceCount-error")).hasText("InstanceCount must be between 1 and 10");
            assertThat(page.locator("#param-Ports-error")).hasText("Each item of Ports must be 65535 or less");
            assertThat(page.locator("#param-VpcId")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#param-VpcId")).hasValue("vpc-123");
            assertThat(page.locator("#param-Features-2")).isChecked();
            // The secret is not sent back, not even into its own field.
            assertThat(page.locator("#param-DbPassword")).hasValue("");
            assertThat(page.content()).doesNotContain(SECRET);

            page.locator("#param-VpcId").fill("vpc-0123456789abcdef0");
            page.locator("#param-InstanceCount").fill("3");
            page.locator("#param-Ports").fill("80\n 8443 \n");
            page.locator("#param-DbPassword").fill(SECRET);
            submit(page);

            assertThat(page.getByTestId("request-state")).hasText("PENDING_APPROVAL");
            assertThat(page.locator("main")).containsText("****");
            assertThat(page.content()).doesNotContain(SECRET);
            requestUrl = page.url();
        }
        var id = requestUrl.substring(requestUrl.lastIndexOf('/') + 1);

        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
        assertThat(decided.status()).isEqualTo(200);
        var requester = ApiClient.as("requester", port);
        var done = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> requester.get("/api/v1/requests/" + id).body(),
                        body -> body.path("state").asString().equals("SUCCEEDED"));

        // The executor alone decrypts: AWS gets the value, and the lists as CloudFormation takes them.
        var create = changeSetParameters();
        assertThat(create)
                .containsEntry("DbPassword", SECRET)
                .containsEntry("Ports", "80,8443")
                .containsEntry("Features", "logs,metrics,traces")
                .containsEntry("SubnetIds", "subnet-0123456789abcdef0,subnet-12345678")
                .containsEntry("VpcId", "vpc-0123456789abcdef0")
                .containsEntry("Environment", "dev");
        // Everything else shows it masked, as CloudFormation does.
        assertThat(done.path("parameters").path("DbPassword").asString()).isEqualTo("****");
        assertThat(done.toString()).doesNotContain(SECRET);
        Mailbox.await("requester@vendo.local", "SUCCEEDED", 1);
        assertThat(java.util.Arrays.stream(Mailbox.server().getReceivedMessages())
                        .map(Mailbox::body)
                        .toList())
                .isNotEmpty()
                .noneMatch(body -> body.contains(SECRET));
        assertThat(tablesContaining(SECRET)).isEmpty();
        assertThat(tablesContaining("Ports")).contains("vending_request");
    }

    /** Every table of the schema whose rows, as text, contain the value: the database grepped for a secret. */
    private List<String> tablesContaining(String value) {
        var tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE'",
                String.class);
        assertThat(tables).contains("vending_request", "event_publication", "audit_event");
        return tables.stream()
                .filter(table -> jdbc.queryForObject(
                                "select count(*) from \"%s\" t where t::text like ?".formatted(table),
                                Integer.class,
                                "%" + value + "%")
                        > 0)
                .toList();
    }

    private static Map<String, String> changeSetParameters() {
        var form = AwsStub.form(AwsStub.received("CreateChangeSet").getFirst());
        var parameters = new LinkedHashMap<String, String>();
        for (int i = 1; form.containsKey("Parameters.member.%d.ParameterKey".formatted(i)); i++) {
            parameters.put(
                    form.get("Parameters.member.%d.ParameterKey".formatted(i)),
                    form.get("Parameters.member.%d.ParameterValue".formatted(i)));
        }
        return parameters;
    }

    private static Map<String, String> valid() {
        var values = new LinkedHashMap<String, String>();
        values.put("AppName", "shop-api");
        values.put("Tags", "team=web\ncost-center=42");
        values.put("VpcId", "vpc-0123456789abcdef0");
        values.put("SubnetIds", "subnet-0123456789abcdef0\nsubnet-12345678");
        values.put("SecurityGroupId", "sg-0123456789abcdef0");
        values.put("SecurityGroupIds", "sg-12345678");
        values.put("AvailabilityZone", "eu-west-1a");
        values.put("AvailabilityZones", "eu-west-1a\neu-west-1b");
        values.put("KeyName", "ops-2026");
        values.put("ImageId", "ami-0fedcba9876543210");
        values.put("ImageIds", "ami-12345678");
        values.put("InstanceId", "i-0123456789abcdef0");
        values.put("InstanceIds", "i-12345678\ni-0123456789abcdef0");
        values.put("GroupName", "web servers");
        values.put("GroupNames", "default");
        values.put("VolumeId", "vol-0123456789abcdef0");
        values.put("VolumeIds", "vol-12345678");
        values.put("VpcIds", "vpc-12345678");
        values.put("HostedZoneId", "Z1D633PJN98FT9");
        values.put("HostedZoneIds", "Z1D633PJN98FT9\nZ08123451ABCDEFGHIJK");
        return values;
    }

    /** Review, and when the form passed, submit from the review page. */
    private static void submit(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review request"))
                .click();
        page.waitForLoadState();
        if (page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review your request"))
                        .count()
                > 0) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request"))
                    .click();
        }
    }

    private void logIn(Page page, String user) {
        page.navigate(url("/login"));
        ChromiumPages.fillLogIn(page, user);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Catalog")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
