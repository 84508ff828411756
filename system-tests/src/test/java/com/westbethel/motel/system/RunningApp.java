package com.westbethel.motel.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the packaged deployables, run as a real process from its executable jar, with its log in a file. */
final class RunningApp implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    final int port;
    /** Actuator's port (health, probes, metrics): never the public one. */
    final int managementPort;

    private RunningApp(String name, Process process, Path log, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    static RunningApp start(String name, String jarProperty, List<String> arguments) throws IOException {
        Path jar = Path.of(System.getProperty(jarProperty));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": package the module first (./mvnw verify builds it before these tests)");
        }
        Path logs = Path.of(System.getProperty("motel.logs", "target/system-tests"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        // The worker runs as deployed, with no application port (its server.port is -1): only the API gets one.
        boolean api = jarProperty.equals("motel.api.jar");
        int port = api ? freePort() : -1;
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--management.server.port=" + managementPort));
        if (api) {
            command.add("--server.port=" + port);
        }
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningApp app = new RunningApp(name, process, log, port, managementPort);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue());
                }
                try {
                    return client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException stillStarting) {
                    return false;
                }
            });
        } catch (RuntimeException notReady) {
            throw new IllegalStateException(name + " did not become ready (" + notReady.getMessage() + "):\n" + Files.readString(log), notReady);
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
