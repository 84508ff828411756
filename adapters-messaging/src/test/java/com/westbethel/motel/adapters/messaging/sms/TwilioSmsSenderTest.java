package com.westbethel.motel.adapters.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.westbethel.motel.adapters.messaging.sms.TwilioSmsSender.TwilioSettings;
import com.westbethel.motel.application.notification.port.out.SmsDeliveryException;
import com.westbethel.motel.application.notification.port.out.SmsMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwilioSmsSenderTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "s3cr3t-auth-token";
    private static final String FROM = "+15005550006";

    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final SmsMessage message = new SmsMessage("+15551234567", "Room 12 is ready & waiting: +1 night, café ☕");

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void the_request_posts_a_form_to_the_accounts_messages_resource() {
        TwilioSmsSender sender = new TwilioSmsSender(client, new TwilioSettings(SID, TOKEN, FROM));

        HttpRequest request = sender.request(message);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(URI.create("https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages.json"));
        assertThat(request.headers().firstValue("Authorization")).hasValue(basic(SID, TOKEN));
        assertThat(request.headers().firstValue("Content-Type")).hasValue("application/x-www-form-urlencoded");
        assertThat(request.headers().firstValue("Accept")).hasValue("application/json");
        assertThat(request.timeout()).hasValue(Duration.ofSeconds(10));
        assertThat(body(request)).isEqualTo(TwilioSmsSender.formBody(FROM, message));
    }

    @Test
    void a_trailing_slash_on_the_base_uri_does_not_double_up() {
        TwilioSettings settings = new TwilioSettings(URI.create("http://127.0.0.1:8080/"), SID, TOKEN, FROM);

        HttpRequest request = new TwilioSmsSender(client, settings).request(message);

        assertThat(request.uri()).hasToString("http://127.0.0.1:8080/2010-04-01/Accounts/" + SID + "/Messages.json");
    }

    @Test
    void the_form_body_encodes_plus_ampersand_spaces_and_non_ascii_as_utf8() {
        String body = TwilioSmsSender.formBody(FROM, message);

        assertThat(body).isEqualTo("To=%2B15551234567&From=%2B15005550006"
                + "&Body=Room+12+is+ready+%26+waiting%3A+%2B1+night%2C+caf%C3%A9+%E2%98%95");
        assertThat(form(body)).containsExactly(
                Map.entry("To", "+15551234567"),
                Map.entry("From", FROM),
                Map.entry("Body", message.body()));
    }

    @Test
    void settings_refuse_blank_values_and_a_from_that_is_not_e164() {
        URI base = URI.create(TwilioSettings.DEFAULT_BASE_URI);

        assertThatThrownBy(() -> new TwilioSettings(base, " ", TOKEN, FROM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountSid");
        assertThatThrownBy(() -> new TwilioSettings(base, null, TOKEN, FROM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountSid");
        assertThatThrownBy(() -> new TwilioSettings(base, "AC/../x", TOKEN, FROM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountSid");
        assertThatThrownBy(() -> new TwilioSettings(base, SID, "", FROM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authToken");
        assertThatThrownBy(() -> new TwilioSettings(base, SID, TOKEN, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> new TwilioSettings(base, SID, TOKEN, "15005550006")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E.164");
        assertThatThrownBy(() -> new TwilioSettings(URI.create("/relative"), SID, TOKEN, FROM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new TwilioSettings(null, SID, TOKEN, FROM)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_settings_never_show_the_auth_token() {
        TwilioSettings settings = new TwilioSettings(SID, TOKEN, FROM);

        assertThat(settings.toString()).doesNotContain(TOKEN).contains(SID).contains(FROM).contains("authToken=****");
        assertThat(settings.baseUri()).isEqualTo(URI.create("https://api.twilio.com"));
    }

    @Test
    void a_created_message_is_sent_with_the_form_and_basic_credentials() throws IOException {
        AtomicReference<String> method = new AtomicReference<>();
        AtomicReference<String> path = new AtomicReference<>();
        AtomicReference<String> authorization = new AtomicReference<>();
        AtomicReference<String> contentType = new AtomicReference<>();
        AtomicReference<String> received = new AtomicReference<>();
        server = server();
        server.createContext("/", exchange -> {
            method.set(exchange.getRequestMethod());
            path.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 201, "{\"sid\":\"SM123\",\"status\":\"queued\"}");
        });
        server.start();

        senderFor(server).send(message);

        assertThat(method.get()).isEqualTo("POST");
        assertThat(path.get()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(authorization.get()).isEqualTo(basic(SID, TOKEN));
        assertThat(contentType.get()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(received.get()).isEqualTo(TwilioSmsSender.formBody(FROM, message));
        assertThat(form(received.get())).containsEntry("Body", message.body()).containsEntry("To", "+15551234567");
    }

    @Test
    void a_refused_message_throws_naming_the_status_and_the_providers_reason() throws IOException {
        server = server();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}");
        });
        server.start();

        assertThatThrownBy(() -> senderFor(server).send(message))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("21211")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void a_long_error_body_is_cut_to_300_characters_in_the_message() throws IOException {
        server = server();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 503, "x".repeat(5_000));
        });
        server.start();

        assertThatThrownBy(() -> senderFor(server).send(message))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("x".repeat(300))
                .hasMessageNotContaining("x".repeat(301));
    }

    @Test
    void a_provider_that_hangs_up_throws_a_delivery_exception() throws IOException {
        try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!hangsUp.isClosed()) {
                    try (Socket connection = hangsUp.accept()) {
                        connection.setSoLinger(true, 0);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI base = URI.create("http://127.0.0.1:" + hangsUp.getLocalPort());
            TwilioSmsSender sender = new TwilioSmsSender(client, new TwilioSettings(base, SID, TOKEN, FROM));

            assertThatThrownBy(() -> sender.send(message))
                    .isInstanceOf(SmsDeliveryException.class)
                    .hasCauseInstanceOf(IOException.class)
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void an_interrupted_send_keeps_the_interrupt_and_throws() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        server = server();
        server.createContext("/", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 201, "{}");
        });
        server.start();
        TwilioSmsSender sender = senderFor(server);

        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> sender.send(message))
                    .isInstanceOf(SmsDeliveryException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("interrupt flag restored (and now cleared)").isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }

    private TwilioSmsSender senderFor(HttpServer running) {
        URI base = URI.create("http://127.0.0.1:" + running.getAddress().getPort());
        return new TwilioSmsSender(client, new TwilioSettings(base, SID, TOKEN, FROM));
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Reads a request's body publisher the way the client would. */
    private static String body(HttpRequest request) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElseThrow();
        List<ByteBuffer> buffers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                buffers.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        try {
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        buffers.forEach(all::put);
        return new String(all.array(), StandardCharsets.UTF_8);
    }
}
