package com.westbethel.motel.adapters.persistence.notification;

import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.shared.EmailAddress;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes emails into the {@code email_queue} outbox through the caller's connection, so the row
 * commits or rolls back with the business change that caused it. Sealed model entries (one-time secrets
 * such as a reset link) are written encrypted, so that the row at rest holds no usable link. Each row keeps the trace it
 * was queued under ({@code trace_context}: the W3C {@code traceparent} and {@code baggage} of a {@code queue email} span),
 * which the worker continues when it sends it.
 */
public class JdbcEmailOutbox implements EmailOutbox {

    /** The observation of each email queued: a {@code queue email} span, and a timer by template. */
    public static final String NAME = "motel.email.outbox";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String messageIdDomain;
    private final Optional<SecretCipher> cipher;
    private final ObservationRegistry observations;

    /**
     * @param messageIdDomain the right-hand side of every Message-ID, such as {@code westbethelmotel.com}
     * @param cipher seals one-time secrets at rest; the worker opens them with the same key
     */
    public JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain, SecretCipher cipher) {
        this(jdbc, messageIdDomain, Optional.of(cipher), ObservationRegistry.NOOP);
    }

    /** @param observations where the current trace is found; the rows keep it */
    public JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain, SecretCipher cipher, ObservationRegistry observations) {
        this(jdbc, messageIdDomain, Optional.of(cipher), observations);
    }

    /** An outbox without a key: it refuses emails with sealed entries (motel-admin queues none). */
    public JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain) {
        this(jdbc, messageIdDomain, Optional.empty(), ObservationRegistry.NOOP);
    }

    private JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain, Optional<SecretCipher> cipher, ObservationRegistry observations) {
        this.jdbc = jdbc;
        this.messageIdDomain = messageIdDomain;
        this.cipher = cipher;
        this.observations = observations;
    }

    @Override
    public void enqueue(OutgoingEmail email) {
        // Refused here, to the caller that queued it, rather than found dead at send time.
        if (!EmailTemplates.ALL.contains(email.template())) {
            throw new IllegalArgumentException("no email template called " + email.template());
        }
        Map<String, String> model = new LinkedHashMap<>(email.model());
        for (String secret : email.sealed()) {
            SecretCipher sealer = cipher.orElseThrow(() -> new IllegalStateException(
                    "a " + email.template() + " email carries one-time secrets, and this outbox has no key to seal them"));
            model.put(secret, sealer.encrypt(model.get(secret)));
        }
        UUID id = UUID.randomUUID();
        // A producer span whose context the tracing handler writes into the carrier: the worker's send span is its child.
        Map<String, String> traceContext = new LinkedHashMap<>();
        SenderContext<Map<String, String>> queued = new SenderContext<>(Map::put);
        queued.setCarrier(traceContext);
        Observation.createNotStarted(NAME, () -> queued, observations)
                .contextualName("queue email")
                .lowCardinalityKeyValue("email.template", email.template())
                .observe(() -> insert(email, model, id, traceContext));
    }

    private void insert(OutgoingEmail email, Map<String, String> model, UUID id, Map<String, String> traceContext) {
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, locale, recipient, cc, bcc, model, sealed, message_id, trace_context)
                        VALUES (:id, :template, :locale, :recipient, :cc, :bcc, CAST(:model AS jsonb), :sealed, :messageId,
                                CAST(:traceContext AS jsonb))
                        """)
                .param("id", id)
                .param("template", email.template())
                .param("locale", email.locale().toLanguageTag())
                .param("recipient", email.recipient().value())
                .param("cc", addresses(email.cc()))
                .param("bcc", addresses(email.bcc()))
                .param("model", JSON.writeValueAsString(model))
                .param("sealed", email.sealed().stream().sorted().toArray(String[]::new))
                .param("messageId", "<" + id + "@" + messageIdDomain + ">")
                .param("traceContext", JSON.writeValueAsString(traceContext))
                .update();
    }

    private static String[] addresses(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::value).toArray(String[]::new);
    }
}
