package com.westbethel.motel.application.notification.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Administrators' versions of email templates ({@code email_templates}), used instead of the shipped
 * template of the same name and language, without redeploying. Deleting one restores the shipped one.
 */
public interface EmailTemplateOverrides {

    List<TemplateOverride> all();

    Optional<TemplateOverride> find(String template, String languageTag);

    void save(TemplateOverride override);

    /** @return whether there was one */
    boolean delete(String template, String languageTag);

    /**
     * @param subject the subject line, with {@code {name}} placeholders
     * @param html the HTML body's content, with {@code {name}} placeholders (values HTML-escaped), placed inside the branded layout
     * @param text the plain-text body, with {@code {name}} placeholders
     */
    record TemplateOverride(String template, String languageTag, String subject, String html, String text, Instant updatedAt,
            String updatedBy) {

        public TemplateOverride {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(languageTag, "languageTag");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(text, "text");
        }
    }
}
