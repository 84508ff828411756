package com.westbethel.motel.bootstrap.api.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The browser harness's own test pages ({@code site-browser/fixture/} in the test resources), served on a port of their
 * own with the site's content security policy: {@code /fixture/...} compressed when the browser accepts gzip, as the API
 * does, and {@code /plain/...} never compressed. {@code heavy.js} is 100 KB of random text (about 75 KB once gzipped).
 * A server of its own because the API's security refuses every path it does not know, and the harness must be
 * proven whatever pages the site has.
 */
final class FixtureSite implements AutoCloseable {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";
    /** Random, so incompressible past base64's 3/4: the page that carries it is far over the JavaScript bar. */
    static final byte[] HEAVY_SCRIPT = ("// " + Base64.getEncoder().encodeToString(randomBytes(75 * 1024)) + "\n").getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;

    private FixtureSite(HttpServer server) {
        this.server = server;
    }

    static FixtureSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FixtureSite site = new FixtureSite(server);
            server.createContext("/", site::serve);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute URL of {@code path} on this server: {@code url("/fixture/good.html")}. */
    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean plain = path.startsWith("/plain/");
        String name = path.substring(path.indexOf('/', 1) + 1);
        byte[] body = body(name);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String type = name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "text/html";
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (!plain && accepted != null && accepted.contains("gzip")) {
            body = gzip(body);
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The file {@code name} of the fixture; {@code sent} is the page the fixture's form leads to. */
    private static byte[] body(String name) throws IOException {
        if (name.equals("heavy.js")) {
            return HEAVY_SCRIPT;
        }
        if (name.equals("sent")) {
            return """
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sent</title></head>
                    <body><main><h1>Sent</h1></main></body></html>""".getBytes(StandardCharsets.UTF_8);
        }
        if (!name.matches("[a-z]+\\.(html|css|js)")) {
            return null;
        }
        try (InputStream in = FixtureSite.class.getResourceAsStream("/site-browser/fixture/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(11).nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
