package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.OidcIssuer;
import io.vendo.support.RawHttp;
import io.vendo.support.VendoIntegrationTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of bad, hostile or merely odd calls, generated from the committed OpenAPI document (fixed seed, so a
 * failure reproduces) for every operation it describes, as every kind of caller: wrong types, control characters,
 * direction marks, huge and negative numbers, {@code null} inside lists and maps, far-off instants, broken JSON, wrong
 * and wildcard content types, unparseable {@code Accept}, duplicate or oversized headers, a {@code Host} to echo,
 * path oddities (encoded slashes, {@code ;}, {@code //}, bad percent-encoding), wrong and unknown methods. Each call
 * goes over a socket byte for byte.
 *
 * <p>For every call: no 5xx; every error is {@code application/problem+json} whose {@code status} is the response's;
 * no {@code Location} names the {@code Host} the caller sent; and a refused call stored no row in the main tables
 * (counted before and after each call). Mutating calls act on fixtures of their own, never on the demo catalog other
 * tests rely on.
 */
@VendoIntegrationTest
@OidcIssuer.WithIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedInputTest {

    private static final long SEED = 20261124L;
    private static final int CASES_PER_OPERATION = 200;
    private static final Path DOCUMENT = Path.of("src/main/resources/openapi/vendo-api.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COUNTS =
            "select (select count(*) from vending_request), (select count(*) from approval),"
                    + " (select count(*) from approval_decision), (select count(*) from blueprint),"
                    + " (select count(*) from blueprint_version), (select count(*) from target),"
                    + " (select count(*) from approval_policy), (select count(*) from idempotency_key)";
    private static final String HOSTILE_HOST = "evil.example";
    private static final String MARKER = "\u0001marker\u0001";
    private static final String TEMPLATE =
            "Parameters:\n  SiteName:\n    Type: String\n    AllowedPattern: '[a-z][a-z0-9-]{2,40}'\n"
                    + "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

    /** Strings no honest client sends, each a JSON string literal's content (escapes are JSON's). */
    private static final String[] HOSTILE_STRINGS = {
        "\\u0000", "a\\u0000b", "\\u001b[31m", "\\u007f", "\\u0085", "\\ud800", "\\udfff x", "\\u202eevil", "\\u2066x",
        "line\\nbreak", "tab\\there", "\\ufffe", "", " ", "../../etc/passwd", "%00", "' or 1=1 --", "<script>",
        "${jndi:ldap://x}", "+1000000000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1e400", "NaN", "😀"
    };
    /** Raw JSON values of the wrong kind or out of any range. */
    private static final String[] HOSTILE_VALUES = {
        "null", "true", "-1", "0", "2147483648", "-2147483649", "99999999999999999999999999999", "1e400", "-0.0",
        "1.5", "[]", "{}", "[null]", "{\"k\": null}", "[[[[[[[[]]]]]]]]", "\"\"", "[\"\\u0000\"]",
                "{\"\\u0000\": \"v\"}"
    };
    /** Query values, already percent-encoded as sent. */
    private static final String[] HOSTILE_QUERY_VALUES = {
        "%00",
        "a%00b",
        "%1B",
        "%7F",
        "%C2%85",
        "%E2%80%AE",
        "%ZZ",
        "%",
        "%C0%AE",
        "%ED%A0%80",
        "-1",
        "0",
        "2147483648",
        "99999999999999999999",
        "1e3",
        "abc",
        "",
        "%2B1000000000-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "2026-13-45T99:99:99Z",
        "true",
        "PENDING_APPROVAL%00",
        "pending_approval",
        "x".repeat(600)
    };

    private static final String[] PATH_SEGMENTS = {
        "%00",
        "%2F",
        "%5C",
        "..",
        "%2e%2e",
        "%ZZ",
        "%C0%AE",
        "%E2%80%AE",
        ";x=1",
        "",
        "x".repeat(300),
        "00000000-0000-0000-0000-000000000000",
        "not-a-uuid",
        "-1",
        "2147483648",
        "%20",
        "static-website%00"
    };
    private static final String[] CONTENT_TYPES = {
        "*/*",
        "text/plain",
        "application/json; charset=utf-16",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        ";;;",
        "application/json, text/plain",
        "application/xml",
        "application/*",
        "application/json; charset=nonsense"
    };
    private static final String[] ACCEPTS = {
        ";;;", "text/html", "application/xml", "text/csv", "*/*;q=0", "application/problem+json", "image/png", "*/*"
    };
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO", "TRACE"
    };

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Caller> callers = new ArrayList<>();
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private Map<String, Object> document;
    private int fresh;

    /** A caller and the {@code Authorization} header it sends (none for anonymous). */
    private record Caller(String name, @Nullable String authorization) {}

    private record Operation(
            String id,
            String method,
            String path,
            List<Map<String, Object>> parameters,
            @Nullable Map<String, Object> bodySchema) {}

    private record Call(String method, String target, Map<String, String> headers, byte[] body, String what) {}

    @BeforeAll
    @SuppressWarnings("unchecked")
    void fixtures() throws IOException {
        document = new Yaml().load(Files.readString(DOCUMENT));
        callers.add(new Caller("anonymous", null));
        for (var user : List.of("requester", "approver", "admin")) {
            callers.add(new Caller("basic " + user, ApiClient.as(user, port).authorization()));
        }
        callers.add(bearer("rita", OidcIssuer.userAccessToken("rita", List.of("vendo-requesters", "team-web-team"))));
        callers.add(
                bearer("paul", OidcIssuer.userAccessToken("paul", List.of("vendo-approvers", "team-platform-team"))));
        callers.add(bearer("ada", OidcIssuer.userAccessToken("ada", List.of("vendo-admins", "team-admins"))));
        callers.add(bearer("ci-reader", OidcIssuer.clientToken("ci-reader", "vendo/requests.read")));
        callers.add(bearer("ci-writer", OidcIssuer.clientToken("ci-writer", "vendo/requests.write")));
        callers.add(bearer("chatops", OidcIssuer.clientToken("chatops", "vendo/decisions.write")));
        callers.add(bearer("ops-admin", OidcIssuer.clientToken("ops-admin", "vendo/admin")));
        callers.add(new Caller("forged token", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));

        var admin = ApiClient.as("admin", port);
        for (var slug : List.of("fuzz-site", "fuzz-retire")) {
            var created = admin.postJson(
                    "/api/v1/blueprints",
                    JSON.writeValueAsString(Map.of(
                            "slug",
                            slug,
                            "kind",
                            "STACK",
                            "name",
                            "Generated input " + slug,
                            "description",
                            "d",
                            "owner",
                            "fuzz-team",
                            "template",
                            TEMPLATE)));
            assertThat(created.status()).as(created.toString()).isIn(201, 409);
        }
        var target = admin.postJson(
                "/api/v1/targets",
                """
                {"slug": "fuzz-target", "name": "Generated input target", "accountId": "111122223333",
                 "region": "eu-west-1", "environment": "SANDBOX"}
                """);
        assertThat(target.status()).as(target.toString()).isIn(201, 409);
        var request = ApiClient.as("requester", port)
                .postJson(
                        "/api/v1/requests",
                        """
                        {"blueprint": "fuzz-site", "target": "fuzz-target",
                         "parameters": {"SiteName": "fuzz-fixture"}, "justification": "generated input"}
                        """);
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        fixtures.put("id", request.body().path("id").asString());
        fixtures.put("blueprint", "fuzz-site");
        fixtures.put("slug", "fuzz-target");
        fixtures.put("number", "1");
    }

    private static Caller bearer(String name, String token) {
        return new Caller("bearer " + name, "Bearer " + token);
    }

    @Test
    void noCallFromTheDocumentEndsInA5xxOrAnErrorOutsideProblemJsonOrStoresARowWhenRefused() {
        var random = new Random(SEED);
        var operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        var statuses = new TreeMap<Integer, Integer>();
        var failures = new ArrayList<String>();
        var cases = 0;
        var started = System.nanoTime();
        var before = counts();
        for (var operation : operations) {
            for (var n = 0; n < CASES_PER_OPERATION; n++) {
                var caller = callers.get(random.nextInt(callers.size()));
                var call = generate(operation, random);
                var response = send(call, caller);
                var after = counts();
                cases++;
                statuses.merge(response.status(), 1, Integer::sum);
                var problem = judge(call, response);
                if (problem == null && response.status() >= 400 && !before.equals(after)) {
                    problem = "a refused call stored rows: " + before + " → " + after;
                }
                before = after;
                if (problem != null && failures.size() < 25) {
                    failures.add("%s as %s: %s %s (%s) → %d %s %s"
                            .formatted(
                                    operation.id(),
                                    caller.name(),
                                    call.method(),
                                    abbreviate(call.target()),
                                    call.what(),
                                    response.status(),
                                    problem,
                                    abbreviate(response.body())));
                }
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Generated input: %d cases over %d operations and %d callers in %.1f s; statuses %s%n",
                cases, operations.size(), callers.size(), seconds, statuses);
        assertThat(failures).as("%d cases; statuses %s", cases, statuses).isEmpty();
    }

    private @Nullable String judge(Call call, RawHttp.Response response) {
        var status = response.status();
        if (status >= 500 || status < 100) {
            return "a server error";
        }
        var location = response.headers().getOrDefault("location", "");
        if (location.contains(HOSTILE_HOST)) {
            return "Location echoes the Host header: " + location;
        }
        // Paths are case-sensitive: /API/v1/… is a page address that leads nowhere, and pages answer in HTML.
        if (status < 400 || call.method().equals("HEAD") || !call.target().startsWith("/api/")) {
            return null;
        }
        if (!response.contentType().equals("application/problem+json")) {
            return "an error as " + response.contentType();
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            return "a problem+json body that is not JSON";
        }
        if (body.path("status").asInt() != status) {
            return "a problem whose status is " + body.path("status");
        }
        return null;
    }

    private List<Long> counts() {
        return jdbc.query(COUNTS, (rows, i) -> {
                    var values = new ArrayList<Long>();
                    for (var column = 1; column <= 8; column++) {
                        values.add(rows.getLong(column));
                    }
                    return values;
                })
                .getFirst();
    }

    private RawHttp.Response send(Call call, Caller caller) {
        var headers = new LinkedHashMap<String, String>();
        if (caller.authorization() != null && !call.headers().containsKey("Authorization")) {
            headers.put("Authorization", caller.authorization());
        }
        headers.putAll(call.headers());
        headers.putIfAbsent("Accept", "application/json, application/problem+json");
        if (call.body().length > 0 && !headers.containsKey("Transfer-Encoding")) {
            headers.put("Content-Length", String.valueOf(call.body().length));
        }
        return RawHttp.send(port, call.method() + " " + call.target() + " HTTP/1.1", headers, call.body());
    }

    // Generation

    private Call generate(Operation operation, Random random) {
        var path = path(operation, Function.identity());
        var query = query(operation, random, false);
        var headers = new LinkedHashMap<String, String>();
        byte[] body = new byte[0];
        if (operation.bodySchema() != null) {
            headers.put("Content-Type", "application/json");
            body = bytes(valid(operation.bodySchema(), "", random));
        }
        var kind = random.nextInt(100);
        String what;
        if (kind < 8) {
            what = "valid";
            if (operation.id().equals("submitRequest") && random.nextBoolean()) {
                headers.put("Idempotency-Key", "fuzz-" + random.nextInt(20));
            }
        } else if (kind < 20) {
            var segment = PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)];
            what = "path parameter " + segment;
            path = path(operation, ignored -> segment);
        } else if (kind < 30) {
            what = "path oddity";
            path = oddPath(path, random);
        } else if (kind < 45) {
            query = query(operation, random, true);
            what = "hostile query " + query;
        } else if (kind < 75 && operation.bodySchema() != null) {
            var mutated = mutate(operation.bodySchema(), random);
            body = mutated.getValue();
            what = "body " + mutated.getKey();
        } else if (kind < 85) {
            what = header(operation, headers, random);
        } else if (kind < 92) {
            var method = METHODS[random.nextInt(METHODS.length)];
            what = "method " + method;
            return new Call(method, path + query, headers, body, what);
        } else {
            what = "Host " + HOSTILE_HOST;
            headers.put("Host", HOSTILE_HOST);
            headers.put("X-Forwarded-Host", HOSTILE_HOST);
            headers.put("Forwarded", "host=" + HOSTILE_HOST);
        }
        return new Call(operation.method(), path + query, headers, body, what);
    }

    private String path(Operation operation, Function<String, String> parameterValue) {
        var path = operation.path();
        for (var parameter : operation.parameters()) {
            if ("path".equals(parameter.get("in"))) {
                var name = (String) parameter.get("name");
                // Retiring is for keeps: it acts on a blueprint of its own, so that the others stay requestable.
                var fixture = operation.id().equals("retireBlueprint") && name.equals("blueprint")
                        ? "fuzz-retire"
                        : fixtures.getOrDefault(name, "fuzz-" + name);
                path = path.replace("{" + name + "}", parameterValue.apply(fixture));
            }
        }
        return path;
    }

    private static String oddPath(String path, Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> path + ";jsessionid=x";
            case 1 -> path.replaceFirst("/v1/", "/v1//");
            case 2 -> path + "/";
            case 3 -> path.replaceFirst("/v1/", "/v1/%2e%2e/v1/");
            case 4 -> path + "%00";
            case 5 -> path.replaceFirst("/api/", "/API/");
            case 6 -> path + "/" + "x".repeat(9_000);
            case 7 -> path.replaceFirst("/v1/", "/v1/%2F");
            case 8 -> path + "?%ZZ=1";
            default -> path.replaceFirst("/v1/", "/v1/.;/");
        };
    }

    private String query(Operation operation, Random random, boolean hostile) {
        var parts = new ArrayList<String>();
        for (var parameter : operation.parameters()) {
            if (!"query".equals(parameter.get("in")) || (!hostile && random.nextInt(3) > 0)) {
                continue;
            }
            var name = (String) parameter.get("name");
            var value = hostile && random.nextInt(3) > 0
                    ? HOSTILE_QUERY_VALUES[random.nextInt(HOSTILE_QUERY_VALUES.length)]
                    : encode(sampleQueryValue(parameter, random));
            parts.add(encode(name) + "=" + value);
            if (hostile && random.nextInt(5) == 0) {
                parts.add(encode(name) + "=" + HOSTILE_QUERY_VALUES[random.nextInt(HOSTILE_QUERY_VALUES.length)]);
            }
        }
        if (hostile && (parts.isEmpty() || random.nextInt(4) == 0)) {
            parts.add("unknown%00=" + HOSTILE_QUERY_VALUES[random.nextInt(HOSTILE_QUERY_VALUES.length)]);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    @SuppressWarnings("unchecked")
    private String sampleQueryValue(Map<String, Object> parameter, Random random) {
        var schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
        var name = (String) parameter.get("name");
        if (schema.get("items") instanceof Map<?, ?> items && items.get("enum") instanceof List<?> values) {
            return String.valueOf(values.get(random.nextInt(values.size())));
        }
        if (schema.get("enum") instanceof List<?> values) {
            return String.valueOf(values.get(random.nextInt(values.size())));
        }
        if ("date-time".equals(schema.get("format"))) {
            return random.nextBoolean() ? "2026-01-01T00:00:00Z" : "2027-01-01T00:00:00Z";
        }
        var type = String.valueOf(schema.get("type"));
        if (type.contains("integer")) {
            return String.valueOf(1 + random.nextInt(50));
        }
        if (type.contains("boolean")) {
            return String.valueOf(random.nextBoolean());
        }
        return switch (name) {
            case "blueprint" -> "fuzz-site";
            case "target" -> "fuzz-target";
            case "requester" -> "requester";
            case "cursor" -> "bm90LWEtY3Vyc29y";
            default -> "fuzz";
        };
    }

    private String header(Operation operation, Map<String, String> headers, Random random) {
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                var type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                headers.put("Content-Type", type);
                return "Content-Type " + type;
            }
            case 2 -> {
                var accept = ACCEPTS[random.nextInt(ACCEPTS.length)];
                headers.put("Accept", accept);
                return "Accept " + accept;
            }
            case 3 -> {
                headers.put("Idempotency-Key", random.nextBoolean() ? "k1\nk2" : "x".repeat(300));
                return "Idempotency-Key duplicated or too long";
            }
            case 4 -> {
                headers.put("X-Padding", "p".repeat(9_000 + random.nextInt(20_000)));
                return "oversized header";
            }
            case 5 -> {
                headers.put("Transfer-Encoding", "gzip");
                return "Transfer-Encoding gzip";
            }
            default -> {
                headers.put("Authorization", random.nextBoolean() ? "Basic %%%" : "Bearer \u0001");
                return "malformed Authorization";
            }
        }
    }

    /** A body of the schema's shape with values that pass, built from the fixtures where a field names one. */
    @SuppressWarnings("unchecked")
    private JsonNode valid(Map<String, Object> schema, String field, Random random) {
        schema = resolve(schema);
        if (schema.get("oneOf") instanceof List<?> options) {
            return field.equals("delivery")
                    ? NODES.objectNode().put("type", "Stack")
                    : valid((Map<String, Object>) options.getFirst(), field, random);
        }
        if (schema.get("enum") instanceof List<?> values) {
            return NODES.stringNode(String.valueOf(values.get(random.nextInt(values.size()))));
        }
        var type = String.valueOf(schema.get("type"));
        if (type.contains("object") || schema.containsKey("properties")) {
            var object = NODES.objectNode();
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                properties.forEach((name, property) ->
                        object.set((String) name, valid((Map<String, Object>) property, (String) name, random)));
            } else if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                object.set(
                        field.equals("parameters") ? "SiteName" : "fuzz-key",
                        valid((Map<String, Object>) values, field + ".value", random));
            }
            return object;
        }
        if (type.contains("array")) {
            var array = NODES.arrayNode();
            if (field.equals("capabilities")) {
                return array;
            }
            array.add(valid((Map<String, Object>) schema.getOrDefault("items", Map.of()), field + "[]", random));
            return array;
        }
        if (type.contains("integer") || type.contains("number")) {
            return NODES.numberNode(1);
        }
        if (type.contains("boolean")) {
            return NODES.booleanNode(false);
        }
        return NODES.stringNode(
                switch (field) {
                    case "slug" -> "fuzz-new-" + (fresh++);
                    case "blueprint" -> "fuzz-site";
                    case "target" -> "fuzz-target";
                    case "parameters.value" -> "fuzz-" + random.nextInt(1000);
                    case "template" -> TEMPLATE;
                    case "accountId" -> "111122223333";
                    case "region" -> "eu-west-1";
                    case "maxLifetime" -> "P30D";
                    case "approvalPolicy" -> "default";
                    case "executionRoleArn", "externalId", "allowedBlueprints[]" -> "";
                    case "allowedOrganizationalUnits[]" -> "Sandbox";
                    default -> "generated " + field;
                });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema.get("$ref") instanceof String ref) {
            var name = ref.substring(ref.lastIndexOf('/') + 1);
            var components = (Map<String, Object>) document.get("components");
            return resolve((Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get(name));
        }
        return schema;
    }

    /** A valid body with one place spoiled, or a body that is not what JSON or the API expect at all. */
    private Map.Entry<String, byte[]> mutate(Map<String, Object> schema, Random random) {
        var choice = random.nextInt(10);
        if (choice == 0) {
            var raw =
                    switch (random.nextInt(10)) {
                        case 0 -> "";
                        case 1 -> "null";
                        case 2 -> "[]";
                        case 3 -> "{";
                        case 4 -> "{\"a\": 1, \"a\": 2}";
                        case 5 -> "\ufeff{}";
                        case 6 -> "[".repeat(2_000) + "]".repeat(2_000);
                        case 7 -> "{\"x\": \"" + "y".repeat(70_000) + "\"}";
                        case 8 -> "{\"justification\": \"" + "z".repeat(200_000) + "\"}";
                        default -> "\"just a string\"";
                    };
            return Map.entry("raw " + abbreviate(raw), bytes(raw));
        }
        if (choice == 1) {
            var bytes = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            return Map.entry("invalid UTF-8", bytes);
        }
        var body = valid(schema, "", random);
        var places = new ArrayList<JsonPointer>();
        collect(body, "", places);
        if (places.isEmpty()) {
            return Map.entry("raw []", bytes("[]"));
        }
        var place = places.get(random.nextInt(places.size()));
        var replacement = random.nextBoolean()
                ? "\"" + HOSTILE_STRINGS[random.nextInt(HOSTILE_STRINGS.length)] + "\""
                : HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
        // Spliced in as the client wrote it: through a JSON tree, 1e400 would become Infinity and a lone surrogate '?'.
        var text = JSON.writeValueAsString(place.set(NODES.stringNode(MARKER)))
                .replace("\"\\u0001marker\\u0001\"", replacement);
        return Map.entry(place + " = " + abbreviate(replacement), bytes(text));
    }

    /** A place in a body: the field or item to replace, and the whole body to serialise afterwards. */
    private record JsonPointer(JsonNode root, JsonNode container, String field, int index, String path) {

        JsonNode set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else if (container instanceof ArrayNode array) {
                array.set(index, value);
            }
            return root;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private static void collect(JsonNode root, String path, List<JsonPointer> places) {
        collect(root, root, path, places);
    }

    private static void collect(JsonNode root, JsonNode node, String path, List<JsonPointer> places) {
        if (node instanceof ObjectNode object) {
            for (var name : object.propertyNames()) {
                places.add(new JsonPointer(root, object, name, -1, path + "." + name));
                collect(root, object.get(name), path + "." + name, places);
            }
        } else if (node instanceof ArrayNode array) {
            for (var i = 0; i < array.size(); i++) {
                places.add(new JsonPointer(root, array, null, i, path + "[" + i + "]"));
                collect(root, array.get(i), path + "[" + i + "]", places);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        var paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, methods) -> methods.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation)) {
                return;
            }
            var parameters = operation.get("parameters") instanceof List<?> listed
                    ? (List<Map<String, Object>>) listed
                    : List.<Map<String, Object>>of();
            Map<String, Object> bodySchema = null;
            if (operation.get("requestBody") instanceof Map<?, ?> requestBody
                    && requestBody.get("content") instanceof Map<?, ?> content
                    && content.get("application/json") instanceof Map<?, ?> json) {
                bodySchema = (Map<String, Object>) json.get("schema");
            }
            operations.add(new Operation(
                    (String) operation.get("operationId"), method.toUpperCase(), path, parameters, bodySchema));
        }));
        return operations;
    }

    private static byte[] bytes(JsonNode node) {
        return bytes(JSON.writeValueAsString(node));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        var single = text.replace("\n", "\\n").replace("\r", "\\r");
        return single.length() > 100 ? single.substring(0, 100) + "…(" + single.length() + ")" : single;
    }
}
