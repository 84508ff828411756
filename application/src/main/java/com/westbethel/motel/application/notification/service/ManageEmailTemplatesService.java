package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides.TemplateOverride;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Previews and edits of the email templates; see {@link ManageEmailTemplatesUseCase}. */
public record ManageEmailTemplatesService(EmailTemplateOverrides overrides, EmailRenderer renderer, NotificationSettings settings, AuditLog audit, Clock clock) implements ManageEmailTemplatesUseCase {

    private static final int MAX_SUBJECT = 200;

    @Override
    public List<TemplateSummary> templates() {
        List<TemplateOverride> edited = overrides.all();
        return EmailTemplates.ALL.stream().sorted().map(name -> {
            NotificationType type = EmailTemplates.typeOf(name);
            List<String> languages = edited.stream().filter(o -> o.template().equals(name)).map(TemplateOverride::languageTag).toList();
            return new TemplateSummary(name, type, type.essential(), languages);
        }).toList();
    }

    @Override
    public Optional<RenderedEmail> preview(String template, String languageTag) {
        if (!EmailTemplates.ALL.contains(template)) {
            return Optional.empty();
        }
        return Optional.of(renderer.render(template, Locale.forLanguageTag(language(languageTag)), EmailSamples.modelFor(template)));
    }

    @Override
    public Optional<TemplateOverride> edit(String template, String languageTag) {
        return EmailTemplates.ALL.contains(template) ? overrides.find(template, language(languageTag)) : Optional.empty();
    }

    @Override
    public SaveResult save(String template, String languageTag, String subject, String html, String text, String savedBy) {
        if (!EmailTemplates.ALL.contains(template)) {
            return new SaveResult.Refused("There is no email template called " + template + ".");
        }
        String language = language(languageTag);
        if (!settings.supports(Locale.forLanguageTag(language))) {
            return new SaveResult.Refused("Emails are written in %s; %s is not one of them."
                    .formatted(String.join(", ", settings.supportedLanguageTags()), languageTag));
        }
        if (subject.isBlank() || subject.length() > MAX_SUBJECT || subject.contains("\n") || subject.contains("\r")) {
            return new SaveResult.Refused("The subject must be one line of 1 to " + MAX_SUBJECT + " characters.");
        }
        if (html.isBlank() || text.isBlank()) {
            return new SaveResult.Refused("An email needs both an HTML and a plain-text body.");
        }
        // Guests' emails are chosen by language alone: an edit saved for en-US is the English edit.
        TemplateOverride candidate = new TemplateOverride(template, language, subject, html, text, clock.instant(), savedBy);
        RenderedEmail rendered;
        try {
            rendered = renderer.renderCandidate(candidate, EmailSamples.modelFor(template));
        } catch (IllegalArgumentException broken) {
            return new SaveResult.Refused(broken.getMessage());
        }
        Optional<TemplateOverride> before = overrides.find(template, language);
        overrides.save(candidate);
        audit.append(new AuditEntry(candidate.updatedAt(), savedBy, "EMAIL_TEMPLATE_EDITED", "email_template", template + "/" + language,
                before.map(ManageEmailTemplatesService::snapshot).orElse(Map.of()), snapshot(candidate)));
        return new SaveResult.Saved(rendered);
    }

    @Override
    public boolean revert(String template, String languageTag, String revertedBy) {
        String language = language(languageTag);
        Optional<TemplateOverride> before = overrides.find(template, language);
        if (before.isEmpty() || !overrides.delete(template, language)) {
            return false;
        }
        audit.append(new AuditEntry(clock.instant(), revertedBy, "EMAIL_TEMPLATE_REVERTED", "email_template", template + "/" + language,
                snapshot(before.get()), Map.of("version", "shipped")));
        return true;
    }

    /** What the audit log keeps of an edit: enough to see what changed, and a fingerprint of the rest. */
    private static Map<String, String> snapshot(TemplateOverride edit) {
        return Map.of("subject", edit.subject(), "htmlSha256", Sha256.hex(edit.html()), "textSha256", Sha256.hex(edit.text()));
    }

    private static String language(String languageTag) {
        String language = Locale.forLanguageTag(languageTag).getLanguage();
        return language.isEmpty() ? languageTag : language;
    }
}
