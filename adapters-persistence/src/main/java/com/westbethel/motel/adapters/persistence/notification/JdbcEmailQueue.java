package com.westbethel.motel.adapters.persistence.notification;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.notification.port.out.EmailQueue;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's sending side. A claim is one statement: due rows, or rows whose lease ran out, locked
 * with SKIP LOCKED so that concurrent senders take different rows, and marked SENDING under a lease. Each email comes with
 * the trace it was queued under, for the sender to continue.
 */
public class JdbcEmailQueue implements EmailQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Optional<SecretCipher> cipher;

    /** @param cipher opens the one-time secrets the outbox sealed; it must hold the API's key */
    public JdbcEmailQueue(JdbcClient jdbc, SecretCipher cipher) {
        this(jdbc, Optional.of(cipher));
    }

    /** A queue without a key: an email with sealed entries is claimed and marked DEAD, never sent with a broken link. */
    public JdbcEmailQueue(JdbcClient jdbc) {
        this(jdbc, Optional.empty());
    }

    private JdbcEmailQueue(JdbcClient jdbc, Optional<SecretCipher> cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<QueuedEmail> claim(int max, Duration lease, Instant now) {
        return jdbc.sql("""
                        UPDATE email_queue SET status = 'SENDING', lease_expires_at = :leaseUntil, attempts = attempts + 1
                        WHERE id IN (SELECT id FROM email_queue
                                     WHERE (status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= :now)
                                        OR (status = 'SENDING' AND lease_expires_at < :now)
                                     ORDER BY next_attempt_at
                                     LIMIT :max
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id, template, locale, recipient, cc, bcc, model::text AS model, sealed, message_id, attempts,
                                  trace_context::text AS trace_context
                        """)
                .param("leaseUntil", utc(now.plus(lease)))
                .param("now", utc(now))
                .param("max", max)
                .query((row, number) -> new Claimed(new QueuedEmail(row.getObject("id", UUID.class), row.getString("template"),
                        row.getString("locale"), row.getString("recipient"), strings(row.getArray("cc")), strings(row.getArray("bcc")),
                        model(row.getString("model")), row.getString("message_id"), row.getInt("attempts"), model(row.getString("trace_context"))),
                        strings(row.getArray("sealed"))))
                .list().stream()
                .map(this::opened)
                .flatMap(Optional::stream)
                .toList();
    }

    private record Claimed(QueuedEmail email, List<String> sealed) {
    }

    /** The email with its sealed entries opened; empty (and the email DEAD) when they cannot be. */
    private Optional<QueuedEmail> opened(Claimed claimed) {
        QueuedEmail email = claimed.email();
        if (claimed.sealed().isEmpty()) {
            return Optional.of(email);
        }
        try {
            SecretCipher opener = cipher.orElseThrow(() -> new IllegalStateException("this worker has no key to open them"));
            Map<String, String> model = new LinkedHashMap<>(email.model());
            for (String secret : claimed.sealed()) {
                model.computeIfPresent(secret, (name, sealedValue) -> opener.decrypt(sealedValue));
            }
            return Optional.of(new QueuedEmail(email.id(), email.template(), email.locale(), email.recipient(), email.cc(), email.bcc(), model,
                    email.messageId(), email.attempts(), email.traceContext()));
        } catch (RuntimeException unopenable) {
            // Another key than the API's: no later attempt would do better, and a link that does not work must not go out.
            markFailed(email.id(), "cannot open its sealed " + claimed.sealed() + " (set motel.security.mfa-encryption-key to the API's key): "
                    + unopenable.getMessage(), Optional.empty());
            return Optional.empty();
        }
    }

    @Override
    public void markSent(Map<UUID, String> providerById, Instant at) {
        // Sent: the one-time secrets a link carried are no longer needed in the database.
        jdbc.sql("""
                        UPDATE email_queue q SET status = 'SENT', sent_at = :at, provider = sent.provider, lease_expires_at = NULL,
                                                 last_error = NULL, model = q.model - 'token' - 'resetUrl' - 'verificationUrl' - q.sealed
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:providers AS text[])) AS sent(id, provider)
                        WHERE q.id = sent.id AND q.status = 'SENDING'
                        """)
                .param("ids", providerById.keySet().toArray(UUID[]::new))
                .param("providers", providerById.values().toArray(String[]::new))
                .param("at", utc(at))
                .update();
    }

    @Override
    public void markFailed(UUID id, String error, Optional<Instant> retryAt) {
        String message = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (retryAt.isPresent()) {
            jdbc.sql("""
                            UPDATE email_queue SET status = 'RETRYING', next_attempt_at = :retryAt, lease_expires_at = NULL, last_error = :error
                            WHERE id = :id AND status = 'SENDING'
                            """)
                    .param("id", id).param("retryAt", utc(retryAt.get())).param("error", message).update();
        } else {
            jdbc.sql("""
                            UPDATE email_queue SET status = 'DEAD', lease_expires_at = NULL, last_error = :error,
                                                   model = model - 'token' - 'resetUrl' - 'verificationUrl' - sealed
                            WHERE id = :id AND status = 'SENDING'
                            """)
                    .param("id", id).param("error", message).update();
        }
    }

    private static Map<String, String> model(String json) {
        Map<String, String> model = new LinkedHashMap<>();
        JsonNode node = JSON.readTree(json);
        node.properties().forEach(entry -> model.put(entry.getKey(), entry.getValue().asString()));
        return model;
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
