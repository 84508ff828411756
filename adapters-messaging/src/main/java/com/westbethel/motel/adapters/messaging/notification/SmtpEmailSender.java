package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.notification.port.out.EmailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends over SMTP through Spring's mail support: multipart/alternative (plain text and HTML), with the
 * outbox row's stable Message-ID so that a receiver can drop the duplicate a crash may cause. Providers
 * are tried in order: the fallback takes over when the primary cannot be reached.
 */
public class SmtpEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);

    private final List<Provider> providers;
    private final String from;

    public SmtpEmailSender(List<Provider> providers, String from) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("at least one SMTP provider");
        }
        this.providers = List.copyOf(providers);
        this.from = from;
    }

    @Override
    public String send(Message message) {
        RuntimeException last = null;
        for (Provider provider : providers) {
            try {
                MimeMessage mime = new MimeMessage(provider.mail().getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", message.messageId());
                    }
                };
                MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(message.recipient());
                helper.setSubject(message.subject());
                helper.setText(message.text(), message.html());
                provider.mail().send(mime);
                return provider.name();
            } catch (MessagingException | MailException e) {
                log.warn("SMTP provider {} failed: {}", provider.name(), e.getMessage());
                last = new IllegalStateException(provider.name() + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    public record Provider(String name, JavaMailSenderImpl mail) {
    }
}
