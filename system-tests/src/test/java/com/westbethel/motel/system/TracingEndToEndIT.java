package com.westbethel.motel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace from a guest's request to the email it queued: the packaged API and worker run as processes, sample every trace
 * and export over OTLP to a collector in this JVM ({@link OtlpReceiver}). A registration's trace holds the HTTP server span,
 * the use case's span, its SQL, the outbox write, and, from the worker, the SMTP send of the verification email, continued
 * from the trace context the outbox row kept. The request's X-Request-Id reaches the worker's log line for that send.
 */
class TracingEndToEndIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OtlpReceiver COLLECTOR = startCollector();

    private static List<String> tracing() {
        return List.of("--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + COLLECTOR.endpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=100ms");
    }

    @RegisterExtension
    static final ApiOnScratchDatabase motel = new ApiOnScratchDatabase("motel_trace", "traced-api", database -> concat(List.of(
            "--spring.datasource.url=" + database.url(),
            "--motel.rate-limit.enabled=false",
            "--motel.security.bcrypt-strength=4"), tracing()));

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Test
    void a_registration_and_the_worker_sending_its_email_are_one_trace() throws Exception {
        try (RunningApp worker = RunningApp.start("traced-worker", "motel.worker.jar", concat(List.of(
                "--spring.datasource.url=" + motel.database().url(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--motel.worker.email-delivery-interval=200ms",
                "--motel.worker.email-delivery-initial-delay=0s"), tracing()))) {
            String requestId = "trace-e2e-" + UUID.randomUUID().toString().substring(0, 8);
            String email = "traced-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + motel.api().port + "/api/v1/auth/register"))
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email,
                            "password", "lantern orchard velvet kayak", "firstName", "Tove", "lastName", "Lund"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(202);
            assertThat(registered.headers().firstValue("X-Request-Id")).hasValue(requestId);
            await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessagesForDomain(email).length == 1);

            // The worker's send span is exported once the send is logged; the batch processor flushes every 100 ms.
            List<OtlpReceiver.Span> trace = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> traceOf(COLLECTOR.spans()), spans -> spans.stream().anyMatch(span -> span.name().equals("send email")));

            print(trace);
            assertThat(trace).extracting(OtlpReceiver.Span::name)
                    .contains("http post /api/v1/auth/register", "RegisterGuestUseCase.register", "queue email", "INSERT", "send email");
            assertThat(trace).filteredOn(span -> span.name().equals("send email")).singleElement()
                    .satisfies(send -> {
                        assertThat(send.service()).isEqualTo("motel-worker");
                        // A child of the outbox write, which runs inside the registration's use case, inside the request.
                        OtlpReceiver.Span queued = trace.stream().filter(span -> span.spanId().equals(send.parentSpanId())).findFirst().orElseThrow();
                        assertThat(queued.name()).isEqualTo("queue email");
                        assertThat(queued.service()).isEqualTo("motel-api");
                    });
            assertThat(trace).filteredOn(span -> span.service().equals("motel-api")).extracting(OtlpReceiver.Span::name)
                    .contains("SELECT", "INSERT");

            // The request id travelled with the trace, as baggage kept in the outbox row: the worker's line for the email carries both.
            String traceId = trace.get(0).traceId();
            assertThat(worker.log().lines().filter(line -> line.contains(" sent through primary")).toList())
                    .singleElement().asString().contains(traceId).contains(requestId);
        }
    }

    /** The spans of the one trace that holds the registration's HTTP server span, first to last. */
    private static List<OtlpReceiver.Span> traceOf(List<OtlpReceiver.Span> spans) {
        String traceId = spans.stream().filter(span -> span.name().equals("http post /api/v1/auth/register"))
                .map(OtlpReceiver.Span::traceId).findFirst().orElse(null);
        return spans.stream().filter(span -> span.traceId().equals(traceId))
                .sorted(Comparator.comparingLong(OtlpReceiver.Span::startNanos)).toList();
    }

    /** The trace as a tree, for the record: service, span name, duration. */
    private static void print(List<OtlpReceiver.Span> trace) {
        Map<String, List<OtlpReceiver.Span>> children = trace.stream().collect(Collectors.groupingBy(OtlpReceiver.Span::parentSpanId));
        StringBuilder tree = new StringBuilder("TRACE " + trace.get(0).traceId() + " (" + trace.size() + " spans)\n");
        trace.stream().filter(span -> trace.stream().noneMatch(parent -> parent.spanId().equals(span.parentSpanId())))
                .forEach(root -> print(root, children, 0, tree));
        System.out.print(tree);
    }

    private static void print(OtlpReceiver.Span span, Map<String, List<OtlpReceiver.Span>> children, int depth, StringBuilder tree) {
        tree.append("TRACE ").append("  ".repeat(depth)).append(span.name()).append(" [").append(span.service()).append("] ")
                .append(String.format("%.2f ms", span.duration().toNanos() / 1e6)).append('\n');
        children.getOrDefault(span.spanId(), List.of()).forEach(child -> print(child, children, depth + 1, tree));
    }

    private static OtlpReceiver startCollector() {
        try {
            return OtlpReceiver.start();
        } catch (java.io.IOException cannot) {
            throw new IllegalStateException(cannot);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
