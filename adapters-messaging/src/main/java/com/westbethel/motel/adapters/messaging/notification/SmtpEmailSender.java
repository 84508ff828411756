package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.notification.port.out.EmailRenderer.Attachment;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailSender;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends over SMTP through Spring's mail support: plain text and HTML alternatives, attachments, CC and
 * BCC, {@code List-Unsubscribe} headers on non-essential mail, and the outbox row's stable Message-ID so that a receiver can drop the duplicate a crash may cause. Providers
 * are tried in order: the fallback takes over when the primary cannot be reached.
 *
 * <p>Each message is sent under a {@code send email} span that continues the trace the email was queued under (its
 * {@link Message#traceContext()}), so the request that queued it and its sending are one trace, and the log line that says
 * how it went carries that request's trace and {@code requestId}. A batch goes out over one connection: each message's span
 * covers the batch's SMTP conversation.
 */
public class SmtpEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);

    /** The observation of each message sent: a {@code send email} span, and a timer by outcome. */
    public static final String NAME = "motel.email.smtp";

    private final List<Provider> providers;
    private final String from;
    private final ObservationRegistry observations;

    public SmtpEmailSender(List<Provider> providers, String from) {
        this(providers, from, ObservationRegistry.NOOP);
    }

    public SmtpEmailSender(List<Provider> providers, String from, ObservationRegistry observations) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("at least one SMTP provider");
        }
        this.providers = List.copyOf(providers);
        this.from = from;
        this.observations = observations;
    }

    @Override
    public List<Outcome> sendAll(List<Message> messages) {
        Map<String, Observation> sends = new LinkedHashMap<>();
        for (Message message : messages) {
            ReceiverContext<Map<String, String>> queued = new ReceiverContext<>(Map::get);
            queued.setCarrier(message.traceContext());
            queued.setRemoteServiceName("smtp");
            sends.put(message.messageId(), Observation.createNotStarted(NAME, () -> queued, observations).contextualName("send email").start());
        }
        List<Outcome> outcomes;
        try {
            outcomes = send(messages);
        } catch (RuntimeException unexpected) {
            sends.values().forEach(send -> send.error(unexpected).stop());
            throw unexpected;
        }
        for (Outcome outcome : outcomes) {
            Observation send = sends.get(outcome.message().messageId());
            send.lowCardinalityKeyValue("email.outcome", outcome.sent() ? "sent" : "failed");
            try (Observation.Scope scope = send.openScope()) {
                if (outcome.sent()) {
                    log.info("Email {} sent through {}", outcome.message().messageId(), outcome.provider().get());
                } else {
                    log.warn("Email {} not sent: {}", outcome.message().messageId(), outcome.error().orElse("no SMTP provider took it"));
                }
            } finally {
                send.stop();
            }
        }
        return outcomes;
    }

    private List<Outcome> send(List<Message> messages) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Message> pending = new ArrayList<>(messages);
        Map<String, String> errors = new HashMap<>();
        for (Provider provider : providers) {
            if (pending.isEmpty()) {
                break;
            }
            Map<MimeMessage, Message> mimes = new LinkedHashMap<>();
            try {
                for (Message message : pending) {
                    mimes.put(mime(provider, message), message);
                }
                // One connection for the whole batch.
                provider.mail().send(mimes.keySet().toArray(MimeMessage[]::new));
                mimes.values().forEach(message -> outcomes.put(message.messageId(), new Outcome(message, Optional.of(provider.name()), Optional.empty())));
                pending.clear();
            } catch (MailSendException partly) {
                Map<Object, Exception> failed = partly.getFailedMessages();
                List<Message> stillPending = new ArrayList<>();
                mimes.forEach((mime, message) -> {
                    if (failed.containsKey(mime) || failed.isEmpty()) {
                        stillPending.add(message);
                        errors.put(message.messageId(), provider.name() + ": " + (failed.isEmpty() ? partly.getMessage() : failed.get(mime).getMessage()));
                    } else {
                        outcomes.put(message.messageId(), new Outcome(message, Optional.of(provider.name()), Optional.empty()));
                    }
                });
                pending = stillPending;
                log.warn("SMTP provider {} failed for {} of {} messages: {}", provider.name(), stillPending.size(), mimes.size(), partly.getMessage());
            } catch (MessagingException | MailException unreachable) {
                pending.forEach(message -> errors.put(message.messageId(), provider.name() + ": " + unreachable.getMessage()));
                log.warn("SMTP provider {} failed: {}", provider.name(), unreachable.getMessage());
            }
        }
        pending.forEach(message -> outcomes.put(message.messageId(), new Outcome(message, Optional.empty(),
                Optional.of(errors.getOrDefault(message.messageId(), "no SMTP provider took it")))));
        return messages.stream().map(message -> outcomes.get(message.messageId())).toList();
    }

    private MimeMessage mime(Provider provider, Message message) throws MessagingException {
        MimeMessage mime = new MimeMessage(provider.mail().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", message.messageId());
            }
        };
        RenderedEmail content = message.content();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setCc(message.cc().toArray(String[]::new));
        helper.setBcc(message.bcc().toArray(String[]::new));
        helper.setSubject(content.subject());
        helper.setText(content.text(), content.html());
        for (Attachment attachment : content.attachments()) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link, no login needed.
        if (content.unsubscribeUrl().isPresent()) {
            mime.setHeader("List-Unsubscribe", "<" + content.unsubscribeUrl().get() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    public record Provider(String name, JavaMailSenderImpl mail) {
    }
}
