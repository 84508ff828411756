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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document itself (issue 10): exported from the running API to {@code target/openapi.json}, which
 * {@code .ci/run} lints with Redocly, and held to the rules a client relies on: a business-area tag and a summary on
 * every operation, typed 2xx bodies, problem+json 4xx answers naming their problem types, and a lock only where a
 * bearer is needed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT extends AbstractSuiteIT {

    static final Set<String> BUSINESS_AREAS = Set.of("Identity", "MFA", "Account", "Bookings", "Availability", "Loyalty",
            "Front desk", "Inventory", "Notifications", "Admin: tokens", "Admin: email templates",
            "Admin: users", "Admin: email queue", "Admin: audit log", "Reports");

    /** Operations anyone may call: they must not show a lock. */
    static final Set<String> PUBLIC_OPERATIONS = Set.of("POST /api/v1/auth/register", "POST /api/v1/auth/login",
            "POST /api/v1/auth/refresh", "POST /api/v1/auth/verify-email", "POST /api/v1/auth/resend-verification",
            "POST /api/v1/auth/forgot-password", "POST /api/v1/auth/reset-password",
            "POST /api/v1/auth/validate-reset-token", "POST /api/v1/auth/mfa/verify", "GET /api/v1/room-types",
            "GET /api/v1/room-types/{id}/photo",
            "GET /api/v1/availability", "GET /api/v1/notifications/unsubscribe", "POST /api/v1/notifications/unsubscribe");
    /** Guest checkout (issue 11): a bearer books for the account, and without one the guest's details do. */
    static final Set<String> BEARER_OPTIONAL = Set.of("POST /api/v1/bookings");
    /** A booking's own operations: its owner's bearer, or the Booking-Token of a booking made without an account. */
    static final Set<String> BEARER_OR_BOOKING_TOKEN = Set.of("GET /api/v1/bookings/{id}", "POST /api/v1/bookings/{id}/payments",
            "POST /api/v1/bookings/{id}/cancel", "POST /api/v1/bookings/{id}/extend-hold", "GET /api/v1/bookings/{id}/cancellation-quote");

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
            String security = operation.path("security").toString();
            boolean locked = security.contains("\"bearer\"");
            if (PUBLIC_OPERATIONS.contains(key) == locked) {
                faults.add(key + (locked ? ": public but locked" : ": needs a bearer but shows no lock"));
            }
            if (BEARER_OPTIONAL.contains(key) != security.contains("{}")) {
                faults.add(key + (BEARER_OPTIONAL.contains(key) ? ": books without an account but the document requires a bearer"
                        : ": shows an optional lock"));
            }
            if (BEARER_OR_BOOKING_TOKEN.contains(key) != security.contains("\"bookingToken\"")) {
                faults.add(key + (BEARER_OR_BOOKING_TOKEN.contains(key) ? ": takes the Booking-Token but the document does not say so"
                        : ": shows the Booking-Token"));
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void booking_without_an_account_has_an_example_of_each_way_to_book() {
        JsonNode book = operations().get("POST /api/v1/bookings");
        JsonNode examples = book.path("requestBody").path("content").path("application/json").path("examples");

        assertThat(examples.path("guest-checkout").path("value").toString()).contains("\"guest\"").contains("\"email\"");
        assertThat(examples.path("account").path("value").toString()).doesNotContain("\"guest\"");
        assertThat(book.path("responses").path("201").path("content").path("application/json").path("examples").path("guest-checkout")
                .path("value").toString()).contains("\"manageToken\"");
    }

    // The four below check changes of issue 10 (findings 3, 4, 8 and 9) as the document shows them.

    @Test
    void no_secret_travels_in_a_url_where_servers_and_proxies_log_it() { // Finding 8: reset tokens are validated by POST
        List<String> faults = new ArrayList<>();
        operations().forEach((key, operation) -> operation.path("parameters").forEach(parameter -> {
            String name = parameter.path("name").asString().toLowerCase(java.util.Locale.ROOT);
            boolean secret = name.contains("token") || name.contains("password") || name.equals("code") || name.contains("secret");
            // The one-click unsubscribe link (RFC 8058) must be a URL: its token is a signed capability for one setting, not a credential.
            if (secret && parameter.path("in").asString().equals("query") && !key.contains("/notifications/unsubscribe")) {
                faults.add(key + " takes " + name + " in the query");
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void enrolling_in_mfa_asks_for_the_current_password() { // Finding 3
        JsonNode body = document.path("paths").path("/api/v1/auth/mfa/setup").path("post").path("requestBody");
        JsonNode schema = resolve(body.path("content").path("application/json").path("schema"));
        assertThat(schema.path("required").toString()).contains("\"password\"");
    }

    @Test
    void registering_answers_202_whether_or_not_the_address_is_known() { // Finding 9
        JsonNode responses = document.path("paths").path("/api/v1/auth/register").path("post").path("responses");
        assertThat(responses.has("202")).isTrue();
        assertThat(responses.has("201")).isFalse();
        assertThat(responses.path("409").toString()).doesNotContain("email-taken");
    }

    @Test
    void the_public_port_serves_no_actuator_and_the_document_describes_none() throws IOException, InterruptedException { // Finding 4
        assertThat(document.path("paths").propertyNames()).noneMatch(path -> path.startsWith("/actuator"));
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
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
