package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.port.in.QueueNotificationEmailsUseCase;
import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.application.notification.service.NotificationEmails.NotificationEmail;
import com.westbethel.motel.application.notification.service.NotificationPolicy.Addressee;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each event's email ({@link NotificationEmails}) goes into the outbox once for every address the
 * {@link NotificationPolicy} names, with the guest's name and address and, where the guest may turn that kind of mail
 * off, a signed one-click unsubscribe link. The front desk's copy carries none of the email's sealed values.
 */
public class QueueNotificationEmailsService implements QueueNotificationEmailsUseCase {

    private final EmailOutbox outbox;
    private final NotificationPolicy policy;
    private final NotificationEmails emails;
    private final UnsubscribeLinks links;
    private final String unsubscribeUrl;

    public QueueNotificationEmailsService(EmailOutbox outbox, NotificationPreferenceStore preferences, UnsubscribeLinks links, Settings settings) {
        this.outbox = outbox;
        this.policy = new NotificationPolicy(preferences, settings.frontDesk());
        this.emails = new NotificationEmails(settings.siteUrl());
        this.links = links;
        this.unsubscribeUrl = settings.unsubscribeUrl();
    }

    /**
     * @param siteUrl where guests reach the motel's site (verification and reset pages)
     * @param unsubscribeUrl the website's unsubscribe page, which also takes the one-click POST (RFC 8058)
     * @param frontDesk sent a copy of booking mail; empty for none
     */
    public record Settings(String siteUrl, String unsubscribeUrl, List<EmailAddress> frontDesk) {

        public Settings {
            Objects.requireNonNull(siteUrl, "siteUrl");
            Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
            frontDesk = List.copyOf(frontDesk);
        }
    }

    @Override
    public void queue(NotificationEvent event) {
        NotificationEmail email = emails.of(event);
        Recipient guest = event.recipient();
        Map<String, String> model = new HashMap<>(email.model());
        model.put("firstName", guest.firstName());
        model.put("email", guest.email().value());
        for (Addressee addressee : policy.addressees(guest, EmailTemplates.typeOf(email.template()))) {
            Map<String, String> own = new HashMap<>(model);
            addressee.unsubscribe().ifPresent(token ->
                    own.put("unsubscribeUrl", unsubscribeUrl + "?token=" + URLEncoder.encode(links.sign(token), StandardCharsets.UTF_8)));
            // The front desk's copy goes without the guest's secrets (the manage link): the templates leave out what is absent.
            Set<String> sealed = addressee.frontDeskCopy() ? Set.of() : email.sealed();
            if (addressee.frontDeskCopy()) {
                own.keySet().removeAll(email.sealed());
            }
            outbox.enqueue(new OutgoingEmail(email.template(), addressee.address(), addressee.locale(), own, List.of(), List.of(), sealed));
        }
    }
}
