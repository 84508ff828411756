package com.westbethel.motel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several replicas, as Kubernetes runs them: two packaged APIs behind HAProxy (round robin, each in rotation while its
 * readiness says so) and two packaged workers, on one PostgreSQL and one Redis. The last room under 100 parallel bookings
 * through the balancer is booked once; every queued email is delivered once; an access token revoked through one API is
 * refused by the other.
 */
class ReplicasIT {

    /** One SMTP server for the whole class: the workers are started once, with its port. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig()).withPerMethodLifecycle(false);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PASSWORD = "lantern orchard velvet kayak";
    /** Test-only keys, shared by every replica as production shares them (Secrets): each replica must accept the others' tokens. */
    private static final Map<String, String> SHARED_KEYS = Map.of(
            "--motel.security.jwt.signing-key=", "r3l7c+uErdbsb9NhAMPwkfFGgU6FHZVUAunNB8DuXnM=",
            "--motel.security.mfa-encryption-key=", "q1vG0cZJ3bq5c2m8pQxW4tY7uI9oP0aS1dF2gH3jK4k=",
            "--motel.booking.manage-link-key=", "+LQH7ab15XSSTG3bA3xOfw8CwgaYUmTTpHz3m1m1Azg=",
            "--motel.notifications.unsubscribe-key=", "1/7psi2zm6OLeAyHwnoHQZIid/UFgELYA1WZD32MLU0=");

    private static ScratchDatabase database;
    private static final List<RunningApp> apps = new ArrayList<>();
    private static RunningApp firstApi;
    private static RunningApp secondApi;
    private static Process balancer;
    private static int balancerPort;

    @BeforeAll
    static void startReplicasBehindTheBalancer() throws Exception {
        Process install = new ProcessBuilder("bash", Path.of(System.getProperty("motel.scripts", "../scripts"), "load-balancer.sh").toString())
                .redirectErrorStream(true).start();
        String installed = new String(install.getInputStream().readAllBytes());
        assertThat(install.waitFor()).as(installed).isZero();

        database = ScratchDatabase.create("motel_replicas");
        // The first API migrates the schema and seeds the demo motel; the other three then start side by side.
        firstApi = started("api-1", "motel.api.jar", apiArguments(true));
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            Future<RunningApp> second = starting.submit(() -> RunningApp.start("api-2", "motel.api.jar", apiArguments(false)));
            List<Future<RunningApp>> workers = List.of(
                    starting.submit(() -> RunningApp.start("worker-1", "motel.worker.jar", workerArguments())),
                    starting.submit(() -> RunningApp.start("worker-2", "motel.worker.jar", workerArguments())));
            // Every one that started is kept for stopping, even when another did not.
            Exception failed = null;
            for (Future<RunningApp> app : List.of(second, workers.get(0), workers.get(1))) {
                try {
                    apps.add(app.get());
                } catch (Exception notStarted) {
                    failed = failed == null ? notStarted : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
            secondApi = second.get();
        } finally {
            starting.shutdown();
        }
        balancer = startBalancer();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (balancer != null) {
            balancer.destroy();
            balancer.waitFor(10, TimeUnit.SECONDS);
        }
        for (RunningApp app : apps) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void the_last_room_under_a_hundred_parallel_bookings_through_the_balancer_is_booked_once() throws Exception {
        String suite = roomTypeId("Family Suite");
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(60 + ThreadLocalRandom.current().nextInt(600));
        // The demo motel has two Family Suites: one booked first, the other is the last.
        assertThat(book(suite, checkIn).statusCode()).isEqualTo(201);

        ExecutorService guests = Executors.newFixedThreadPool(100);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                answers.add(guests.submit(() -> {
                    go.await();
                    return book(suite, checkIn).statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(60, TimeUnit.SECONDS), 1L, Long::sum);
            }
            System.out.println("replicas: 100 parallel bookings of the last Family Suite through the balancer answered " + statuses);
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 99L));
        } finally {
            guests.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM bookings WHERE room_type_id = ?::uuid AND check_in = ?", suite, checkIn)).isEqualTo(2);
    }

    @Test
    void each_queued_email_is_delivered_once_by_the_two_workers() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = uniqueEmail("replica");
            assertThat(register(email).statusCode()).isEqualTo(202);
            addresses.add(email);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM email_queue WHERE recipient = ANY (?) AND status = 'SENT'", (Object) addresses.toArray(String[]::new)) == 20);
        // Sent in the queue, and for a while longer each address holds exactly one email: no worker sends one again.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> deliveredTo(addresses).values().stream().allMatch(messages -> messages == 1) && deliveredTo(addresses).size() == 20);
        System.out.println("replicas: " + addresses.size() + " verification emails queued through the balancer, " + deliveredTo(addresses).values().stream()
                .mapToLong(Long::longValue).sum() + " delivered by two workers");
    }

