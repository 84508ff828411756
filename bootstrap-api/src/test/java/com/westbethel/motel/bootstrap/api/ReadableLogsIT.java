package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every line a request logs, in the readable format (the default), carries {@code [traceId-spanId-requestId]} after the
 * thread's name: a refused request (a guest at an admin endpoint, logged at WARN by the access check) is sent with its own
 * {@code X-Request-Id}, and each line a request thread logs meanwhile is read back. The JSON formats are checked on the
 * packaged API (system-tests, StructuredLogsIT), since the logging system a context starts with is the whole JVM's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReadableLogsIT extends AbstractApiIT {

    /** A line of a Tomcat request thread ({@code ...-exec-N}, cut to 15 characters) and its correlation id. */
    private static final Pattern REQUEST_LINE = Pattern.compile("\\[[^\\]]*exec-\\d+\\] \\[([^\\]]*)\\]");

    @Autowired
    LoggingSystem logging;

    @Test
    void every_line_of_a_request_carries_its_request_id_trace_and_span(CapturedOutput output) {
        String email = guests.verifiedGuest("correlated");
        String guest = guests.accessToken(email);
        String requestId = "req-" + UUID.randomUUID();
        int before = output.getOut().length();

        Reply refused = http.send(http.request("/api/v1/admin/tokens/revoke").header("Authorization", "Bearer " + guest)
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("jti", "anything")))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("X-Request-Id")).isEqualTo(requestId);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().substring(before).contains("Access denied: POST /api/v1/admin/tokens/revoke"));
        List<Map<String, String>> lines = requestLines(output.getOut().substring(before));
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("requestId")).isEqualTo(requestId);
            assertThat(line.get("traceId")).matches("[0-9a-f]{32}");
            assertThat(line.get("spanId")).matches("[0-9a-f]{16}");
        });
        assertThat(lines).extracting(line -> line.get("traceId")).containsOnly(lines.get(0).get("traceId"));
    }

    /**
     * A browser asking for a page that does not exist sends no id: the 404 page is rendered by Tomcat's ERROR dispatch to
     * {@code /error}, after the first dispatch has ended, and its lines carry the id the first dispatch gave, which is
     * also the one echoed. DispatcherServlet's DEBUG lines, on for this request only, show both dispatches.
     */
    @Test
    void a_page_request_without_an_id_that_ends_in_an_error_page_keeps_one_id_throughout(CapturedOutput output) {
        String dispatcher = "org.springframework.web.servlet.DispatcherServlet";
        int before = output.getOut().length();
        Reply missing;
        logging.setLogLevel(dispatcher, LogLevel.DEBUG);
        try {
            missing = http.send(http.request("/no-such-page-" + UUID.randomUUID()).header("Accept", "text/html,application/xhtml+xml")
                    .setHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0").GET());
            await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().substring(before).contains("\"/error\""));
        } finally {
            logging.setLogLevel(dispatcher, null);
        }

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        String echoed = missing.header("X-Request-Id");
        assertThat(echoed).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        List<String> lines = output.getOut().substring(before).lines().filter(line -> REQUEST_LINE.matcher(line).find()).toList();
        assertThat(lines).as("the error dispatch's lines").anySatisfy(line -> assertThat(line).contains("\"/error\""));
        assertThat(requestLines(String.join("\n", lines))).isNotEmpty()
                .allSatisfy(line -> assertThat(line.get("requestId")).isEqualTo(echoed));
    }

    private static List<Map<String, String>> requestLines(String output) {
        return output.lines().map(REQUEST_LINE::matcher).filter(Matcher::find).map(line -> {
            String[] parts = line.group(1).split("-", 3);
            return Map.of("traceId", parts[0].strip(), "spanId", parts.length > 1 ? parts[1].strip() : "",
                    "requestId", parts.length > 2 ? parts[2].strip() : "");
        }).toList();
    }
}
