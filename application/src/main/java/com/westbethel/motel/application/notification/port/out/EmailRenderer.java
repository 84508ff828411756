package com.westbethel.motel.application.notification.port.out;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns a template and its variables into a subject, an HTML part and a plain-text part. */
public interface EmailRenderer {

    /** Renders the administrators' version of the template where there is one, else the shipped one. */
    RenderedEmail render(String template, Locale locale, Map<String, String> model);

    /**
     * Renders a candidate version of a template, to check or preview an edit before it is saved.
     *
     * @throws IllegalArgumentException when the candidate uses a placeholder the template does not offer
     */
    RenderedEmail renderCandidate(EmailTemplateOverrides.TemplateOverride candidate, Map<String, String> model);

    /**
     * @param attachments files sent with the email, such as a booking's calendar entry
     * @param unsubscribeUrl the one-click unsubscribe link of a non-essential email (RFC 8058), which the
     *     sender puts in the {@code List-Unsubscribe} headers
     */
    record RenderedEmail(String subject, String html, String text, List<Attachment> attachments, Optional<String> unsubscribeUrl) {

        public RenderedEmail {
            attachments = List.copyOf(attachments);
            Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
        }

        public RenderedEmail(String subject, String html, String text) {
            this(subject, html, text, List.of(), Optional.empty());
        }
    }

    /** A file sent with an email. */
    record Attachment(String filename, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