    @Test
    void an_access_token_revoked_through_one_api_is_refused_by_the_other() throws Exception {
        String email = uniqueEmail("revoked");
        assertThat(register(email).statusCode()).isEqualTo(202);
        MimeMessage verification = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> List.of(SMTP.getReceivedMessages()).stream().filter(message -> recipients(message).contains(email)).findFirst(),
                        Optional::isPresent).orElseThrow();
        String token = EmailEndToEndIT.token(EmailEndToEndIT.link(GreenMailUtil.getBody(verification), "https://motel.example/verify-email"));
        assertThat(send(balancerPort, "POST", "/api/v1/auth/verify-email", Map.of("token", token), null).statusCode()).isEqualTo(200);

        HttpResponse<String> login = send(firstApi.port, "POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String access = JSON.readTree(login.body()).path("accessToken").asString();
        assertThat(send(secondApi.port, "GET", "/api/v1/users/me", null, access).statusCode()).as("the other API accepts it").isEqualTo(200);

        assertThat(send(firstApi.port, "POST", "/api/v1/auth/logout", Map.of(), access).statusCode()).isEqualTo(204);

        assertThat(send(secondApi.port, "GET", "/api/v1/users/me", null, access).statusCode()).as("revoked on the first API").isEqualTo(401);
        assertThat(send(balancerPort, "GET", "/api/v1/users/me", null, access).statusCode()).isEqualTo(401);
    }

    private static RunningApp started(String name, String jarProperty, List<String> arguments) throws Exception {
        RunningApp app = RunningApp.start(name, jarProperty, arguments);
        apps.add(app);
        return app;
    }

    private static List<String> apiArguments(boolean seedDemoData) {
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(List.of("--motel.demo-data.enabled=" + seedDemoData, "--motel.rate-limit.enabled=false",
                "--motel.security.bcrypt-strength=4", "--motel.public-url=https://motel.example"));
        return arguments;
    }

    private static List<String> workerArguments() {
        List<String> arguments = new ArrayList<>(common());
        arguments.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--motel.worker.email-delivery-interval=200ms", "--motel.worker.email-delivery-initial-delay=0s"));
        return arguments;
    }

    private static List<String> common() {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database.url()));
        SHARED_KEYS.forEach((option, key) -> arguments.add(option + key));
        return arguments;
    }

    /** HAProxy in front of both APIs, as a child of this JVM (-db: in the foreground), with its own log. */
    private static Process startBalancer() throws Exception {
        balancerPort = RunningApp.freePort();
        Path logs = Path.of(System.getProperty("motel.logs", "target/system-tests"));
        Path config = logs.resolve("replicas-haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "defaults",
                "    mode http",
                "    option forwardfor",
                "    retries 3",
                "    retry-on conn-failure",
                "    timeout connect 2s",
                "    timeout client 60s",
                "    timeout server 60s",
                "    timeout check 3s",
                "frontend public",
                "    bind 127.0.0.1:" + balancerPort,
                "    default_backend api",
                "backend api",
                "    balance roundrobin",
                "    option httpchk GET /actuator/health/readiness",
                "    http-check expect status 200",
                "    default-server inter 1s fall 3 rise 2",
                "    server api-1 127.0.0.1:" + firstApi.port + " check port " + firstApi.managementPort,
                "    server api-2 127.0.0.1:" + secondApi.port + " check port " + secondApi.managementPort,
                ""));
        Process haproxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(logs.resolve("replicas-haproxy.log").toFile()).start();
        HttpRequest roomTypes = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancerPort + "/api/v1/room-types"))
                .timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> HTTP.send(roomTypes, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return haproxy;
    }

    private static String roomTypeId(String name) throws Exception {
        for (JsonNode type : JSON.readTree(send(balancerPort, "GET", "/api/v1/room-types", null, null).body())) {
            if (name.equals(type.path("name").asString())) {
                return type.path("id").asString();
            }
        }
        throw new AssertionError("no room type " + name);
    }

    /** Two nights of {@code roomType}, booked without an account by a guest of their own, through the balancer. */
    private static HttpResponse<String> book(String roomType, LocalDate checkIn) throws Exception {
        return send(balancerPort, "POST", "/api/v1/bookings", Map.of("roomTypeId", roomType, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 2,
                "guest", Map.of("firstName", "Mia", "lastName", "Holm", "email", uniqueEmail("suite"))), null);
    }

    private static HttpResponse<String> register(String email) throws Exception {
        return send(balancerPort, "POST", "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "firstName", "Ingrid",
                "lastName", "Dahl"), null);
    }

    private static HttpResponse<String> send(int port, String method, String path, Object body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How many emails each of {@code addresses} received, for those that received any. */
    private static Map<String, Long> deliveredTo(List<String> addresses) {
        return List.of(SMTP.getReceivedMessages()).stream()
                .flatMap(message -> recipients(message).stream())
                .filter(addresses::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return List.of(message.getAllRecipients()).stream().map(address -> address.toString().toLowerCase()).toList();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    query.setArray(i + 1, connection.createArrayOf("varchar", array));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
