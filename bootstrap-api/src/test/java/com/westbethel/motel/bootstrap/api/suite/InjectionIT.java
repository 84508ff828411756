package com.westbethel.motel.bootstrap.api.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.suite.LiveDocument.Operation;
import com.westbethel.motel.bootstrap.api.suite.SuiteActors.Who;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Injection and XSS (issue 10, spec 5.4): SQL-injection, script and unicode payloads go into every string input of
 * every operation of the live document (query, path, body), as an anonymous caller, a guest and an admin. Nothing
 * fails (no 5xx), nothing changes another person's rows or the schema, and nothing comes back unescaped in a page;
 * the emails built from hostile names escape them too.
 */
class InjectionIT extends AbstractSuiteIT {

    private static final long SEED = 20261202L;
    private static final List<Who> CALLERS = List.of(Who.ANONYMOUS, Who.GUEST, Who.ADMIN);

    @Autowired
    EmailRenderer renderer;

    @Test
    void payloads_in_every_string_input_never_fail_never_touch_other_rows_and_never_come_back_unescaped_in_a_page() {
        HttpProbe http = new HttpProbe(port);
        LiveDocument document = new LiveDocument(http);
        SuiteActors actors = new SuiteActors(http, jdbc, tokens, SEED);
        Instant start = Instant.now();
        String before = fingerprint(actors, start);

        List<String> faults = new ArrayList<>();
        int sent = 0;
        for (Operation operation : document.operations().values()) {
            if (operation.path().endsWith("/logout") || operation.path().endsWith("/logout-all")) {
                continue; // no input to inject into
            }
            for (String payload : Hostile.PAYLOADS) {
                for (InjectedRequest request : injections(document, operation, payload)) {
                    for (Who who : CALLERS) {
                        HttpRequest built = build(http, operation, request, actors.bearer(who));
                        Reply reply = http.sendUnchecked(built);
                        sent++;
                        String fault = judge(reply);
                        if (fault == null && reply.status() / 100 == 2) {
                            fault = http.answerMismatch(built, reply); // what it accepted, it answers as documented
                        }
                        if (fault != null) {
                            faults.add(operation.key() + " as " + who + ", " + request.what() + " = " + payload + ": " + reply.status() + " " + fault);
                        }
                    }
                }
            }
        }
        System.out.printf("InjectionIT: %d requests with %d payloads (seed %d)%n", sent, Hostile.PAYLOADS.size(), SEED);
        assertThat(faults.stream().limit(40).toList()).as("%d of %d injected requests answered wrongly", faults.size(), sent).isEmpty();
        assertThat(fingerprint(actors, start)).as("other people's rows and the schema are as they were").isEqualTo(before);
    }

