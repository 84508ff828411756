package com.westbethel.motel.adapters.persistence.notification;

import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes emails into the {@code email_queue} outbox through the caller's connection, so the row
 * commits or rolls back with the business change that caused it.
 */
public class JdbcEmailOutbox implements EmailOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String messageIdDomain;

    /** @param messageIdDomain the right-hand side of every Message-ID, such as {@code westbethelmotel.com} */
    public JdbcEmailOutbox(JdbcClient jdbc, String messageIdDomain) {
        this.jdbc = jdbc;
        this.messageIdDomain = messageIdDomain;
    }

    @Override
    public void enqueue(OutgoingEmail email) {
        // Refused here, to the caller that queued it, rather than found dead at send time.
        if (!EmailTemplates.ALL.contains(email.template())) {
            throw new IllegalArgumentException("no email template called " + email.template());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, locale, recipient, cc, bcc, model, message_id)
                        VALUES (:id, :template, :locale, :recipient, :cc, :bcc, CAST(:model AS jsonb), :messageId)
                        """)
                .param("id", id)
                .param("template", email.template())
                .param("locale", email.locale().toLanguageTag())
                .param("recipient", email.recipient().value())
                .param("cc", addresses(email.cc()))
                .param("bcc", addresses(email.bcc()))
                .param("model", JSON.writeValueAsString(email.model()))
                .param("messageId", "<" + id + "@" + messageIdDomain + ">")
                .update();
    }

    private static String[] addresses(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::value).toArray(String[]::new);
    }
}
