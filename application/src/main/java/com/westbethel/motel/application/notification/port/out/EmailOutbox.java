package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
     * @param sealed the model entries that are one-time secrets (a reset link): kept encrypted at rest and
     *     opened only to send, then dropped
     */
    record OutgoingEmail(String template, EmailAddress recipient, Locale locale, Map<String, String> model, List<EmailAddress> cc,
            List<EmailAddress> bcc, Set<String> sealed) {

        public OutgoingEmail {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(locale, "locale");
            model = Map.copyOf(model);
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
            sealed = Set.copyOf(sealed);
            if (!model.keySet().containsAll(sealed)) {
                throw new IllegalArgumentException("sealed entries " + sealed + " are not all in the model");
            }
        }

        public OutgoingEmail(String template, EmailAddress recipient, Locale locale, Map<String, String> model, List<EmailAddress> cc,
                List<EmailAddress> bcc) {
            this(template, recipient, locale, model, cc, bcc, Set.of());
        }

        public OutgoingEmail(String template, EmailAddress recipient, Locale locale, Map<String, String> model) {
            this(template, recipient, locale, model, List.of(), List.of(), Set.of());
        }

        @Override
        public String toString() {
            return "OutgoingEmail[" + template + " to " + recipient + (sealed.isEmpty() ? "" : ", " + sealed + " redacted") + "]";
        }
    }
}
