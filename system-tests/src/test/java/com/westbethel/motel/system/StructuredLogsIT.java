package com.westbethel.motel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON log formats (LOGGING_STRUCTURED_FORMAT_CONSOLE) carry the request id, trace and span as fields of their own: the
 * packaged API, started in each format, is sent a request its firewall refuses (logged at INFO) with an {@code X-Request-Id},
 * and every line its request threads wrote meanwhile is read back from its log.
 */
class StructuredLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ScratchDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ScratchDatabase.create("motel_logs");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource({"ecs, process.thread.name", "logstash, thread_name"})
    void every_line_of_a_request_carries_its_request_id_trace_and_span(String format, String threadField) throws Exception {
        try (RunningApp api = RunningApp.start("api-" + format + "-logs", "motel.api.jar", List.of(
                "--spring.datasource.url=" + database.url(),
                "--logging.structured.format.console=" + format))) {
            // The first request makes Tomcat start the dispatcher servlet, which it logs before any filter runs: not this test's.
            HttpClient client = HttpClient.newHttpClient();
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port + "/api/v1/room-types")).build(),
                    HttpResponse.BodyHandlers.discarding());
            int before = api.log().length();
            String requestId = "json-" + UUID.randomUUID();
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port + "/api/v1/room-types;evil=1")).header("X-Request-Id", requestId).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(requestId);

            await().atMost(Duration.ofSeconds(5)).until(() -> api.log().substring(before).contains("Firewall refused a request"));
            List<Map<String, String>> lines = api.log().substring(before).lines().filter(line -> line.startsWith("{"))
                    .map(line -> flattened(JSON.readTree(line)))
                    .filter(line -> line.getOrDefault(threadField, "").matches(".*-exec-\\d+"))
                    .toList();
            assertThat(lines).anySatisfy(line -> assertThat(line.get("message")).startsWith("Firewall refused a request"));
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.get("requestId")).isEqualTo(requestId);
                assertThat(line.get("traceId")).matches("[0-9a-f]{32}");
                assertThat(line.get("spanId")).matches("[0-9a-f]{16}");
            });
        }
    }

    /** Every value of a JSON line under its dotted path ({@code process.thread.name}). */
    private static Map<String, String> flattened(JsonNode line) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", line, fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            node.properties().forEach(entry -> flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), fields));
        } else {
            fields.put(prefix, node.isValueNode() ? node.asString() : node.toString());
        }
    }
}
