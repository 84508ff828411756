package com.westbethel.motel.bootstrap.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for end-to-end tests: what a curl from the operator's shell would see. It is also the contract
 * test: every answer it sees is validated against the API's own OpenAPI document (fetched once per server from
 * {@code /v3/api-docs}), and so is every request the server accepted (2xx); a mismatch fails the test with the
 * validator's report. Paths and methods the document does not describe (the actuator, a deliberately unknown path)
 * have no contract to check.
 */
public final class HttpProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final boolean validated;

    public HttpProbe(int port) {
        this(port, true);
    }

    private HttpProbe(int port, boolean validated) {
        this.port = port;
        this.validated = validated;
    }

    /** For a server that publishes no document (production settings): answers are not checked against a contract. */
    public static HttpProbe withoutContract(int port) {
        return new HttpProbe(port, false);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply get(String path, String bearer) {
        return send(request(path).header("Authorization", "Bearer " + bearer).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String json, String bearer) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path, String bearer) {
        return send(request(path).header("Authorization", "Bearer " + bearer).DELETE());
    }

    public Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        Reply reply = exchange(request);
        if (validated) {
            checkContract(request, reply);
        }
        return reply;
    }

    /** Sends without checking the contract: for deliberately broken requests whose answers the caller checks itself. */
    public Reply sendUnchecked(HttpRequest.Builder builder) {
        return exchange(builder.build());
    }

    public Reply sendUnchecked(HttpRequest request) {
        return exchange(request);
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "motel-tests/1.0");
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /**
     * What is wrong with an answer by the document (its status, content type and body for that operation), or null. For
     * tests that send deliberately broken requests and so cannot hold the request to the document.
     */
    public String answerMismatch(HttpRequest request, Reply reply) {
        String path = request.uri().getRawPath();
        if (!path.startsWith("/api/") || reply.response() == null) {
            return null;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.response().headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = VALIDATORS.computeIfAbsent(port, HttpProbe::validatorFor)
                .validateResponse(path, Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT)), response.build());
        return report.hasErrors() ? SimpleValidationReportFormat.getInstance().apply(report) : null;
    }

    private void checkContract(HttpRequest request, Reply reply) {
        String path = request.uri().getRawPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(port, HttpProbe::validatorFor);
        Request.Method method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.response().headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator.validateResponse(path, method, response.build());
        if (reply.status() / 100 == 2) {
            report = report.merge(validator.validateRequest(toValidatorRequest(request, path, method)));
        }
        if (report.hasErrors()) {
            throw new AssertionError("The " + request.method() + " " + request.uri().getRawPath() + " exchange (" + reply.status()
                    + ") breaks the OpenAPI document:\n" + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nresponse body: " + abbreviate(reply.body()));
        }
    }

    private static Request toValidatorRequest(HttpRequest request, String path, Request.Method method) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        request.headers().map().forEach((name, values) -> builder.withHeader(name, values));
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                builder.withQueryParam(name, List.of(value));
            }
        }
        String body = bodyOf(request);
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static OpenApiInteractionValidator validatorFor(int port) {
        HttpProbe plain = withoutContract(port);
        Reply document = plain.get("/v3/api-docs");
        if (document.status() != 200) {
            throw new AssertionError("No OpenAPI document to check the answers against (GET /v3/api-docs: " + document.status() + ")");
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                .withLevelResolver(LevelResolver.create()
                        // A request to a path or with a method the document does not describe: nothing to check it against.
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        // Operations without a body ignore one (tests, like many clients, POST "{}" to them).
                        .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The body a request was built with (the publishers the tests use can be read again). */
    private static String bodyOf(HttpRequest request) {
        return request.bodyPublisher().map(publisher -> {
            CompletableFuture<String> body = new CompletableFuture<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    byte[] chunk = new byte[item.remaining()];
                    item.get(chunk);
                    bytes.write(chunk, 0, chunk.length);
                }

                @Override
                public void onError(Throwable throwable) {
                    body.completeExceptionally(throwable);
                }

                @Override
                public void onComplete() {
                    body.complete(bytes.toString(StandardCharsets.UTF_8));
                }
            });
            return body.join();
        }).orElse(null);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> response) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
