package com.westbethel.motel.bootstrap.api.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.suite.LiveDocument.Operation;
import com.westbethel.motel.bootstrap.api.suite.SuiteActors.Who;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAPI-driven fuzzing (issue 10, spec 5.5): every operation of the live document, as every role, gets malformed
 * JSON, wrong types, missing and extra fields, hostile strings, huge values, wrong content types and bad path ids.
 * Whatever the input: never a 5xx, every error application/problem+json (the unsubscribe page answers with a page),
 * and no stack trace, class name or SQL in any body. The randomness is seeded (printed) so a failure can be replayed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT extends AbstractSuiteIT {

    private static final long SEED = Long.getLong("motel.fuzz.seed", 20261201L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MEGABYTE = "x".repeat(1 << 20);

    HttpProbe http;
    LiveDocument document;
    Map<String, Operation> operations;
    SuiteActors actors;

    record Case(String what, String pathAndQuery, String contentType, String body) {
    }

    @BeforeAll
    void prepare() {
        System.out.println("FuzzIT seed: " + SEED + " (replay with -Dmotel.fuzz.seed=" + SEED + ")");
        http = new HttpProbe(port);
        document = new LiveDocument(http);
        operations = document.operations();
        actors = new SuiteActors(http, jdbc, tokens, SEED);
    }

    @Test
    void malformed_json_is_a_4xx_problem_everywhere() {
        fuzz("malformed JSON", (operation, random) -> bodies(operation, List.of("{\"a\":", "{]", "[1,2", "nul", "{\"a\":1}}", "\"\\ud800\"",
                "{\"a\":" + "[".repeat(5000) + "}")));
    }

    @Test
    void wrong_types_are_a_4xx_problem_everywhere() {
        fuzz("wrong types", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            if (operation.bodySchema() == null) {
                return cases;
            }
            ObjectNode valid = validBody(operation);
            for (String field : fieldNames(valid)) {
                JsonNode current = valid.path(field);
                JsonNode wrong = current.isString() ? NODES.numberNode(random.nextInt()) : current.isNumber() ? NODES.stringNode("many")
                        : current.isBoolean() ? NODES.stringNode("perhaps") : current.isArray() ? NODES.stringNode("list") : NODES.arrayNode();
                ObjectNode body = valid.deepCopy();
                body.set(field, wrong);
                cases.add(json(operation, "wrong type of " + field, body.toString()));
            }
            cases.add(json(operation, "an array for the object", "[" + valid + "]"));
            cases.add(json(operation, "a number for the object", "42"));
            cases.add(json(operation, "null for the object", "null"));
            for (LiveDocument.Parameter parameter : operation.parameters()) {
                if (parameter.in().equals("query")) {
                    cases.add(new Case("wrong type of query " + parameter.name(), pathWith(operation, Map.of(parameter.name(), "not-a-" + random.nextInt(99))), null, null));
                }
            }
            return cases;
        });
    }

    @Test
    void missing_and_extra_fields_are_handled_everywhere() {
        fuzz("missing and extra fields", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            if (operation.bodySchema() == null) {
                return cases;
            }
            ObjectNode valid = validBody(operation);
            cases.add(json(operation, "no field", "{}"));
            cases.add(json(operation, "no body", ""));
            for (String field : fieldNames(valid)) {
                ObjectNode body = valid.deepCopy();
                body.remove(field);
                cases.add(json(operation, "without " + field, body.toString()));
                ObjectNode nulled = valid.deepCopy();
                nulled.putNull(field);
                cases.add(json(operation, "null " + field, nulled.toString()));
            }
            ObjectNode extra = valid.deepCopy();
            extra.put("unexpected", "field").put("isAdmin", true).put("roles", "ADMIN").set("__proto__", NODES.objectNode().put("polluted", true));
            cases.add(json(operation, "extra fields", extra.toString()));
            return cases;
        });
    }

    @Test
    void hostile_strings_are_handled_everywhere() {
        fuzz("hostile strings", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            String payload = Hostile.PAYLOADS.get(random.nextInt(Hostile.PAYLOADS.size()));
            if (operation.bodySchema() != null) {
                for (String field : document.stringFields(operation.bodySchema())) {
                    ObjectNode body = validBody(operation);
                    body.put(field, payload);
                    cases.add(json(operation, "hostile " + field + ": " + payload, body.toString()));
                }
            }
            for (LiveDocument.Parameter parameter : operation.parameters()) {
                if (parameter.in().equals("query")) {
                    cases.add(new Case("hostile query " + parameter.name(), pathWith(operation, Map.of(parameter.name(), payload)), null, null));
                }
            }
            if (operation.path().contains("{")) {
                cases.add(new Case("hostile path id", operation.path().replaceAll("\\{[a-z]+}", URLEncoder.encode(payload, StandardCharsets.UTF_8)
                        .replace("+", "%20").replace("%2F", "-").replace("%25", "-").replace("%5C", "-")), contentTypeOf(operation), bodyOf(operation)));
            }
            return cases;
        });
    }

    @Test
    void huge_values_are_a_4xx_problem_everywhere() {
        fuzz("huge values", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            if (operation.bodySchema() != null) {
                ObjectNode valid = validBody(operation);
                List<String> strings = document.stringFields(operation.bodySchema());
                if (!strings.isEmpty()) {
                    ObjectNode body = valid.deepCopy();
                    body.put(strings.get(random.nextInt(strings.size())), MEGABYTE);
                    cases.add(json(operation, "a 1 MB string", body.toString()));
                }
                for (String field : fieldNames(valid)) {
                    if (valid.path(field).isNumber()) {
                        cases.add(json(operation, "10^30 in " + field, valid.toString().replace("\"" + field + "\":" + valid.path(field),
                                "\"" + field + "\":1000000000000000000000000000000")));
                        cases.add(json(operation, "-10^30 in " + field, valid.toString().replace("\"" + field + "\":" + valid.path(field),
                                "\"" + field + "\":-1e30")));
                    }
                }
            }
            for (LiveDocument.Parameter parameter : operation.parameters()) {
                if (parameter.in().equals("query")) {
                    cases.add(new Case("a 4 KB query " + parameter.name(), pathWith(operation, Map.of(parameter.name(), "9".repeat(4096))), null, null));
                }
            }
            return cases;
        });
    }

    @Test
    void wrong_content_types_are_a_4xx_problem_everywhere() {
        fuzz("wrong content types", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            if (operation.bodySchema() == null) {
                return cases;
            }
            String body = validBody(operation).toString();
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=ebcdic",
                    "image/png", "application/json-patch+json")) {
                cases.add(new Case("Content-Type " + type, operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString()), type, body));
            }
            return cases;
        });
    }

    @Test
    void bad_path_ids_are_a_4xx_problem_everywhere() {
        fuzz("bad path ids", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            if (!operation.path().contains("{")) {
                return cases;
            }
            for (String id : List.of("not-a-uuid", "123", "a".repeat(2000), "00000000-0000-0000-0000-000000000000", UUID.randomUUID() + "x",
                    "%E2%80%AE", "%F0%9F%8F%A8", "-1", "1e309", "...", "~")) {
                cases.add(new Case("id " + (id.length() > 40 ? id.length() + " chars" : id), operation.path().replaceAll("\\{[a-z]+}", id),
                        contentTypeOf(operation), bodyOf(operation)));
            }
            return cases;
        });
    }

    // The four cases below are the probe findings of issue 10 that other slices fix (multipart, a parameter named " ",
    // NUL characters, errors raised before Spring MVC): they fail until those fixes land.

    @Test
    void multipart_form_data_to_a_json_operation_is_a_4xx_problem() {
        String part = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--XyZ--\r\n";
        String file = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n{}\r\n--XyZ--\r\n";
        fuzz("multipart to JSON", (operation, random) -> {
            if (operation.bodySchema() == null) {
                return List.of();
            }
            String path = operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString());
            return List.of(new Case("multipart/form-data", path, "multipart/form-data; boundary=XyZ", part),
                    new Case("multipart/form-data with a file", path, "multipart/form-data; boundary=XyZ", file),
                    new Case("multipart/form-data without a boundary", path, "multipart/form-data", part),
                    new Case("multipart/form-data, broken", path, "multipart/form-data; boundary=XyZ", "--XyZ\r\nnonsense"));
        });
    }

    @Test
    void a_query_parameter_named_blank_is_a_4xx_problem() {
        fuzz("a parameter named ' '", (operation, random) -> {
            String path = operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString());
            List<Case> cases = new ArrayList<>();
            for (String query : List.of("?%20=1", "?+=1", "?%20", "?%09=1", "?%7F=1", "?%C2%A0=1", "?=1", "?%20=1&%20=2")) {
                cases.add(new Case(query, path + query, contentTypeOf(operation), bodyOf(operation)));
            }
            cases.add(new Case("a form field named ' '", path, "application/x-www-form-urlencoded", "%20=1&token=x"));
            return cases;
        });
    }

    @Test
    void nul_characters_in_text_are_refused_at_the_edge_as_a_400() {
        fuzz("NUL characters", (operation, random) -> {
            List<Case> cases = new ArrayList<>();
            if (operation.bodySchema() != null) {
                for (String field : document.stringFields(operation.bodySchema())) {
                    ObjectNode body = validBody(operation);
                    body.put(field, "before\u0000after");
                    cases.add(json(operation, "NUL in " + field, body.toString()));
                }
            }
            return cases;
        }, reply -> reply.status() == 409 && reply.body().contains("/problems/conflict") ? "a NUL reached the database (409 conflict)" : null);
    }

    @Test
    void errors_raised_before_spring_mvc_are_problem_json_too() {
        fuzz("before Spring MVC", (operation, random) -> {
            String path = operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString());
            return List.of(new Case("%00 in the path", path + "%00", contentTypeOf(operation), bodyOf(operation)),
                    new Case("an encoded slash", path + "%2F..", contentTypeOf(operation), bodyOf(operation)),
                    new Case("an encoded backslash", path + "%5C..", contentTypeOf(operation), bodyOf(operation)),
                    new Case("invalid UTF-8 in the path", path + "%C0%AE%C0%AE", contentTypeOf(operation), bodyOf(operation)),
                    new Case("a dot-dot segment", path + "/..", contentTypeOf(operation), bodyOf(operation)),
                    new Case("an encoded dot-dot", path + "/%2E%2E", contentTypeOf(operation), bodyOf(operation)),
                    new Case("a semicolon", path + ";jsessionid=1", contentTypeOf(operation), bodyOf(operation)),
                    new Case("an encoded percent", path + "%25", contentTypeOf(operation), bodyOf(operation)),
                    // Without a body: Tomcat refuses the request line and closes the connection, and a body it never read
                    // would make the close a TCP reset that can destroy the 400 on its way (1 in ~2,000 runs lost it).
                    new Case("a 10 KB request line", path + "?q=" + "a".repeat(10_000), null, null));
        });
    }

    private void fuzz(String category, BiFunction<Operation, Random, List<Case>> generator) {
        fuzz(category, generator, reply -> null);
    }

    private void fuzz(String category, BiFunction<Operation, Random, List<Case>> generator, java.util.function.Function<Reply, String> extraCheck) {
        Random random = new Random(SEED ^ category.hashCode());
        List<String> faults = new ArrayList<>();
        int sent = 0;
        for (Operation operation : operations.values()) {
            List<Case> cases = generator.apply(operation, random);
            for (Who who : Who.values()) {
                for (Case fuzzCase : cases) {
                    HttpRequest request = request(operation, fuzzCase, actors.bearer(who));
                    Reply reply = send(request);
                    sent++;
                    String fault = judge(operation, reply);
                    if (fault == null && reply.status() > 0 && reply.status() < 500) {
                        fault = http.answerMismatch(request, reply); // every answer is one the document describes
                    }
                    if (fault == null) {
                        fault = extraCheck.apply(reply);
                    }
                    if (fault != null) {
                        faults.add(operation.key() + " as " + who + ", " + fuzzCase.what() + ": " + reply.status() + " " + fault);
                    }
                }
            }
        }
        System.out.printf("FuzzIT %s: %d requests, %d faults (seed %d)%n", category, sent, faults.size(), SEED);
        assertThat(faults.stream().limit(40).toList()).as("%d of %d %s requests answered wrongly; the first ones", faults.size(), sent, category)
                .isEmpty();
    }

    private HttpRequest request(Operation operation, Case fuzzCase, String bearer) {
        HttpRequest.Builder request = http.request(fuzzCase.pathAndQuery());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (fuzzCase.contentType() != null) {
            request.header("Content-Type", fuzzCase.contentType());
        }
        request.method(operation.method(), fuzzCase.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(fuzzCase.body()));
        return request.build();
    }

    private Reply send(HttpRequest request) {
        try {
            return http.sendUnchecked(request);
        } catch (IllegalStateException noAnswer) {
            return new Reply(0, "", "no answer: " + noAnswer.getCause(), null);
        }
    }

    /** Null when the answer is acceptable for any input, else what is wrong with it. */
    private static String judge(Operation operation, Reply reply) {
        if (reply.status() >= 500 || reply.status() == 0) {
            return "a server error: " + abbreviate(reply.body());
        }
        if (reply.status() >= 400) {
            boolean page = operation.html() && reply.contentType().startsWith("text/html");
            if (!page && !reply.contentType().startsWith("application/problem+json")) {
                return "not problem+json but '" + reply.contentType() + "': " + abbreviate(reply.body());
            }
            String leak = Hostile.leakIn(reply.body());
            if (leak != null) {
                return "the body shows '" + leak + "': " + abbreviate(reply.body());
            }
        }
        return null;
    }

    private ObjectNode validBody(Operation operation) {
        JsonNode sample = document.sample(operation.bodySchema());
        return sample.isObject() ? (ObjectNode) sample.deepCopy() : NODES.objectNode();
    }

    private static List<String> fieldNames(ObjectNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static Case json(Operation operation, String what, String body) {
        return new Case(what, operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString()), "application/json", body);
    }

    private static List<Case> bodies(Operation operation, List<String> bodies) {
        if (operation.bodySchema() == null) {
            return List.of();
        }
        return bodies.stream().map(body -> json(operation, "body " + abbreviate(body), body)).toList();
    }

    private String pathWith(Operation operation, Map<String, String> overrides) {
        StringBuilder query = new StringBuilder();
        for (LiveDocument.Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query")) {
                continue;
            }
            String value = overrides.getOrDefault(parameter.name(), document.sample(parameter.schema()).asString());
            query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString()) + query;
    }

    private static String contentTypeOf(Operation operation) {
        return operation.bodySchema() == null ? null : "application/json";
    }

    private String bodyOf(Operation operation) {
        return operation.bodySchema() == null ? null : validBody(operation).toString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
