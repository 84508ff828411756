package com.westbethel.motel.bootstrap.api.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document itself (issue 10): exported from the running API to {@code target/openapi.json}, which
 * {@code .ci/run} lints with Redocly, and held to the rules a client relies on: a business-area tag and a summary on
 * every operation, typed 2xx bodies, problem+json 4xx answers naming their problem types, and a lock only where a
 * bearer is needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SuiteContext.PROPERTIES)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT {

    static final Set<String> BUSINESS_AREAS = Set.of("Identity", "MFA", "Account", "Bookings", "Availability", "Loyalty",
            "Front desk", "Inventory", "Notifications", "Admin: tokens", "Admin: email templates");

    /** Operations anyone may call: they must not show a lock. */
    static final Set<String> PUBLIC_OPERATIONS = Set.of("POST /api/v1/auth/register", "POST /api/v1/auth/login",
            "POST /api/v1/auth/refresh", "POST /api/v1/auth/verify-email", "POST /api/v1/auth/resend-verification",
            "POST /api/v1/auth/forgot-password", "POST /api/v1/auth/reset-password", "GET /api/v1/auth/validate-reset-token",
            "POST /api/v1/auth/validate-reset-token", "POST /api/v1/auth/mfa/verify", "GET /api/v1/room-types",
            "GET /api/v1/availability", "GET /api/v1/notifications/unsubscribe", "POST /api/v1/notifications/unsubscribe");

    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeAll
    void export() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        document = JsonMapper.builder().build().readTree(response.body());
        Path target = Path.of("target", "openapi.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    @Test
    void the_document_is_exported_for_the_linter() {
        assertThat(Path.of("target", "openapi.json")).exists().isNotEmptyFile();
        assertThat(document.path("openapi").asString()).startsWith("3.");
    }

    @Test
    void every_operation_has_a_business_area_tag_and_a_summary() {
        List<String> faults = new ArrayList<>();
        operations().forEach((key, operation) -> {
            JsonNode tags = operation.path("tags");
            if (tags.size() != 1 || !BUSINESS_AREAS.contains(tags.get(0).asString())) {
                faults.add(key + ": tags " + tags);
            }
            if (operation.path("summary").asString("").isBlank()) {
                faults.add(key + ": no summary");
            }
        });
        assertThat(faults).isEmpty();
        assertThat(document.path("tags").findValuesAsString("name")).containsExactlyInAnyOrderElementsOf(BUSINESS_AREAS);
    }

    @Test
    void every_2xx_with_a_body_has_a_typed_schema_and_no_wildcard_media_type() {
        List<String> faults = new ArrayList<>();
        operations().forEach((key, operation) -> operation.path("responses").properties().forEach(response -> {
            if (!response.getKey().startsWith("2")) {
                return;
            }
            response.getValue().path("content").properties().forEach(content -> {
                JsonNode schema = content.getValue().path("schema");
                if (content.getKey().equals("*/*")) {
                    faults.add(key + " " + response.getKey() + ": */*");
                }
                boolean typed = schema.has("$ref") || schema.has("anyOf") || schema.has("oneOf")
                        || (schema.path("type").asString("").equals("array") && schema.path("items").has("$ref"))
                        || (schema.path("type").asString("").equals("string") && !content.getKey().contains("json"));
                if (!typed) {
                    faults.add(key + " " + response.getKey() + ": untyped " + schema);
                }
            });
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void every_4xx_is_problem_json_naming_the_problem_types_it_can_return() {
        List<String> faults = new ArrayList<>();
        operations().forEach((key, operation) -> {
            boolean any4xx = false;
            for (var response : operation.path("responses").properties()) {
                if (!response.getKey().startsWith("4")) {
                    continue;
                }
                any4xx = true;
                JsonNode content = resolve(response.getValue()).path("content");
                if (content.has("text/html") && operation.path("responses").path("200").path("content").has("text/html")) {
                    continue; // a page for people (the unsubscribe link) refuses with a page
                }
                if (content.size() != 1 || !content.has("application/problem+json")) {
                    faults.add(key + " " + response.getKey() + ": content " + content.propertyNames());
                    continue;
                }
                JsonNode types = resolve(content.path("application/problem+json").path("schema")).findPath("type").path("enum");
                if (types.isEmpty()) {
                    types = content.path("application/problem+json").path("schema").findPath("enum");
                }
                if (types.isEmpty()) {
                    faults.add(key + " " + response.getKey() + ": no problem types");
                }
            }
            if (!any4xx) {
                faults.add(key + ": no 4xx documented");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void public_operations_show_no_lock_and_the_others_need_a_bearer() {
        assertThat(document.has("security")).as("no global security requirement").isFalse();
        List<String> faults = new ArrayList<>();
        operations().forEach((key, operation) -> {
            boolean locked = operation.path("security").toString().contains("\"bearer\"");
            if (PUBLIC_OPERATIONS.contains(key) == locked) {
                faults.add(key + (locked ? ": public but locked" : ": needs a bearer but shows no lock"));
            }
        });
        assertThat(faults).isEmpty();
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String[] parts = node.path("$ref").asString().substring(2).split("/");
        JsonNode found = document;
        for (String part : parts) {
            found = found.path(part);
        }
        return found;
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue())));
        return operations;
    }
}
