package io.vendo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.VendoIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Curating the catalog over the API as the platform team does, and the limits a blueprint's metadata puts on
 * requests: allowed targets, quotas, retirement, Account Factory fields.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class CatalogApiTest {

    private static final String TEMPLATE =
            """
            Parameters:
              QueueName:
                Type: String
                AllowedPattern: "[a-z][a-z0-9-]*"
                MinLength: 3
                MaxLength: 40
                Description: Name of the queue
              RetentionSeconds:
                Type: Number
                Default: 345600
                MinValue: 60
                MaxValue: 1209600
              Tier:
                Type: String
                Default: standard
                AllowedValues: [standard, fifo]
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
              Ports:
                Type: List<Number>
                Default: "80,443"
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref QueueName
                  MessageRetentionPeriod: !Ref RetentionSeconds
            """;

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return ApiClient.as("admin", port);
    }

    private static String blueprint(String slug, String template) {
        return """
                {"slug": "%s", "kind": "STACK", "name": "Queue", "description": "An SQS queue",
                 "owner": "integration-team", "tags": {"cost-center": "queues"},
                 "allowedEnvironments": ["SANDBOX", "DEV"], "maxLifetime": "P30D", "quotaPerTeam": 1,
                 "template": %s}
                """
                .formatted(slug, quoted(template));
    }

    @Test
    void adminCreatesABlueprintAddsVersionsAndIntegrationsReadItsSchema() {
        var created = admin().postJson("/api/v1/blueprints", blueprint("api-queue", TEMPLATE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("latestVersion").asInt()).isEqualTo(1);
        assertThat(created.body().path("maxLifetime").asString()).isEqualTo("PT720H");
        assertThat(created.body().path("tags").path("cost-center").asString()).isEqualTo("queues");

        var again = admin().postJson("/api/v1/blueprints", blueprint("api-queue", TEMPLATE));
        assertThat(again.status()).isEqualTo(409);

        var same = admin().postJson("/api/v1/blueprints/api-queue/versions", version(TEMPLATE));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().path("number").asInt()).isEqualTo(1);
        var changed = admin().postJson(
                        "/api/v1/blueprints/api-queue/versions",
                        version(TEMPLATE.replace("MaxLength: 40", "MaxLength: 30")));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.body().path("number").asInt()).isEqualTo(2);
        assertThat(changed.body().path("delivery").path("type").asString()).isEqualTo("Stack");
        assertThat(changed.body().path("aws").path("outcome").asString()).isEqualTo("NOT_CHECKED");

        var schema = ApiClient.as("requester", port).get("/api/v1/blueprints/api-queue/versions/2");
        assertThat(schema.status()).isEqualTo(200);
        var body = schema.body();
        assertThat(body.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(body.path("type").asString()).isEqualTo("object");
        assertThat(body.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(names(body.path("required"))).containsExactly("QueueName", "Subnets");
        var queue = body.path("properties").path("QueueName");
        assertThat(queue.path("type").asString()).isEqualTo("string");
        assertThat(queue.path("pattern").asString()).isEqualTo("^(?:[a-z][a-z0-9-]*)$");
        assertThat(queue.path("minLength").asInt()).isEqualTo(3);
        assertThat(queue.path("maxLength").asInt()).isEqualTo(30);
        assertThat(queue.path("description").asString()).isEqualTo("Name of the queue");
        var retention = body.path("properties").path("RetentionSeconds");
        assertThat(retention.path("type").asString()).isEqualTo("number");
        assertThat(retention.path("minimum").asInt()).isEqualTo(60);
        assertThat(retention.path("maximum").asInt()).isEqualTo(1209600);
        assertThat(retention.path("default").asInt()).isEqualTo(345600);
        var tier = body.path("properties").path("Tier");
        assertThat(names(tier.path("enum"))).containsExactly("standard", "fifo");
        assertThat(tier.path("default").asString()).isEqualTo("standard");
        var subnets = body.path("properties").path("Subnets");
        assertThat(subnets.path("type").asString()).isEqualTo("string");
        assertThat(subnets.path("x-cloudformation-type").asString()).isEqualTo("List<AWS::EC2::Subnet::Id>");
        assertThat(body.path("properties").path("Ports").path("pattern").asString())
                .startsWith("^")
                .endsWith("$");

        var oldSchema = ApiClient.as("requester", port).get("/api/v1/blueprints/api-queue/versions/1");
        assertThat(oldSchema
                        .body()
                        .path("properties")
                        .path("QueueName")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(40);
        var template = admin().get("/api/v1/blueprints/api-queue");
        assertThat(template.body().path("versions").size()).isEqualTo(2);
    }

    @Test
    void refusedTemplatesAndFieldsAreNamedAndNothingIsStored() {
        var malformed = admin().postJson(
                        "/api/v1/blueprints",
                        blueprint("api-malformed", "Resources:\n  Queue:\n    Type: [AWS::SQS::Queue\n"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body().path("errors").path("template").asString())
                .startsWith("Template is not valid YAML or JSON at line");

        var fields = admin().postJson(
                        "/api/v1/blueprints",
                        """
                {"slug": "Bad Slug", "kind": "STACK_SET", "name": "", "owner": "x",
                 "tags": {"aws:owner": "me"}, "quotaPerTeam": 0, "template": "Resources: {}",
                 "capabilities": ["CAPABILITY_EVERYTHING"],
                 "delivery": {"type": "StackSet", "stackSetName": "1bad", "regions": ["moon-1"],
                              "maxConcurrentPercentage": 0, "failureTolerancePercentage": 101}}
                """);
        assertThat(fields.status()).isEqualTo(400);
        var errors = fields.body().path("errors");
        assertThat(names(errors.propertyNames()))
                .contains(
                        "slug",
                        "name",
                        "tags",
                        "quotaPerTeam",
                        "template",
                        "capabilities",
                        "delivery.stackSetName",
                        "delivery.regions",
                        "delivery.maxConcurrentPercentage",
                        "delivery.failureTolerancePercentage");
        assertThat(errors.path("template").asString()).contains("no Resources");

        var noDelivery = admin().postJson(
                        "/api/v1/blueprints", blueprint("api-account", TEMPLATE).replace("\"STACK\"", "\"ACCOUNT\""));
        assertThat(noDelivery.body().path("errors").path("delivery").asString())
                .isEqualTo("Say how a ACCOUNT blueprint is delivered");

        var secretEmail = admin().postJson(
                        "/api/v1/blueprints",
                        """
                {"slug": "api-secret-email", "kind": "ACCOUNT", "name": "Secret e-mail", "owner": "x",
                 "description": "", "template": %s,
                 "delivery": {"type": "OrganizationsAccount", "allowedOrganizationalUnits": ["ou-ab12-22222222"]}}
                """
                                .formatted(
                                        quoted(
                                                """
                                        Parameters:
                                          AccountName: {Type: String}
                                          AccountEmail: {Type: String, NoEcho: true}
                                          ManagedOrganizationalUnit: {Type: String}
                                          SSOUserEmail: {Type: String}
                                          SSOUserFirstName: {Type: String}
                                          SSOUserLastName: {Type: String}
                                        Resources:
                                          Account: {Type: AWS::CloudFormation::WaitConditionHandle}
                                        """)));
        assertThat(secretEmail.status()).as(secretEmail.body().toString()).isEqualTo(400);
        assertThat(secretEmail.body().path("errors").path("template").asString())
                .startsWith("AccountEmail cannot be NoEcho");

        var lifetime = admin().postJson(
                        "/api/v1/blueprints",
                        blueprint("api-lifetime", TEMPLATE).replace("P30D", "30 days"));
        assertThat(lifetime.body().path("errors").path("maxLifetime").asString())
                .contains("ISO-8601");

        var forbidden = ApiClient.as("requester", port).postJson("/api/v1/blueprints", blueprint("api-mine", TEMPLATE));
        assertThat(forbidden.status()).isEqualTo(403);

        assertThat(admin().get("/api/v1/blueprints/api-malformed").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/blueprints/api-secret-email").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/blueprints/api-mine").status()).isEqualTo(404);
    }

    @Test
    void targetsAreRefusedFieldByFieldAndOnlyAllowedTargetsTakeABlueprint() {
        var invalid = admin().postJson(
                        "/api/v1/targets",
                        """
                {"slug": "api-target", "name": "API target", "accountId": "12345678901",
                 "region": "eu-middle-9", "environment": "DEV",
                 "executionRoleArn": "arn:aws:iam::999999999999:role/Vendo", "externalId": "x",
                 "allowedOrganizationalUnits": ["Workloads, Sandbox"]}
                """);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(names(invalid.body().path("errors").propertyNames()))
                .containsExactlyInAnyOrder(
                        "accountId", "region", "executionRoleArn", "externalId", "allowedOrganizationalUnits");

        var wrongAccount = admin().postJson(
                        "/api/v1/targets",
                        """
                {"slug": "api-target", "name": "API target", "accountId": "123456789012", "region": "eu-west-1",
                 "environment": "DEV", "executionRoleArn": "arn:aws:iam::999999999999:role/Vendo"}
                """);
        assertThat(wrongAccount.body().path("errors").path("executionRoleArn").asString())
                .isEqualTo("The role must be in the target account 123456789012");

        var created = admin().postJson(
                        "/api/v1/targets",
                        """
                {"slug": "api-target", "name": "API target", "accountId": "123456789012", "region": "eu-west-1",
                 "environment": "DEV", "executionRoleArn": "arn:aws:iam::123456789012:role/Vendo",
                 "externalId": "vendo-4711", "allowedBlueprints": ["api-placed"]}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("externalIdSet").asBoolean()).isTrue();
        assertThat(created.body().toString()).doesNotContain("vendo-4711");

        assertThat(admin().postJson("/api/v1/blueprints", blueprint("api-placed", TEMPLATE))
                        .status())
                .isEqualTo(201);
        var sandbox = submit(
                "requester",
                "api-placed",
                "sandbox-eu-west-1",
                "{\"QueueName\": \"orders\", " + "\"Subnets\": \"subnet-0a1b2c3d\"}");
        assertThat(sandbox.status()).isEqualTo(400);
        assertThat(sandbox.body().path("errors").path("target").asString())
                .isEqualTo("Target sandbox-eu-west-1 does not take blueprint api-placed");
        var placed = submit(
                "requester",
                "api-placed",
                "api-target",
                "{\"QueueName\": \"orders\", \"Subnets\": \"subnet-0a1b2c3d\"}");
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

        var updated = admin().put(
                        "/api/v1/targets/api-target",
                        """
                {"name": "API target", "accountId": "123456789012", "region": "eu-west-1", "environment": "PROD",
                 "allowedBlueprints": ["api-placed"]}
                """);
        assertThat(updated.status()).isEqualTo(200);
        var prod = submit(
                "requester",
                "api-placed",
                "api-target",
                "{\"QueueName\": \"orders\", \"Subnets\": \"subnet-0a1b2c3d\"}");
        assertThat(prod.body().path("errors").path("target").asString())
                .isEqualTo("Blueprint api-placed may be deployed to SANDBOX, DEV only, not to PROD");
    }

    @Test
    void aTemplateAtCloudFormationsSizeLimitGetsInEvenThoughItsEscapedBodyIsLargerThanOtherApiBodies() {
        var largest = jsonTemplateOfBytes(51_200);
        var body = blueprint("api-largest", largest);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        var created = admin().postJson("/api/v1/blueprints", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        var tooLarge = admin().postJson("/api/v1/blueprints", blueprint("api-too-large", jsonTemplateOfBytes(51_201)));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().path("errors").path("template").asString())
                .isEqualTo("Template is 51,201 bytes; CloudFormation accepts at most 51,200 for a template in a request"
                        + " body");
        assertThat(admin().get("/api/v1/blueprints/api-too-large").status()).isEqualTo(404);
    }

    /** A JSON template of exactly {@code bytes} bytes, dense with quotes so that its JSON-escaped form is much larger. */
    private static String jsonTemplateOfBytes(int bytes) {
        var metadata = new StringBuilder();
        for (var i = 0; metadata.length() < bytes - 400; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        var head = "{\"Metadata\":{" + metadata + "},\"Resources\":{\"Handle\":{\"Type\":"
                + "\"AWS::CloudFormation::WaitConditionHandle\"},\"Pad\":{\"Type\":"
                + "\"AWS::CloudFormation::WaitConditionHandle\",\"Metadata\":{\"Note\":\"";
        var tail = "\"}}}}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void quotaPerTeamIsEnforcedAtSubmissionAndRetiredBlueprintsTakeNoNewRequests() {
        assertThat(admin().postJson("/api/v1/blueprints", blueprint("api-quota", TEMPLATE))
                        .status())
                .isEqualTo(201);
        var values = "{\"QueueName\": \"quota\", \"Subnets\": \"subnet-0a1b2c3d\"}";

        var first = submit("approver", "api-quota", "sandbox-open", values);
        assertThat(first.status()).isEqualTo(404);
        assertThat(admin().postJson(
                                "/api/v1/targets",
                                """
                                {"slug": "sandbox-open", "name": "Open sandbox", "accountId": "210987654321",
                                 "region": "us-east-1", "environment": "SANDBOX"}
                                """)
                        .status())
                .isEqualTo(201);
        var accepted = submit("approver", "api-quota", "sandbox-open", values);
        assertThat(accepted.status()).isEqualTo(201);
        var refused = submit("approver", "api-quota", "sandbox-open", values);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("title").asString()).isEqualTo("Quota reached");
        assertThat(refused.body().path("detail").asString())
                .isEqualTo("Team platform-team already has 1 environment(s) or pending request(s) of blueprint"
                        + " api-quota, its quota: decommission or cancel one first");
        var otherTeam = submit("requester", "api-quota", "sandbox-open", values);
        assertThat(otherTeam.status()).isEqualTo(201);

        var cancelled = ApiClient.as("approver", port)
                .post("/api/v1/requests/" + accepted.body().path("id").asString() + "/cancel", "application/json", "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(submit("approver", "api-quota", "sandbox-open", values).status())
                .isEqualTo(201);

        var retired = admin().postJson("/api/v1/blueprints/api-quota/retire", "");
        assertThat(retired.body().path("retired").asBoolean()).isTrue();
        var afterRetirement = submit("lead", "api-quota", "sandbox-open", values);
        assertThat(afterRetirement.status()).isEqualTo(409);
        assertThat(afterRetirement.body().path("title").asString()).isEqualTo("Blueprint retired");
        assertThat(ApiClient.as("requester", port)
                        .get("/api/v1/requests/" + otherTeam.body().path("id").asString())
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("PENDING_APPROVAL");
        assertThat(names(ApiClient.as("requester", port)
                        .get("/api/v1/blueprints")
                        .body()
                        .findValues("slug")))
                .doesNotContain("api-quota");
    }

    @Test
    void aServiceCatalogImportNeedsAws() {
        var refused =
                admin().postJson("/api/v1/catalog/service-catalog-imports", "{\"portfolioId\": \"port-platform1\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asString())
                .isEqualTo("AWS is not configured (dry run): Service Catalog cannot be asked");
    }

    @Test
    void accountRequestsCarryAccountFactoryFieldsWithAUniqueEmail() {
        var tooLong = "a".repeat(60) + "@example.com";
        var invalid = submit("lead", "team-account", "org-management", account("Payments", tooLong, "Finance"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").path("AccountEmail").asString())
                .isNotBlank();
        assertThat(invalid.body()
                        .path("errors")
                        .path("ManagedOrganizationalUnit")
                        .asString())
                .isNotBlank();

        var wrongTarget = submit(
                "lead", "team-account", "sandbox-eu-west-1", account("Payments", "payments@example.com", "Workloads"));
        assertThat(wrongTarget.status()).isEqualTo(400);
        assertThat(wrongTarget.body().path("title").asString()).isEqualTo("Target not allowed");

        var first = submit(
                "lead", "team-account", "org-management", account("Payments", "payments@example.com", "Workloads"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.body()
                        .path("parameters")
                        .path("ManagedOrganizationalUnit")
                        .asString())
                .isEqualTo("Workloads");

        var duplicate = submit(
                "admin", "team-account", "org-management", account("Payments 2", "PAYMENTS@example.com", "Sandbox"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body().path("errors").path("AccountEmail").asString())
                .isEqualTo(
                        "An earlier request already uses PAYMENTS@example.com for an account: choose another e-mail");

        ApiClient.as("lead", port)
                .post("/api/v1/requests/" + first.body().path("id").asString() + "/cancel", "application/json", "");
        var reused = submit(
                "admin", "team-account", "org-management", account("Payments 2", "PAYMENTS@example.com", "Sandbox"));
        assertThat(reused.status()).isEqualTo(201);
    }

    /**
     * An account blueprint says how its accounts are retired: closed, or moved into a suspended OU whose id it must
     * give; a refused delivery names the field and stores nothing. The demo's team account says it too.
     */
    @Test
    void anAccountBlueprintSaysHowItsAccountsAreRetiredAndASuspendedOuNeedsItsId() {
        var withoutUnit = admin().postJson(
                        "/api/v1/blueprints",
                        accountBlueprint("api-retired-a", "\"decommission\": \"MOVE_TO_SUSPENDED_OU\""));
        assertThat(withoutUnit.status()).as(withoutUnit.toString()).isEqualTo(400);
        assertThat(withoutUnit
                        .body()
                        .path("errors")
                        .path("delivery.suspendedOrganizationalUnit")
                        .asString())
                .isEqualTo("Give the id of the OU accounts are moved into, such as ou-ab12-cd34ef56");
        var badUnit = admin().postJson(
                        "/api/v1/blueprints",
                        accountBlueprint(
                                "api-retired-a",
                                "\"decommission\": \"MOVE_TO_SUSPENDED_OU\", \"suspendedOrganizationalUnit\": \"Suspended\""));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.body().path("errors").has("delivery.suspendedOrganizationalUnit"))
                .isTrue();
        var unitWhenClosing = admin().postJson(
                        "/api/v1/blueprints",
                        accountBlueprint(
                                "api-retired-a",
                                "\"decommission\": \"CLOSE_ACCOUNT\", \"suspendedOrganizationalUnit\": \"ou-ab12-33333333\""));
        assertThat(unitWhenClosing
                        .body()
                        .path("errors")
                        .path("delivery.suspendedOrganizationalUnit")
                        .asString())
                .isEqualTo("A suspended OU goes with decommission: MOVE_TO_SUSPENDED_OU only");
        var unknownMode = admin().postJson(
                        "/api/v1/blueprints", accountBlueprint("api-retired-a", "\"decommission\": \"DELETE_IT\""));
        assertThat(unknownMode.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/blueprints/api-retired-a").status()).isEqualTo(404);

        var suspended = admin().postJson(
                        "/api/v1/blueprints",
                        accountBlueprint(
                                "api-retired-a",
                                "\"decommission\": \"MOVE_TO_SUSPENDED_OU\", \"suspendedOrganizationalUnit\": \"ou-ab12-33333333\""));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        var closed = admin().postJson(
                        "/api/v1/blueprints", accountBlueprint("api-retired-b", "\"decommission\": \"CLOSE_ACCOUNT\""));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);

        // The same template and delivery again is the same version, which the API shows with its delivery.
        var kept = admin().postJson(
                        "/api/v1/blueprints/api-retired-a/versions",
                        accountVersion(
                                "\"decommission\": \"MOVE_TO_SUSPENDED_OU\", \"suspendedOrganizationalUnit\": \"ou-ab12-33333333\""));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.body().path("delivery").path("decommission").asString()).isEqualTo("MOVE_TO_SUSPENDED_OU");
        assertThat(kept.body()
                        .path("delivery")
                        .path("suspendedOrganizationalUnit")
                        .asString())
                .isEqualTo("ou-ab12-33333333");
        // Another way of retiring them is another version.
        var changed = admin().postJson(
                        "/api/v1/blueprints/api-retired-a/versions",
                        accountVersion("\"decommission\": \"CLOSE_ACCOUNT\""));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        assertThat(changed.body().path("delivery").path("decommission").asString())
                .isEqualTo("CLOSE_ACCOUNT");
    }

    private static final String ACCOUNT_TEMPLATE =
            """
            Parameters:
              AccountName: {Type: String}
              AccountEmail: {Type: String}
              ManagedOrganizationalUnit: {Type: String}
              SSOUserEmail: {Type: String}
              SSOUserFirstName: {Type: String}
              SSOUserLastName: {Type: String}
            """;

    private static String accountDelivery(String retirement) {
        return "{\"type\": \"OrganizationsAccount\", \"allowedOrganizationalUnits\": [\"ou-ab12-22222222\"], %s}"
                .formatted(retirement);
    }

    private static String accountVersion(String retirement) {
        return "{\"template\": %s, \"delivery\": %s}".formatted(quoted(ACCOUNT_TEMPLATE), accountDelivery(retirement));
    }

    private static String accountBlueprint(String slug, String retirement) {
        return """
                {"slug": "%s", "kind": "ACCOUNT", "name": "Retired account", "owner": "platform-team",
                 "description": "", "template": %s, "delivery": %s}
                """
                .formatted(slug, quoted(ACCOUNT_TEMPLATE), accountDelivery(retirement));
    }

    private ApiClient.Response submit(String user, String blueprint, String target, String parameters) {
        return ApiClient.as(user, port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "%s", "target": "%s", "parameters": %s, "justification": "Needed"}
                        """
                                .formatted(blueprint, target, parameters));
    }

    private static String account(String name, String email, String unit) {
        return """
                {"AccountName": "%s", "AccountEmail": "%s", "ManagedOrganizationalUnit": "%s",
                 "SSOUserEmail": "owner@example.com", "SSOUserFirstName": "Pat", "SSOUserLastName": "Lee"}
                """
                .formatted(name, email, unit);
    }

    private static String version(String template) {
        return "{\"template\": " + quoted(template) + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static java.util.List<String> names(Iterable<?> nodes) {
        var names = new ArrayList<String>();
        nodes.forEach(node -> names.add(node instanceof JsonNode json ? json.asString() : String.valueOf(node)));
        return names;
    }
}
