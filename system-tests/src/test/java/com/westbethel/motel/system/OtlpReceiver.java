package com.westbethel.motel.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trace collector in the test's JVM: an OTLP/HTTP receiver ({@code POST /v1/traces}, protobuf) that keeps every span the
 * processes export. It reads only the fields the tests need (ids, name, times, the resource's {@code service.name}) straight
 * from the protobuf wire format, so it needs no generated OTLP classes.
 */
final class OtlpReceiver implements AutoCloseable {

    record Span(String service, String traceId, String spanId, String parentSpanId, String name, long startNanos, long endNanos) {

        Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receiver.spans.addAll(exportRequest(body.readAllBytes()));
            }
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** Where the processes send their spans: {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** ExportTraceServiceRequest: 1 resource_spans. */
    private static List<Span> exportRequest(byte[] bytes) {
        List<Span> spans = new ArrayList<>();
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                resourceSpans(field.bytes, spans);
            }
        }
        return spans;
    }

    /** ResourceSpans: 1 resource (1 attributes), 2 scope_spans (2 spans). */
    private static void resourceSpans(byte[] bytes, List<Span> spans) {
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                for (Field attribute : fields(field.bytes)) {
                    if (attribute.number == 1) {
                        String[] keyValue = keyValue(attribute.bytes);
                        if (keyValue[0].equals("service.name")) {
                            service = keyValue[1];
                        }
                    }
                }
            } else if (field.number == 2) {
                scopes.add(field.bytes);
            }
        }
        for (byte[] scope : scopes) {
            for (Field field : fields(scope)) {
                if (field.number == 2) {
                    spans.add(span(service, field.bytes));
                }
            }
        }
    }

    /** KeyValue: 1 key, 2 value (AnyValue: 1 string_value). */
    private static String[] keyValue(byte[] bytes) {
        String key = "";
        String value = "";
        for (Field field : fields(bytes)) {
            if (field.number == 1) {
                key = new String(field.bytes, StandardCharsets.UTF_8);
            } else if (field.number == 2) {
                for (Field any : fields(field.bytes)) {
                    if (any.number == 1) {
                        value = new String(any.bytes, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return new String[] {key, value};
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 7 start_time_unix_nano, 8 end_time_unix_nano. */
    private static Span span(String service, byte[] bytes) {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        long start = 0;
        long end = 0;
        for (Field field : fields(bytes)) {
            switch (field.number) {
                case 1 -> traceId = hex.formatHex(field.bytes);
                case 2 -> spanId = hex.formatHex(field.bytes);
                case 4 -> parent = hex.formatHex(field.bytes);
                case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                case 7 -> start = field.fixed;
                case 8 -> end = field.fixed;
                default -> {
                }
            }
        }
        return new Span(service, traceId, spanId, parent, name, start, end);
    }

    private record Field(int number, byte[] bytes, long fixed) {
    }

    /** One message's fields, as the protobuf wire format lays them out: a varint key, then the value by its wire type. */
    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            long key = varint(in);
            int number = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> fields.add(new Field(number, new byte[0], varint(in)));
                case 1 -> fields.add(new Field(number, new byte[0], in.getLong()));
                case 2 -> {
                    byte[] value = new byte[(int) varint(in)];
                    in.get(value);
                    fields.add(new Field(number, value, 0));
                }
                case 5 -> fields.add(new Field(number, new byte[0], in.getInt()));
                default -> throw new IllegalArgumentException("unknown protobuf wire type in field " + number);
            }
        }
        return fields;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte next = in.get();
            value |= (long) (next & 0x7f) << shift;
            if (next >= 0) {
                return value;
            }
        }
    }
}
