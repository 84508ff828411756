package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Queues an email in the transactional outbox: written in the caller's transaction, sent later by
 * the worker, so none is lost and none goes out for a change that rolled back.
 */
public interface EmailOutbox {

    void enqueue(OutgoingEmail email);

    /**
     * @param template the template's name, such as {@code email-verification}
     * @param model the template's variables; everything needed to render it later
     * @param cc copied openly
     * @param bcc copied blind
     */
    record OutgoingEmail(String template, EmailAddress recipient, Locale locale, Map<String, String> model, List<EmailAddress> cc,
            List<EmailAddress> bcc) {

        public OutgoingEmail {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(locale, "locale");
            model = Map.copyOf(model);
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
        }

        public OutgoingEmail(String template, EmailAddress recipient, Locale locale, Map<String, String> model) {
            this(template, recipient, locale, model, List.of(), List.of());
        }
    }
}
