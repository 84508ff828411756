package com.westbethel.motel.bootstrap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.audit.AuditChainKey;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.domain.audit.AuditChain;
import com.westbethel.motel.domain.audit.AuditEntry;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.LocalTime;
import java.time.ZoneId;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.cache.CacheSettings;
import com.westbethel.motel.adapters.persistence.cache.CacheWarmer;
import com.westbethel.motel.adapters.persistence.cache.SharedCacheAdmin;
import com.westbethel.motel.adapters.persistence.cache.SharedCacheStore;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"motel.worker.queue-metrics-interval=200ms", "motel.worker.email-delivery-initial-delay=1h",
            "motel.worker.audit-link-interval=200ms", "motel.worker.audit-link-initial-delay=0s"})
@ActiveProfiles("test")
class WorkerIT {

    // The worker's only server is its management server (a random port in tests).
    @LocalManagementPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    AuditChainKey key;

    @Autowired
    JdbcAuditLog auditLog;

    @Autowired
    CacheWarmer cacheWarmer;

    @Autowired
    CacheSettings cacheSettings;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcInventory inventory;

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM email_queue").update();
    }

    @Test
    void the_scheduled_job_publishes_the_email_queue_depth_and_age_to_prometheus() {
        queue("QUEUED", Duration.ofMinutes(3));
        queue("QUEUED", Duration.ofMinutes(1));
        queue("RETRYING", Duration.ofMinutes(2));
        queue("DEAD", Duration.ofDays(2));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(scrape)
                    .contains("motel_email_queue_depth_emails{application=\"motel-worker\",status=\"QUEUED\"} 2.0")
                    .contains("motel_email_queue_depth_emails{application=\"motel-worker\",status=\"RETRYING\"} 1.0")
                    .contains("motel_email_queue_depth_emails{application=\"motel-worker\",status=\"DEAD\"} 1.0")
                    .contains("motel_email_queue_awaiting{application=\"motel-worker\"} 3.0");
            assertThat(oldestWaitSeconds(scrape)).isBetween(180.0, 240.0);
        });
    }

    // Finding 4: the worker serves actuator on its management port alone, bound to 127.0.0.1.
    // Issue 12: an audit entry committed by a process that stopped before linking it is linked by the worker's sweep; a row
    // inserted by someone with only the database is not (the review of issue 12), and verify names it.
    @Test
    void the_worker_links_an_audit_entry_its_writer_left_unlinked_but_never_a_row_inserted_without_the_key() {
        String entity = "stopped-" + UUID.randomUUID();
        AuditEntry forged = new AuditEntry(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS), "staff:7", "BOOKING_REFUNDED",
                "booking", entity, Map.of(), Map.of());
        long forgedId = insertUnlinked(forged, "0".repeat(64));
        AuditEntry genuine = new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MICROS), "system:test", "BOOKING_HELD", "booking", entity, Map.of(),
                Map.of());
        long genuineId = insertUnlinked(genuine, key.hmac(AuditChain.entryText(genuine)));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> linked(genuineId));

            assertThat(linked(forgedId)).as("a forged row is never signed").isFalse();
            assertThat(auditLog.verify()).hasValueSatisfying(broken -> {
                assertThat(broken.entryId()).isEqualTo(forgedId);
                assertThat(broken.problem()).contains("forgery");
            });
        } finally {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();
            jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", forgedId).update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only").update();
        }
    }

    @Test
    void the_worker_has_no_application_port_only_its_management_port_on_loopback() throws Exception {
        assertThat(context.getWebServer().getPort()).isEqualTo(-1);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new Socket(InetAddress.getByName("::1"), port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void the_worker_reports_healthy_with_its_database() throws Exception {
        HttpResponse<String> health = get("/actuator/health/readiness");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"}");
    }

    @Test
    void health_shows_the_smtp_server_without_taking_the_worker_out_of_service() throws Exception {
        // No SMTP server listens in this test: the mail component is DOWN, the worker stays ready (emails wait and retry).
        HttpResponse<String> health = get("/actuator/health");

        assertThat(json(health).path("components").path("mail").path("status").asString()).isEqualTo("DOWN");
        assertThat(health.statusCode()).as("DOWN answers 503, DEGRADED alone 200").isEqualTo(503);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void an_email_waiting_longer_than_fifteen_minutes_makes_the_outbox_degraded_while_the_worker_stays_ready() throws Exception {
        queue("QUEUED", Duration.ofMinutes(5));
        JsonNode fresh = json(get("/actuator/health")).path("components").path("outbox");
        assertThat(fresh.path("status").asString()).isEqualTo("UP");

        queue("RETRYING", Duration.ofMinutes(20));
        JsonNode outbox = json(get("/actuator/health")).path("components").path("outbox");

        assertThat(outbox.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(outbox.path("details").path("awaitingDelivery").asLong()).isEqualTo(2);
        assertThat(Duration.parse(outbox.path("details").path("oldestWait").asString())).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(25));
        assertThat(outbox.path("details").path("maxAge").asString()).isEqualTo("PT15M");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as("the emails wait safely; the worker can still work").isEqualTo(200);
        assertThat(json(readiness).path("status").asString()).isEqualTo("UP");
        assertThat(json(readiness).path("components").has("outbox")).isFalse();
    }

    @Test
    void each_scheduled_job_publishes_when_it_last_succeeded_and_the_jobs_component_lists_them() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            double lastSuccess = sample(scrape(), "motel_job_last_success_seconds{application=\"motel-worker\",job=\"refresh-queue-metrics\"}");
            assertThat(lastSuccess).as("every 200 ms in this test").isCloseTo(Instant.now().getEpochSecond(), within(5.0));
        });
        double beforeFirstRun = sample(scrape(), "motel_job_last_success_seconds{application=\"motel-worker\",job=\"deliver-emails\"}");
        assertThat(beforeFirstRun).as("registered before its first run (1 h away here) as the start plus its initial delay, so that a job "
                + "that never succeeds still ages").isGreaterThan(Instant.now().getEpochSecond() + 60.0);

        JsonNode jobs = json(get("/actuator/health")).path("components").path("jobs");

        assertThat(jobs.path("status").asString()).isEqualTo("UP");
        assertThat(jobs.path("details").path("jobs").propertyNames()).contains("deliver-emails", "expire-holds", "link-audit-chain",
                "purge-idempotency-keys", "purge-expired-identity-data", "recover-pending-payments", "refresh-queue-metrics", "warm-after-storm");
        assertThat(jobs.path("details").path("jobs").path("deliver-emails").path("lastSuccess").asString()).isEqualTo("not yet");
        assertThat(jobs.path("details").path("jobs").path("refresh-queue-metrics").path("interval").asString()).isEqualTo("PT0.2S");
        assertThat(json(get("/actuator/health")).path("components").path("memory").path("status").asString()).isEqualTo("UP");
    }

    /** A committed, unlinked entry, as a process that stopped between its commit and its link leaves one, with the MAC given. */
    private long insertUnlinked(AuditEntry entry, String entryMac) {
        return jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, chain_version,
                                               key_check, entry_mac)
                        VALUES (:at, :actor, :action, 'booking', :entity, '', '', 3, :keyCheck, :mac) RETURNING id
                        """)
                .param("at", Timestamp.from(entry.occurredAt())).param("actor", entry.actor()).param("action", entry.action())
                .param("entity", entry.entityId()).param("keyCheck", key.check()).param("mac", entryMac).query(Long.class).single();
    }

    private boolean linked(long entry) {
        return jdbc.sql("SELECT chain_seq IS NOT NULL AND hash IS NOT NULL FROM audit_log WHERE id = :id").param("id", entry).query(Boolean.class).single();
    }

    @Test
    void the_worker_warms_the_shared_cache_and_warms_it_again_after_an_admin_emptied_it() {
        // given: a motel to warm (the API's tests may have left one in this database)
        if (inventory.defaultProperty().isEmpty()) {
            PropertyId property = new PropertyId(UUID.randomUUID());
            inventory.addProperty(new Property(property, "Worker Motel", ZoneId.of("America/New_York"), Currency.getInstance("USD"), LocalTime.of(15, 0),
                    LocalTime.of(11, 0), new CancellationPolicy(48)));
            RoomType cabin = new RoomType(RoomTypeId.random(), property, "Cabin", "", 2, Money.of("100.00", "USD"), List.of());
            inventory.addRoomType(cabin);
            inventory.addRoom(RoomId.random(), property, cabin.id(), "W1", 1);
        }

        // when / then: the next 90 nights go to Redis
        assertThat(cacheWarmer.warm()).isEqualTo(90);
        assertThat(sharedAvailabilityKeys()).isGreaterThanOrEqualTo(90);

        // when: motel-admin cache evict empties every cache, and every replica hears of it
        new SharedCacheAdmin(new SharedCacheStore(redis, cacheSettings.keyPrefix()), "test").evict(Optional.empty());

        // then: the worker takes it as a storm and warms again
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            cacheWarmer.warmAfterStorm();
            assertThat(sharedAvailabilityKeys()).isGreaterThanOrEqualTo(90);
        });
    }

    private long sharedAvailabilityKeys() {
        return redis.keys(cacheSettings.keyPrefix() + ":availability:*").size();
    }

    private void queue(String status, Duration age) {
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, recipient, message_id, status, created_at)
                        VALUES (:id, 'welcome-email', 'guest@example.com', :messageId, :status, now() - :age * interval '1 second')
                        """)
                .param("id", UUID.randomUUID())
                .param("messageId", "<" + UUID.randomUUID() + "@westbethelmotel.test>")
                .param("status", status)
                .param("age", age.toSeconds())
                .update();
    }

    private String scrape() throws Exception {
        return get("/actuator/prometheus").body();
    }

    private static double oldestWaitSeconds(String scrape) {
        return scrape.lines()
                .filter(line -> line.startsWith("motel_email_queue_oldest_wait_seconds{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static double sample(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElse(Double.NaN);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
