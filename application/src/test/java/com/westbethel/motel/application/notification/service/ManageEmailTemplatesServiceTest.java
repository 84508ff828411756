package com.westbethel.motel.application.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase.SaveResult;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase.TemplateSummary;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides.TemplateOverride;
import com.westbethel.motel.application.support.InMemoryEmailTemplateOverrides;
import com.westbethel.motel.application.support.RecordingAuditLog;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.notification.EmailTemplates;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ManageEmailTemplatesServiceTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

    private final InMemoryEmailTemplateOverrides overrides = new InMemoryEmailTemplateOverrides();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final ManageEmailTemplatesService templates = new ManageEmailTemplatesService(overrides, new NamingRenderer(),
            new NotificationSettings(List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))), audit,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void every_template_is_listed_in_name_order_with_its_type_and_the_languages_it_is_edited_in() {
        overrides.save(edit("welcome-email", "en"));
        overrides.save(edit("welcome-email", "nb"));

        List<TemplateSummary> listed = templates.templates();

        assertThat(listed).extracting(TemplateSummary::name).isSortedAccordingTo(String::compareTo)
                .containsExactlyInAnyOrderElementsOf(EmailTemplates.ALL);
        assertThat(listed).filteredOn(summary -> summary.name().equals("welcome-email")).singleElement().satisfies(welcome -> {
            assertThat(welcome.type()).isEqualTo(NotificationType.ACCOUNT_SECURITY);
            assertThat(welcome.essential()).isTrue();
            assertThat(welcome.editedLanguages()).containsExactlyInAnyOrder("en", "nb");
        });
        assertThat(listed).filteredOn(summary -> summary.name().equals("payment-receipt")).singleElement()
                .isEqualTo(new TemplateSummary("payment-receipt", NotificationType.PAYMENT_RECEIPTS, false, List.of()));
    }

    @Test
    void a_preview_renders_the_template_with_sample_values_in_the_language_of_the_tag() {
        Optional<EmailRenderer.RenderedEmail> preview = templates.preview("welcome-email", "nb-NO");

        assertThat(preview).map(EmailRenderer.RenderedEmail::subject).contains("welcome-email in nb");
        assertThat(preview).map(EmailRenderer.RenderedEmail::text).contains(new HashMap<>(EmailSamples.modelFor("welcome-email")).toString());
        assertThat(templates.preview("birthday-card", "en")).isEmpty();
    }

    @Test
    void an_edit_is_saved_for_its_language_alone_and_audited_with_the_version_it_replaced() {
        SaveResult first = templates.save("welcome-email", "en-US", "Welcome, {firstName}", "<p>Hi {firstName}</p>", "Hi {firstName}", "user:ann");
        SaveResult second = templates.save("welcome-email", "en", "Hello, {firstName}", "<p>Hello</p>", "Hello", "user:bob");

        assertThat(first).isInstanceOfSatisfying(SaveResult.Saved.class,
                saved -> assertThat(saved.preview().subject()).isEqualTo("Welcome, {firstName}"));
        assertThat(second).isInstanceOf(SaveResult.Saved.class);
        assertThat(overrides.find("welcome-email", "en")).map(TemplateOverride::subject).contains("Hello, {firstName}");
        assertThat(overrides.all()).singleElement().satisfies(edit -> {
            assertThat(edit.updatedBy()).isEqualTo("user:bob");
            assertThat(edit.updatedAt()).isEqualTo(NOW);
        });
        assertThat(audit.entries()).containsExactly(
                new AuditEntry(NOW, "user:ann", "EMAIL_TEMPLATE_EDITED", "email_template", "welcome-email/en", Map.of(),
                        snapshot("Welcome, {firstName}", "<p>Hi {firstName}</p>", "Hi {firstName}")),
                new AuditEntry(NOW, "user:bob", "EMAIL_TEMPLATE_EDITED", "email_template", "welcome-email/en",
                        snapshot("Welcome, {firstName}", "<p>Hi {firstName}</p>", "Hi {firstName}"),
                        snapshot("Hello, {firstName}", "<p>Hello</p>", "Hello")));
    }

    @Test
    void the_edit_in_use_is_handed_back_to_change_by_its_language_and_none_for_a_shipped_or_unknown_template() {
        templates.save("welcome-email", "en", "Hello, {firstName}", "<p>Hello</p>", "Hello", "user:bob");

        assertThat(templates.edit("welcome-email", "en-GB")).map(TemplateOverride::html).contains("<p>Hello</p>");
        assertThat(templates.edit("password-reset", "en")).isEmpty();
        assertThat(templates.edit("birthday-card", "en")).isEmpty();
    }

    @Test
    void an_edit_of_no_template_or_in_a_language_the_emails_are_not_written_in_is_refused() {
        assertThat(templates.save("birthday-card", "en", "Happy birthday", "<p>Hi</p>", "Hi", "user:ann"))
                .isEqualTo(new SaveResult.Refused("There is no email template called birthday-card."));
        assertThat(templates.save("welcome-email", "de", "Willkommen", "<p>Hallo</p>", "Hallo", "user:ann"))
                .isEqualTo(new SaveResult.Refused("Emails are written in en, nb; de is not one of them."));
        assertThat(overrides.all()).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void an_edit_needs_a_one_line_subject_of_at_most_200_characters_and_both_bodies() {
        String oneLine = "The subject must be one line of 1 to 200 characters.";
        String bothBodies = "An email needs both an HTML and a plain-text body.";

        assertThat(save(" ", "<p>Hi</p>", "Hi")).isEqualTo(new SaveResult.Refused(oneLine));
        assertThat(save("Welcome\r\nBcc: someone@evil.example", "<p>Hi</p>", "Hi")).isEqualTo(new SaveResult.Refused(oneLine));
        assertThat(save("W".repeat(201), "<p>Hi</p>", "Hi")).isEqualTo(new SaveResult.Refused(oneLine));
        assertThat(save("Welcome", "  ", "Hi")).isEqualTo(new SaveResult.Refused(bothBodies));
        assertThat(save("Welcome", "<p>Hi</p>", "")).isEqualTo(new SaveResult.Refused(bothBodies));
        assertThat(save("W".repeat(200), "<p>Hi</p>", "Hi")).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void an_edit_the_renderer_cannot_fill_is_refused_with_its_reason_and_not_saved() {
        SaveResult result = save("Your total", "<p>{bookingTotal}</p>", "Total");

        assertThat(result).isEqualTo(new SaveResult.Refused("{bookingTotal} is not a value of this email"));
        assertThat(overrides.all()).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void reverting_removes_the_edit_and_audits_it_while_reverting_a_shipped_template_changes_nothing() {
        templates.save("welcome-email", "nb", "Velkommen", "<p>Hei</p>", "Hei", "user:ann");

        boolean reverted = templates.revert("welcome-email", "nb-NO", "user:bob");
        boolean again = templates.revert("welcome-email", "nb", "user:bob");

        assertThat(reverted).isTrue();
        assertThat(again).isFalse();
        assertThat(overrides.all()).isEmpty();
        assertThat(audit.entries()).hasSize(2).last().isEqualTo(new AuditEntry(NOW, "user:bob", "EMAIL_TEMPLATE_REVERTED", "email_template",
                "welcome-email/nb", snapshot("Velkommen", "<p>Hei</p>", "Hei"), Map.of("version", "shipped")));
    }

    private SaveResult save(String subject, String html, String text) {
        return templates.save("welcome-email", "en", subject, html, text, "user:ann");
    }

    private static TemplateOverride edit(String template, String language) {
        return new TemplateOverride(template, language, "Edited", "<p>Edited</p>", "Edited", NOW, "user:ann");
    }

    private static Map<String, String> snapshot(String subject, String html, String text) {
        return Map.of("subject", subject, "htmlSha256", Sha256.hex(html), "textSha256", Sha256.hex(text));
    }

    /**
     * Renders a template as its name and language with the model as text, and a candidate as written; like the real
     * renderer, it refuses a candidate whose HTML asks for a value the email does not have.
     */
    private static final class NamingRenderer implements EmailRenderer {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

        @Override
        public RenderedEmail render(String template, Locale locale, Map<String, String> model) {
            return new RenderedEmail(template + " in " + locale.toLanguageTag(), "<p>" + template + "</p>", new HashMap<>(model).toString());
        }

        @Override
        public RenderedEmail renderCandidate(TemplateOverride candidate, Map<String, String> model) {
            Matcher placeholder = PLACEHOLDER.matcher(candidate.html());
            while (placeholder.find()) {
                if (!model.containsKey(placeholder.group(1))) {
                    throw new IllegalArgumentException(placeholder.group() + " is not a value of this email");
                }
            }
            return new RenderedEmail(candidate.subject(), candidate.html(), candidate.text());
        }
    }
}
