package com.westbethel.motel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/blue-green-deploy.sh as run on a server, here: the packaged API deployed into the idle slot behind HAProxy while a
 * steady load goes through the balancer. A good version takes over, and a broken one (its smoke test fails; it never gets
 * ready) is rolled back, each without a single failed request.
 */
class BlueGreenDeployIT {

    private static final Path SCRIPT = Path.of(System.getProperty("motel.scripts", "../scripts"), "blue-green-deploy.sh").toAbsolutePath();
    private static final String JAR = Path.of(System.getProperty("motel.api.jar")).toAbsolutePath().toString();
    private static final Pattern SWITCH_TIME = Pattern.compile("switch time (\\d+) ms");
    private static final Pattern LIVE = Pattern.compile("live slot: (\\w+)");

    private static ScratchDatabase database;
    private static final Map<String, String> settings = new HashMap<>();
    private static int balancerPort;

    @BeforeAll
    static void firstDeployment() throws Exception {
        database = ScratchDatabase.create("motel_bluegreen");
        Path state = Path.of(System.getProperty("motel.logs", "target/system-tests"), "blue-green").toAbsolutePath();
        Files.createDirectories(state);
        balancerPort = RunningApp.freePort();
        settings.put("BG_STATE_DIR", state.toString());
        settings.put("BG_LB_PORT", String.valueOf(balancerPort));
        settings.put("BG_BLUE_PORT", String.valueOf(RunningApp.freePort()));
        settings.put("BG_BLUE_MANAGEMENT_PORT", String.valueOf(RunningApp.freePort()));
        settings.put("BG_GREEN_PORT", String.valueOf(RunningApp.freePort()));
        settings.put("BG_GREEN_MANAGEMENT_PORT", String.valueOf(RunningApp.freePort()));
        settings.put("JAVA_HOME", System.getProperty("java.home"));
        settings.put("JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
        // The first deployment: nothing to switch from, nothing under load yet.
        Run first = script("deploy", JAR, "--", "--motel.demo-data.enabled=true");
        assertThat(first.exitCode()).as(first.output()).isZero();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            script("stop");
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void a_new_version_takes_over_under_load_without_one_failed_request() throws Exception {
        String before = liveSlot();
        Run deployment;
        try (SteadyLoad load = new SteadyLoad(balancerPort)) {
            deployment = script("deploy", JAR);
            load.awaitMore(200);
            load.finish();
            report("switch", load, deployment);
            assertThat(deployment.exitCode()).as(deployment.output()).isZero();
            assertThat(load.failures()).as("failed requests of " + load.sent()).isEmpty();
            assertThat(load.succeeded()).isEqualTo(load.sent()).isGreaterThan(500);
        }
        Matcher switchTime = SWITCH_TIME.matcher(deployment.output());
        assertThat(switchTime.find()).as(deployment.output()).isTrue();
        String after = liveSlot();
        assertThat(after).isNotEqualTo(before);
        assertThat(script("status").output()).contains(before + ": balancer MAINT, process stopped").contains(after + ": balancer UP");
    }

    @Test
    void a_version_failing_its_smoke_test_is_rolled_back_under_load_without_one_failed_request() throws Exception {
        // Ready on its management port, but the API is not where it belongs: GET /api/v1/room-types answers 404.
        rolledBackUnderLoad("broken smoke test", "failed its smoke test: rolling back", "--server.servlet.context-path=/broken");
    }

    @Test
    void a_version_that_never_gets_ready_is_rolled_back_under_load_without_one_failed_request() throws Exception {
        // Pointed at a database that does not exist: it exits at start, never ready.
        rolledBackUnderLoad("never ready", "exited while starting", "--spring.datasource.url=" + ScratchDatabase.SERVER + database.name + "_missing");
    }

    /** Deploys the API with {@code brokenBy} under load: rolled back for {@code reason}, the live slot unchanged, not one request failed. */
    private static void rolledBackUnderLoad(String what, String reason, String brokenBy) throws Exception {
        String before = liveSlot();
        try (SteadyLoad load = new SteadyLoad(balancerPort)) {
            Run deployment = script("deploy", JAR, "--", brokenBy);
            load.awaitMore(200);
            load.finish();
            report(what, load, deployment);
            assertThat(deployment.exitCode()).as(deployment.output()).isEqualTo(1);
            assertThat(deployment.output()).contains(reason, "rolled back: " + before + " stays live");
            assertThat(load.failures()).as("failed requests of " + load.sent()).isEmpty();
            assertThat(load.succeeded()).isEqualTo(load.sent()).isGreaterThan(200);
        }
        assertThat(liveSlot()).isEqualTo(before);
    }

    private static String liveSlot() throws Exception {
        Run status = script("status");
        Matcher live = LIVE.matcher(status.output());
        assertThat(live.find()).as(status.output()).isTrue();
        return live.group(1);
    }

    private static void report(String what, SteadyLoad load, Run deployment) {
        Matcher switchTime = SWITCH_TIME.matcher(deployment.output());
        System.out.printf("blue-green (%s): %d requests sent through the balancer, %d failed; deployment %d ms, switch time %s%n", what,
                load.sent(), load.failures().size(), deployment.millis(), switchTime.find() ? switchTime.group(1) + " ms" : "none (rolled back)");
    }

    private record Run(int exitCode, String output, long millis) {
    }

    /** The script, with its settings and the database's address in its environment; its output (standard error included). */
    private static Run script(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(settings);
        builder.environment().put("SPRING_DATASOURCE_URL", database.url());
        builder.environment().put("MOTEL_RATELIMIT_ENABLED", "false");
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the script did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * An open load through the balancer: a GET of the room types every 20 ms (50 a second, whatever the answers take), each
     * counted as sent, then as succeeded (200) or failed (any other status, an error, no answer within 30 s: a new JVM on a
     * busy 2-core machine answers slowly at first, which is not a failed switch).
     */
    private static final class SteadyLoad implements AutoCloseable {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        private final HttpRequest request;
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger succeeded = new AtomicInteger();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        SteadyLoad(int port) {
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/room-types")).timeout(Duration.ofSeconds(30)).build();
            clock.scheduleAtFixedRate(this::send, 0, 20, TimeUnit.MILLISECONDS);
        }

        private void send() {
            sent.incrementAndGet();
            CompletableFuture<Void> answer = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    succeeded.incrementAndGet();
                } else {
                    failures.add(error != null ? error.toString() : "HTTP " + response.statusCode());
                }
                return null;
            });
            inFlight.add(answer);
            answer.whenComplete((ignored, error) -> inFlight.remove(answer));
        }

        /** Keeps the load on after the deployment until {@code count} more requests were sent: the new slot serves them. */
        void awaitMore(int count) {
            int target = sent.get() + count;
            await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= target);
        }

        /** Stops sending and waits for every answer. */
        void finish() throws Exception {
            clock.shutdown();
            assertThat(clock.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }

        int sent() {
            return sent.get();
        }

        int succeeded() {
            return succeeded.get();
        }

        List<String> failures() {
            synchronized (failures) {
                return List.copyOf(failures);
            }
        }

        @Override
        public void close() {
            clock.shutdownNow();
        }
    }
}
