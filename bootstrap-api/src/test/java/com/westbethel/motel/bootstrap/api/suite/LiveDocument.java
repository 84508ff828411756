package com.westbethel.motel.bootstrap.api.suite;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The operations of the API's live OpenAPI document, with what a test needs to call each one: its parameters and body. */
final class LiveDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;

    LiveDocument(HttpProbe http) {
        HttpProbe.Reply reply = http.get("/v3/api-docs");
        if (reply.status() != 200) {
            throw new AssertionError("GET /v3/api-docs answered " + reply.status());
        }
        this.document = reply.json();
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, JsonNode raw) {

        String key() {
            return method + " " + path;
        }

        /** A bearer (or, for a booking's own operations, its Booking-Token) is required: no empty requirement lets anyone in. */
        boolean locked() {
            boolean anyoneMay = false;
            for (JsonNode requirement : raw.path("security")) {
                anyoneMay |= requirement.isEmpty();
            }
            return raw.path("security").toString().contains("\"bearer\"") && !anyoneMay;
        }

        boolean html() {
            return raw.path("responses").path("200").path("content").has("text/html");
        }
    }

    /** Every operation, keyed "METHOD path", sorted. */
    Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameter -> parameters.add(new Parameter(parameter.path("name").asString(),
                    parameter.path("in").asString(), parameter.path("required").asBoolean(false), resolve(parameter.path("schema")))));
            JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            operations.put(method + " " + path.getKey(), new Operation(method, path.getKey(), parameters,
                    body.isMissingNode() ? null : resolve(body), operation));
        }));
        return operations;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String[] parts = current.path("$ref").asString().substring(2).split("/");
            JsonNode found = document;
            for (String part : parts) {
                found = found.path(part);
            }
            current = found;
        }
        return current;
    }

    /** A plausible value for a schema: its example, else one of its values, else something of its type and format. */
    JsonNode sample(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example")) {
            return resolved.path("example");
        }
        if (resolved.has("oneOf")) {
            return sample(resolved.path("oneOf").get(0));
        }
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String type = resolved.path("type").asString("object");
        String format = resolved.path("format").asString("");
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, resolved.path("minimum").asInt(1)));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(sample(resolved.path("items")));
            case "string" -> switch (format) {
                case "uuid" -> NODES.stringNode("5e7b3e10-0000-4000-8000-0000000000a1");
                case "date" -> NODES.stringNode("2031-07-01");
                case "date-time" -> NODES.stringNode("2031-07-01T10:00:00Z");
                default -> NODES.stringNode("sample");
            };
            default -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").properties().iterator(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), sample(property.getValue()));
                }
                yield object;
            }
        };
    }

    /** The names of a body's string fields (top level), where hostile text can go. */
    List<String> stringFields(JsonNode bodySchema) {
        List<String> names = new ArrayList<>();
        resolve(bodySchema).path("properties").properties().forEach(property -> {
            JsonNode schema = resolve(property.getValue());
            if (schema.path("type").asString("").equals("string")) {
                names.add(property.getKey());
            }
        });
        return names;
    }
}
