package com.westbethel.motel.adapters.persistence.notification;

import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.shared.EmailAddress;
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
 * such as a reset link) are written encrypted, so that the row at rest holds no usable link.
 */
public class JdbcEmailOutbox implements EmailOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String messageIdDomain;
    private final Optional<SecretCipher> cipher;

    /**
     * @param messageIdDomain the right-hand side of every Message-ID, such as {@code westbethelmotel.com}
     * @param cipher seals one-time secrets at rest; the worker opens them with the same key
     */
    public JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain, SecretCipher cipher) {
        this(jdbc, messageIdDomain, Optional.of(cipher));
    }

    /** An outbox without a key: it refuses emails with sealed entries (motel-admin queues none). */
    public JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain) {
        this(jdbc, messageIdDomain, Optional.empty());
    }

    private JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain, Optional<SecretCipher> cipher) {
        this.jdbc = jdbc;
        this.messageIdDomain = messageIdDomain;
        this.cipher = cipher;
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
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, locale, recipient, cc, bcc, model, sealed, message_id)
                        VALUES (:id, :template, :locale, :recipient, :cc, :bcc, CAST(:model AS jsonb), :sealed, :messageId)
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
                .update();
    }

    private static String[] addresses(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::value).toArray(String[]::new);
    }
}