    @Test
    void the_unsubscribe_page_shows_no_payload_unescaped() {
        HttpProbe http = new HttpProbe(port);
        for (String payload : Hostile.PAYLOADS) {
            Reply page = http.get("/api/v1/notifications/unsubscribe?token=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).doesNotContain(Hostile.SCRIPT, "<img", "onerror=alert");
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        }
    }

    @Test
    void every_email_template_escapes_hostile_names_and_values() {
        List<String> templates = jdbc.sql("SELECT DISTINCT template FROM email_queue").query(String.class).list();
        HttpProbe http = new HttpProbe(port);
        String admin = new SuiteActors(http, jdbc, tokens, SEED + 1).bearer(Who.ADMIN);
        List<String> names = new ArrayList<>();
        http.get("/api/v1/admin/email-templates", admin).json().forEach(template -> names.add(template.path("name").asString()));
        assertThat(names).hasSizeGreaterThanOrEqualTo(10).containsAll(templates.stream().filter(names::contains).toList());
        for (String payload : List.of(Hostile.SCRIPT, Hostile.IMG)) {
            Map<String, String> model = hostileModel(payload);
            for (String name : names) {
                RenderedEmail email = renderer.render(name, Locale.ENGLISH, model);
                assertThat(email.html()).as(name).doesNotContain(payload).doesNotContain("<img src=x").contains("&lt;");
                assertThat(email.subject()).as(name).doesNotContain("\n").doesNotContain("\r");
            }
        }
    }

    @Test
    void a_guest_named_like_a_script_gets_an_email_that_shows_the_name_as_text() {
        HttpProbe http = new HttpProbe(port);
        String email = "suite-xss-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply registered = http.post("/api/v1/auth/register", HttpProbe.json(Map.of("email", email, "password", SuiteActors.PASSWORD,
                "firstName", Hostile.IMG, "lastName", Hostile.SCRIPT)));
        assertThat(registered.status()).isIn(201, 202);
        JsonNode queued = HttpProbe.parse(jdbc.sql("SELECT model::text FROM email_queue WHERE recipient = :email ORDER BY created_at LIMIT 1")
                .param("email", email).query(String.class).single());
        String template = jdbc.sql("SELECT template FROM email_queue WHERE recipient = :email ORDER BY created_at LIMIT 1")
                .param("email", email).query(String.class).single();
        Map<String, String> model = new HashMap<>();
        queued.properties().forEach(entry -> model.put(entry.getKey(), entry.getValue().asString()));
        assertThat(model).containsValue(Hostile.IMG);

        RenderedEmail rendered = renderer.render(template, Locale.ENGLISH, model);

        assertThat(rendered.html()).doesNotContain(Hostile.IMG).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    record InjectedRequest(String what, String pathAndQuery, String body) {
    }

    /** One request per string input of the operation, the payload in that input and plausible values elsewhere. */
    private static List<InjectedRequest> injections(LiveDocument document, Operation operation, String payload) {
        List<InjectedRequest> requests = new ArrayList<>();
        String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
        String plainPath = operation.path().replaceAll("\\{[a-z]+}", UUID.randomUUID().toString());
        String body = operation.bodySchema() == null ? null : document.sample(operation.bodySchema()).toString();
        for (LiveDocument.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && document.resolve(parameter.schema()).path("type").asString("string").equals("string")) {
                requests.add(new InjectedRequest("query " + parameter.name(), plainPath + query(document, operation, parameter.name(), encoded), body));
            }
            if (parameter.in().equals("path")) {
                // Slashes and percent signs would make another path (or one the servlet container refuses): not this operation's input.
                String segment = encoded.replace("%2F", "-").replace("%25", "-").replace("%5C", "-");
                requests.add(new InjectedRequest("path " + parameter.name(), operation.path().replace("{" + parameter.name() + "}", segment)
                        .replaceAll("\\{[a-z]+}", UUID.randomUUID().toString()) + query(document, operation, null, null), body));
            }
        }
        if (operation.bodySchema() != null) {
            for (String field : document.stringFields(operation.bodySchema())) {
                ObjectNode hostile = (ObjectNode) document.sample(operation.bodySchema()).deepCopy();
                hostile.put(field, payload);
                requests.add(new InjectedRequest("body " + field, plainPath + query(document, operation, null, null), hostile.toString()));
            }
        }
        return requests;
    }

    private static String query(LiveDocument document, Operation operation, String name, String encodedValue) {
        StringBuilder query = new StringBuilder();
        for (LiveDocument.Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query")) {
                continue;
            }
            String value = parameter.name().equals(name) ? encodedValue
                    : URLEncoder.encode(document.sample(parameter.schema()).asString(), StandardCharsets.UTF_8);
            query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
        }
        return query.toString();
    }

    private static HttpRequest build(HttpProbe http, Operation operation, InjectedRequest injected, String bearer) {
        HttpRequest.Builder request = http.request(injected.pathAndQuery());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (injected.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(operation.method(), injected.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(injected.body()));
        return request.build();
    }

    private static String judge(Reply reply) {
        if (reply.status() >= 500) {
            return "a server error: " + reply.body();
        }
        if (reply.contentType().startsWith("text/html") && (reply.body().contains(Hostile.SCRIPT) || reply.body().contains("<img src=x"))) {
            return "the payload came back unescaped in a page";
        }
        if (!reply.contentType().isEmpty() && !reply.contentType().startsWith("application/json")
                && !reply.contentType().startsWith("application/problem+json") && !reply.contentType().startsWith("text/")) {
            return "an unexpected content type " + reply.contentType();
        }
        if (reply.status() >= 400 && Hostile.leakIn(reply.body()) != null) {
            return "the body shows '" + Hostile.leakIn(reply.body()) + "': " + reply.body();
        }
        return null;
    }

    /** Other people's rows (the other guest and a bystander: account, roles, bookings), and the schema's tables. */
    private String fingerprint(SuiteActors actors, Instant start) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')
                    || '|' || (SELECT md5(string_agg(id || email || first_name || last_name || password_hash || enabled, ',' ORDER BY id))
                               FROM users WHERE id IN (:victims))
                    || '|' || (SELECT md5(coalesce(string_agg(user_id || role, ',' ORDER BY user_id, role), '')) FROM user_roles
                               WHERE user_id IN (:victims))
                    || '|' || (SELECT md5(coalesce(string_agg(id || status || check_in || check_out || total || room_id || refunded, ','
                               ORDER BY id), '')) FROM bookings WHERE guest_id IN (:victims))
                    || '|' || (SELECT count(*) FROM users WHERE created_at < :start)
                    || '|' || (SELECT count(*) FROM bookings WHERE created_at < :start)
                """)
                .param("victims", List.of(actors.actor(Who.OTHER_GUEST).user(), actors.bystander))
                .param("start", java.sql.Timestamp.from(start))
                .query(String.class).single();
    }

    private static Map<String, String> hostileModel(String payload) {
        Map<String, String> model = new HashMap<>();
        for (String key : List.of("balance", "checkIn", "checkInTime", "checkOut", "checkOutTime", "content", "expiresInHours",
                "expiresInMinutes", "firstName", "lastName", "guests", "how", "nights", "points", "pointsEarned", "reason", "reference", "refund",
                "roomType", "tier", "timeZone", "total", "alert", "device", "location", "previousLocation", "ipAddress", "failures", "occurredAt")) {
            model.put(key, payload);
        }
        for (String key : List.of("loginUrl", "resetUrl", "unsubscribeUrl", "verificationUrl")) {
            model.put(key, "https://westbethelmotel.test/link?token=abc");
        }
        return model;
    }
}
